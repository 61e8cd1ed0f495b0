"""Identifier checks for SQL an adapter builds from names it was sent."""
from __future__ import annotations

import re

from .errors import InvalidParams

_IDENTIFIER = re.compile(r"^[a-zA-Z0-9_]+$")


def assert_identifier(name: str, what: str = "identifier") -> str:
    """Returns `name` when it matches ^[a-zA-Z0-9_]+$ (safe to quote into SQL); else raises InvalidParams."""
    if not isinstance(name, str) or not _IDENTIFIER.fullmatch(name):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise InvalidParams(f'Invalid {what} "{name}": expected letters, digits and underscores only')
    return name
