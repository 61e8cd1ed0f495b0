"""Rocky adapter SDK: write a warehouse adapter as a Python class; the SDK speaks the protocol.

    from rocky_adapter_sdk import Adapter, QueryResult, build_manifest, capabilities, run

    class MyAdapter(Adapter):
        manifest = build_manifest("mine", "0.1.0", "generic", capabilities=capabilities(warehouse=True))
        def execute_query(self, sql, params): ...

    if __name__ == "__main__":
        run(MyAdapter())
"""
from __future__ import annotations

import os
import sys
from typing import Optional

from ._generated import (
    AdapterManifest,
    Capabilities,
    ColumnInfo,
    DiscoveredSchema,
    DiscoveredTable,
    ExecuteStatementParams,
    FreshnessTarget,
    GovernanceTarget,
    Grant,
    ProtocolVersionRange,
    SqlParam,
    TableFreshness,
    TableRef,
    TableRowCount,
)
from .adapter import SDK_VERSION, Adapter, QueryCursor, QueryResult, build_manifest, capabilities, run_statements
from .context import CancellationToken, LogLevel, RequestContext, current_context
from .errors import (
    STRING_CODES,
    AdapterError,
    CapabilityNotSupported,
    ErrorCode,
    ExecutionFailed,
    InternalError,
    InvalidConfig,
    InvalidParams,
    InvalidRequest,
    MethodNotFound,
    NotFound,
    ParseError,
    ProtocolVersionMismatch,
    RequestCancelled,
    Unavailable,
)
from .identifiers import assert_identifier
from .negotiation import SUPPORTED_VERSIONS, negotiate
from .server import Server
from .stdio import StdioGuard, configure_logging, exit_with_parent
from .values import format_timestamp, parse_timestamp, row_to_wire, rows_to_wire, to_wire


def serve(adapter: Adapter, *, max_workers: int = 8, exit_grace: float = 1.0, log_level: Optional[str] = None) -> int:
    """Serves `adapter` on this process's stdin/stdout until stdin EOF; returns the exit code (0).

    While serving, fd 1 and sys.stdout point at stderr, so only protocol lines reach the real stdout.
    Requests still running at EOF get half of `exit_grace` seconds, are then cancelled (so cooperative
    handlers stop), and if one still runs when `exit_grace` is over the process exits at once (os._exit).
    If the process that started it dies (re-parenting), the adapter exits with code 1 within about half a second.
    """
    configure_logging(log_level)
    exit_with_parent()
    with StdioGuard() as guard:
        assert guard.input is not None and guard.output is not None
        server = Server(adapter, guard.input, guard.output, max_workers=max_workers, exit_grace=exit_grace)
        drained = server.serve()
        if not drained:
            sys.stderr.flush()
            os._exit(0)
    return 0


def run(adapter: Adapter, *, max_workers: int = 8, exit_grace: float = 1.0, log_level: Optional[str] = None) -> None:
    """`serve(adapter)`, then exit the process with its code: the one-line main of an adapter."""
    sys.exit(serve(adapter, max_workers=max_workers, exit_grace=exit_grace, log_level=log_level))


__all__ = [
    "Adapter",
    "AdapterError",
    "AdapterManifest",
    "CancellationToken",
    "Capabilities",
    "CapabilityNotSupported",
    "ColumnInfo",
    "DiscoveredSchema",
    "DiscoveredTable",
    "ErrorCode",
    "ExecuteStatementParams",
    "ExecutionFailed",
    "FreshnessTarget",
    "GovernanceTarget",
    "Grant",
    "InternalError",
    "InvalidConfig",
    "InvalidParams",
    "InvalidRequest",
    "LogLevel",
    "MethodNotFound",
    "NotFound",
    "ParseError",
    "ProtocolVersionMismatch",
    "ProtocolVersionRange",
    "QueryCursor",
    "QueryResult",
    "RequestCancelled",
    "RequestContext",
    "SDK_VERSION",
    "STRING_CODES",
    "SUPPORTED_VERSIONS",
    "Server",
    "SqlParam",
    "StdioGuard",
    "TableFreshness",
    "TableRef",
    "TableRowCount",
    "Unavailable",
    "assert_identifier",
    "build_manifest",
    "capabilities",
    "configure_logging",
    "current_context",
    "format_timestamp",
    "negotiate",
    "parse_timestamp",
    "row_to_wire",
    "rows_to_wire",
    "run",
    "run_statements",
    "serve",
    "to_wire",
]
