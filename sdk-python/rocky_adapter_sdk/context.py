"""Per-request context: cancellation, `$/log`, `$/progress` and `$/metrics`."""
from __future__ import annotations

import contextvars
import logging
import sys
import threading
from typing import Any, Callable, Dict, List, Literal, Optional, Union

from .errors import RequestCancelled

RequestId = Union[int, str]
LogLevel = Literal["trace", "debug", "info", "warn", "error"]
Notify = Callable[[str, Dict[str, Any]], None]

_log = logging.getLogger("rocky_adapter_sdk")
LOG_LEVELS = ("trace", "debug", "info", "warn", "error")


class CancellationToken:
    """Set once by `$/cancelRequest`; callbacks registered with on_cancel run on the reader thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._event = threading.Event()
        self._callbacks: List[Callable[[], None]] = []

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        with self._lock:
            if self._event.is_set():
                return
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            _run_callback(callback)

    def on_cancel(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Runs `callback` when cancelled (at once if already); returns a function that unregisters it."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)
                return lambda: self._remove(callback)
        _run_callback(callback)
        return lambda: None

    def wait(self, timeout: Optional[float] = None) -> bool:
        """Blocks until cancelled or `timeout` seconds pass; returns whether cancelled."""
        return self._event.wait(timeout)

    def _remove(self, callback: Callable[[], None]) -> None:
        with self._lock:
            if callback in self._callbacks:
                self._callbacks.remove(callback)


def _run_callback(callback: Callable[[], None]) -> None:
    try:
        callback()
    except Exception:  # a failing cancel hook must not stop the reader thread
        _log.exception("Cancellation callback failed")


class RequestContext:
    """What a handler knows about the request it serves. Get it with `self.ctx` inside an Adapter method."""

    def __init__(self, request_id: Optional[RequestId], method: str, notify: Notify, token: Optional[CancellationToken] = None) -> None:
        self.request_id = request_id
        self.method = method
        self.token = token or CancellationToken()
        self._notify = notify

    @property
    def cancelled(self) -> bool:
        """True once the host sent `$/cancelRequest` for this request."""
        return self.token.cancelled

    def check_cancelled(self) -> None:
        """Raises RequestCancelled when the host cancelled this request; call it between units of work."""
        if self.token.cancelled:
            raise RequestCancelled(f"Request {self.request_id!r} ({self.method}) was cancelled")

    def on_cancel(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Runs `callback` (e.g. a driver's interrupt) when the host cancels; returns an unregister function."""
        return self.token.on_cancel(callback)

    def log(self, level: LogLevel, message: str, **fields: Any) -> None:
        """Sends `$/log` {level, message, fields?} to the host's log."""
        if level not in LOG_LEVELS:
            raise ValueError(f'Log level "{level}" is not one of {", ".join(LOG_LEVELS)}')
        params: Dict[str, Any] = {"level": level, "message": message}
        if fields:
            params["fields"] = fields
        self._notify("$/log", params)

    def metrics(self, counters: Optional[Dict[str, int]] = None, gauges: Optional[Dict[str, float]] = None) -> None:
        """Sends `$/metrics`: counter increments since the last report (e.g. retries) and gauges (e.g. concurrency_window)."""
        params: Dict[str, Any] = {}
        for kind, values in (("counters", counters), ("gauges", gauges)):
            if not values:
                continue
            for name, value in values.items():
                if not (name[:1].islower() and all(c.islower() or c.isdigit() or c == "_" for c in name)):
                    raise ValueError(f'Metric name "{name}" must match ^[a-z][a-z0-9_]*$')
                if kind == "counters" and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                    raise ValueError(f'Counter "{name}" must be a non-negative integer increment, got {value!r}')
            params[kind] = dict(values)
        if params:
            self._notify("$/metrics", params)

    def progress(self, current: Optional[float] = None, total: Optional[float] = None, message: Optional[str] = None) -> None:
        """Sends `$/progress` {token: request id, current?, total?, message?}."""
        if self.request_id is None:
            return
        params: Dict[str, Any] = {"token": self.request_id}
        if current is not None:
            params["current"] = current
        if total is not None:
            params["total"] = total
        if message is not None:
            params["message"] = message
        self._notify("$/progress", params)


def _stderr_notify(method: str, params: Dict[str, Any]) -> None:
    print(f"{method} {params}", file=sys.stderr)


_current: contextvars.ContextVar[Optional[RequestContext]] = contextvars.ContextVar("rocky_request_context", default=None)
_IDLE = RequestContext(None, "", _stderr_notify)


def set_default_notify(notify: Notify) -> None:
    """Where the idle context (outside any request) sends `$/log`; the server points it at the protocol."""
    _IDLE._notify = notify  # pyright: ignore[reportPrivateUsage]


def current_context() -> RequestContext:
    """The context of the request the calling thread serves; outside a request, an idle context whose log goes to stderr."""
    return _current.get() or _IDLE


def set_current_context(ctx: Optional[RequestContext]) -> contextvars.Token[Optional[RequestContext]]:
    return _current.set(ctx)


def reset_current_context(token: contextvars.Token[Optional[RequestContext]]) -> None:
    _current.reset(token)
