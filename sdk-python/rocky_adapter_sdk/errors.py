"""Wire errors: an AdapterError crosses the protocol as `{code, message, data}`."""
from __future__ import annotations

from typing import Any, ClassVar, Dict, Mapping, Optional


class ErrorCode:
    """Numeric wire codes: JSON-RPC 2.0's, LSP's RequestCancelled, and Rocky's -32099..-32050 range."""

    PARSE_ERROR = -32700
    INVALID_REQUEST = -32600
    METHOD_NOT_FOUND = -32601
    INVALID_PARAMS = -32602
    INTERNAL_ERROR = -32603
    REQUEST_CANCELLED = -32800
    PROTOCOL_VERSION_MISMATCH = -32050
    CAPABILITY_NOT_SUPPORTED = -32051
    EXECUTION_FAILED = -32052
    NOT_FOUND = -32053
    INVALID_CONFIG = -32054
    UNAVAILABLE = -32055


#: The string form of each code, sent as `error.data.code` (the original Rocky protocol's codes).
STRING_CODES: Dict[int, str] = {
    ErrorCode.PARSE_ERROR: "PARSE_ERROR",
    ErrorCode.INVALID_REQUEST: "INVALID_REQUEST",
    ErrorCode.METHOD_NOT_FOUND: "METHOD_NOT_FOUND",
    ErrorCode.INVALID_PARAMS: "INVALID_PARAMS",
    ErrorCode.INTERNAL_ERROR: "INTERNAL",
    ErrorCode.REQUEST_CANCELLED: "CANCELLED",
    ErrorCode.PROTOCOL_VERSION_MISMATCH: "PROTOCOL_VERSION_MISMATCH",
    ErrorCode.CAPABILITY_NOT_SUPPORTED: "CAPABILITY_NOT_SUPPORTED",
    ErrorCode.EXECUTION_FAILED: "EXECUTION_FAILED",
    ErrorCode.NOT_FOUND: "NOT_FOUND",
    ErrorCode.INVALID_CONFIG: "INVALID_CONFIG",
    ErrorCode.UNAVAILABLE: "UNAVAILABLE",
}


class AdapterError(Exception):
    """An error answered to the host. Raise it (or a subclass) from an adapter method.

    `data` is merged into the wire `error.data`, which always carries the string `code`
    (e.g. ``{"code": "EXECUTION_FAILED"}``); `retryable` and `sqlstate` are added when given.
    """

    default_code: ClassVar[int] = ErrorCode.INTERNAL_ERROR

    def __init__(
        self,
        code: Optional[int] = None,
        message: str = "",
        data: Optional[Mapping[str, Any]] = None,
        *,
        retryable: Optional[bool] = None,
        sqlstate: Optional[str] = None,
    ) -> None:
        self.code: int = self.default_code if code is None else code
        self.message: str = message or STRING_CODES.get(self.code, "Adapter error")
        extra: Dict[str, Any] = dict(data or {})
        if retryable is not None:
            extra["retryable"] = retryable
        if sqlstate is not None:
            extra["sqlstate"] = sqlstate
        self.data: Dict[str, Any] = {"code": STRING_CODES.get(self.code, str(self.code)), **extra}
        super().__init__(self.message)

    def to_wire(self) -> Dict[str, Any]:
        """The JSON-RPC `error` object."""
        return {"code": self.code, "message": self.message, "data": self.data}


class _Named(AdapterError):
    def __init__(
        self,
        message: str = "",
        data: Optional[Mapping[str, Any]] = None,
        *,
        retryable: Optional[bool] = None,
        sqlstate: Optional[str] = None,
    ) -> None:
        super().__init__(None, message, data, retryable=retryable, sqlstate=sqlstate)


class ParseError(_Named):
    """-32700: a line that is not JSON."""

    default_code = ErrorCode.PARSE_ERROR


class InvalidRequest(_Named):
    """-32600: not a JSON-RPC request, or not allowed now (before initialize, after shutdown)."""

    default_code = ErrorCode.INVALID_REQUEST


class MethodNotFound(_Named):
    """-32601: no such method."""

    default_code = ErrorCode.METHOD_NOT_FOUND


class InvalidParams(_Named):
    """-32602: params missing or of the wrong type."""

    default_code = ErrorCode.INVALID_PARAMS


class InternalError(_Named):
    """-32603: a bug; any exception that is not an AdapterError is answered as this."""

    default_code = ErrorCode.INTERNAL_ERROR


class RequestCancelled(_Named):
    """-32800: the host cancelled the request with `$/cancelRequest`."""

    default_code = ErrorCode.REQUEST_CANCELLED


class ProtocolVersionMismatch(_Named):
    """-32050: no protocol version in the host's offered range."""

    default_code = ErrorCode.PROTOCOL_VERSION_MISMATCH


class CapabilityNotSupported(_Named):
    """-32051: the method belongs to a capability the manifest does not declare."""

    default_code = ErrorCode.CAPABILITY_NOT_SUPPORTED


class ExecutionFailed(_Named):
    """-32052: the warehouse rejected or failed the SQL."""

    default_code = ErrorCode.EXECUTION_FAILED


class NotFound(_Named):
    """-32053: a catalog, schema, table or cursor does not exist."""

    default_code = ErrorCode.NOT_FOUND


class InvalidConfig(_Named):
    """-32054: the adapter's config is unusable (bad credentials, missing path)."""

    default_code = ErrorCode.INVALID_CONFIG


class Unavailable(_Named):
    """-32055: the warehouse is throttling or down; retryable defaults to true."""

    default_code = ErrorCode.UNAVAILABLE

    def __init__(
        self,
        message: str = "",
        data: Optional[Mapping[str, Any]] = None,
        *,
        retryable: Optional[bool] = True,
        sqlstate: Optional[str] = None,
    ) -> None:
        super().__init__(message, data, retryable=retryable, sqlstate=sqlstate)
