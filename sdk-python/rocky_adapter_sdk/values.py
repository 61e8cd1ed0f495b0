"""Python values → the protocol's JSON values.

Integers beyond ±2^53, decimals, dates, times and timestamps travel as strings; timestamps as
'YYYY-MM-DD HH:MM:SS[.ffffff]' (timezone-aware ones converted to UTC first); bytes as base64.
"""
from __future__ import annotations

import base64
import datetime as dt
import math
import uuid
from decimal import Decimal
from typing import Any, List, Mapping, Sequence, cast

MAX_SAFE_INTEGER = 2**53 - 1


def format_timestamp(value: dt.datetime) -> str:
    """'YYYY-MM-DD HH:MM:SS' plus '.ffffff' when there are microseconds; aware values in UTC."""
    if value.tzinfo is not None and value.utcoffset() is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value.isoformat(sep=" ")


def parse_timestamp(text: str) -> dt.datetime:
    """Parses 'YYYY-MM-DD[ T]HH:MM:SS[.f…][Z|±HH:MM]' (the wire form and ISO 8601) as on Python 3.9."""
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    head, sep, frac = value.partition(".")
    if sep:
        digits = len(frac) - len(frac.lstrip("0123456789"))
        frac = frac[:digits][:6].ljust(6, "0") + frac[digits:]
        value = f"{head}.{frac}"
    return dt.datetime.fromisoformat(value)


def to_wire(value: Any) -> Any:
    """Converts one value (recursing into lists, tuples and dicts) to its JSON representation."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER else str(value)
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return format_timestamp(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.replace(tzinfo=None).isoformat()
    if isinstance(value, dt.timedelta):
        return str(value.total_seconds())
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(cast(Any, value))).decode("ascii")
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): to_wire(v) for k, v in cast(Mapping[Any, Any], value).items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_wire(v) for v in cast(Sequence[Any], value)]
    return str(value)


def row_to_wire(row: Sequence[Any]) -> List[Any]:
    """One result row as a JSON array."""
    return [to_wire(v) for v in row]


def rows_to_wire(rows: Sequence[Sequence[Any]]) -> List[List[Any]]:
    return [[to_wire(v) for v in row] for row in rows]


def json_default(value: Any) -> Any:
    """`default=` hook for json.dumps: anything json cannot encode goes through to_wire."""
    return to_wire(value)
