"""Protocol version negotiation in `initialize`."""
from __future__ import annotations

from typing import Optional

from ._generated import ProtocolVersionRange
from .errors import ProtocolVersionMismatch

#: Protocol versions this SDK speaks.
SUPPORTED_VERSIONS: ProtocolVersionRange = {"min": 1, "max": 1}

#: The version assumed when the host offers no range (an original-Rocky host).
DEFAULT_VERSION = 1


def format_range(versions: ProtocolVersionRange) -> str:
    low, high = versions["min"], versions["max"]
    return f"{low}" if low == high else f"{low}..{high}"


def negotiate(
    offered: Optional[ProtocolVersionRange],
    supported: ProtocolVersionRange = SUPPORTED_VERSIONS,
    adapter: str = "adapter",
) -> int:
    """The highest version in both ranges; DEFAULT_VERSION when nothing is offered; else ProtocolVersionMismatch."""
    if offered is None:
        return DEFAULT_VERSION
    high = min(offered["max"], supported["max"])
    if high >= max(offered["min"], supported["min"]):
        return high
    raise ProtocolVersionMismatch(
        f'Cannot agree on a protocol version: the host offers {format_range(offered)}, '
        f'adapter "{adapter}" supports {format_range(supported)}',
        {"supported": dict(supported), "offered": dict(offered)},
    )
