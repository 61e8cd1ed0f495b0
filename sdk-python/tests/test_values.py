from __future__ import annotations

import datetime as dt
import json
import math
import uuid
from decimal import Decimal

import pytest

from rocky_adapter_sdk import format_timestamp, parse_timestamp, row_to_wire, to_wire
from rocky_adapter_sdk.framing import encode


@pytest.mark.parametrize(
    ("value", "wire"),
    [
        (None, None),
        (True, True),
        ("ü", "ü"),
        (42, 42),
        (2**53 - 1, 2**53 - 1),
        (2**53, "9007199254740992"),
        (-(2**63), "-9223372036854775808"),
        (1.25, 1.25),
        (math.nan, "NaN"),
        (math.inf, "Infinity"),
        (-math.inf, "-Infinity"),
        (Decimal("12345678901234567890.123"), "12345678901234567890.123"),
        (dt.datetime(2024, 3, 1, 12, 30, 45), "2024-03-01 12:30:45"),
        (dt.datetime(2024, 3, 1, 12, 30, 45, 120), "2024-03-01 12:30:45.000120"),
        (dt.datetime(2024, 3, 1, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))), "2024-03-01 12:00:00"),
        (dt.date(2024, 3, 1), "2024-03-01"),
        (dt.time(8, 5, 0, 500), "08:05:00.000500"),
        (dt.timedelta(seconds=90), "90.0"),
        (b"\x00\xffhi", "AP9oaQ=="),
        (uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"),
        ([1, Decimal("2.5"), [dt.date(2020, 1, 1)]], [1, "2.5", ["2020-01-01"]]),
        ({"a": Decimal("1"), 2: None}, {"a": "1", "2": None}),
    ],
)
def test_to_wire_converts_each_python_value_to_its_json_form(value: object, wire: object) -> None:
    assert to_wire(value) == wire


def test_row_to_wire_converts_a_tuple_row_to_a_list() -> None:
    assert row_to_wire((1, Decimal("0.1"), None)) == [1, "0.1", None]


def test_format_timestamp_omits_zero_microseconds() -> None:
    assert format_timestamp(dt.datetime(2024, 1, 1)) == "2024-01-01 00:00:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-15 10:30:00", dt.datetime(2024, 1, 15, 10, 30)),
        ("2024-01-15T10:30:00.5", dt.datetime(2024, 1, 15, 10, 30, 0, 500000)),
        ("2024-01-15T10:30:00.123456789Z", dt.datetime(2024, 1, 15, 10, 30, 0, 123456, tzinfo=dt.timezone.utc)),
        ("2024-01-15T10:30:00+02:00", dt.datetime(2024, 1, 15, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))),
        ("2024-01-15", dt.datetime(2024, 1, 15)),
    ],
)
def test_parse_timestamp_reads_the_wire_form_and_iso_8601(text: str, expected: dt.datetime) -> None:
    assert parse_timestamp(text) == expected


def test_parse_timestamp_rejects_text_that_is_not_a_timestamp() -> None:
    with pytest.raises(ValueError):
        parse_timestamp("yesterday")


def test_encode_converts_non_json_values_in_results_through_to_wire() -> None:
    line = encode({"result": {"max_value": dt.datetime(2024, 1, 1, 0, 0, 1), "n": Decimal("3")}})
    assert json.loads(line) == {"result": {"max_value": "2024-01-01 00:00:01", "n": "3"}}
