"""The protocol server: reads requests on its own thread, runs handlers on a pool, answers each id once."""
from __future__ import annotations

import logging
import threading
import time
from typing import Any, BinaryIO, Callable, Dict, List, Optional, cast

from ._generated import AdapterManifest
from .adapter import SDK_VERSION, Adapter
from .context import RequestContext, RequestId, reset_current_context, set_current_context, set_default_notify
from .errors import (
    AdapterError,
    CapabilityNotSupported,
    InternalError,
    InvalidParams,
    InvalidRequest,
    MethodNotFound,
    RequestCancelled,
)
from .framing import LineWriter, Message, classify, encode, error_response, notification, read_frames, response
from .methods import METHODS, MethodSpec, unimplemented_methods
from .negotiation import SUPPORTED_VERSIONS, negotiate
from .paging import CursorRegistry
from .pool import WorkerPool
from .validate import validate

_log = logging.getLogger("rocky_adapter_sdk")
LIFECYCLE = ("initialize", "ping", "shutdown")

#: Where one answer goes: straight to stdout, or into the batch it belongs to.
Reply = Callable[[Message], None]


class _Batch:
    """The answers to one batch (JSON-RPC 2.0 section 6), written as one array once every request in it is answered;
    nothing is written when it held only notifications."""

    def __init__(self, write: Callable[[List[Message]], None]) -> None:
        self._write = write
        self._lock = threading.Lock()
        self._answers: List[Message] = []
        self._open = 0
        self._closed = False

    def slot(self) -> Reply:
        """A reply for one more answer the batch waits for."""
        with self._lock:
            self._open += 1

        def deliver(message: Message) -> None:
            with self._lock:
                self._answers.append(message)
                self._open -= 1
                ready = self._closed and self._open == 0
            if ready:
                self._flush()

        return deliver

    def close(self) -> None:
        """Every message of the batch is dispatched."""
        with self._lock:
            self._closed = True
            ready = self._open == 0
        if ready:
            self._flush()

    def _flush(self) -> None:
        if self._answers:
            self._write(self._answers)


class Server:
    """Serves one adapter over a pair of byte streams (the process's stdin/stdout in `run`)."""

    def __init__(
        self,
        adapter: Adapter,
        input: BinaryIO,
        output: BinaryIO,
        *,
        max_workers: int = 8,
        exit_grace: float = 1.0,
    ) -> None:
        self.adapter = adapter
        self.manifest = _complete_manifest(adapter.get_manifest())
        self.exit_grace = exit_grace
        self._input = input
        self._writer = LineWriter(output)
        self._pool = WorkerPool(max_workers)
        self._cursors = CursorRegistry()
        self._lock = threading.Condition()
        self._inflight: Dict[RequestId, RequestContext] = {}
        self._initialized = False
        self._initializing = False
        self._shutdown = False
        self._eof = threading.Event()
        self._init_done = threading.Event()
        for method in unimplemented_methods(adapter, dict(self.manifest["capabilities"])):
            _log.warning('Adapter "%s" declares the capability of "%s" but does not implement it', self.manifest["name"], method)

    # lifecycle ----------------------------------------------------------------------------------

    def serve(self) -> bool:
        """Serves until stdin EOF (or stdout breaks). Requests still running then get half of `exit_grace`,
        are cancelled, and get the other half. Returns True when everything finished and the adapter was
        closed, False when a handler still runs."""
        set_default_notify(self.notify)
        reader = threading.Thread(target=self._read_loop, name="rocky-reader", daemon=True)
        reader.start()
        self._eof.wait()
        drained = self._wait_idle(self.exit_grace / 2)
        if not drained:
            with self._lock:
                running = list(self._inflight.values())
            for ctx in running:
                ctx.token.cancel()
            drained = self._wait_idle(self.exit_grace / 2)
        self._cursors.close_all()
        if drained:
            try:
                self.adapter.close()
            except Exception:
                _log.exception('Adapter "%s" failed to close', self.manifest["name"])
        else:
            _log.warning("Exiting with %d request(s) still running after %.1fs", len(self._inflight), self.exit_grace)
        return drained

    def _read_loop(self) -> None:
        try:
            for frame in read_frames(self._input):
                if isinstance(frame, AdapterError):
                    self._send(error_response(None, frame.to_wire()))
                elif isinstance(frame, list):
                    self._on_batch(frame)
                else:
                    self._on_frame(frame)
                if self._writer.broken:
                    break
        except Exception:
            _log.exception("Reading the protocol stream failed")
        finally:
            self._eof.set()

    def _wait_idle(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._lock:
            while self._inflight:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._lock.wait(remaining)
        return True

    # dispatch -----------------------------------------------------------------------------------

    def _on_batch(self, items: List[Any]) -> None:
        """A batch: each member handled as a message of its own, the answers sent together as one array."""
        batch = _Batch(lambda answers: self._send_batch(answers))
        for item in items:
            if isinstance(item, dict):
                self._on_frame(cast(Message, item), batch)
            else:
                batch.slot()(error_response(None, InvalidRequest("Invalid request: a batch member must be a JSON-RPC object").to_wire()))
        batch.close()

    def _on_frame(self, message: Message, batch: Optional[_Batch] = None) -> None:
        """One message; a bug handling it is answered (or logged), never the end of the reader."""
        kind, problem = classify(message)
        reply = batch.slot() if batch is not None and kind in ("request", "invalid") else None
        try:
            self._on_message(message, kind, problem, reply)
        except Exception as exc:
            _log.exception("Handling a message failed")
            if kind == "request":
                self._send(error_response(message["id"], InternalError(str(exc) or type(exc).__name__).to_wire()), reply=reply)

    def _on_message(self, message: Message, kind: str, problem: Optional[str], reply: Optional[Reply]) -> None:
        if kind == "invalid":
            # JSON-RPC 2.0 section 5: when the request is invalid, its id is not to be trusted; the answer's id is null.
            self._send(error_response(None, InvalidRequest(problem or "Invalid request").to_wire()), reply=reply)
        elif kind == "notification":
            self._on_notification(message["method"], message.get("params"))
        elif kind == "request":
            request_id: RequestId = message["id"]
            try:
                self._on_request(request_id, message["method"], message.get("params", {}), reply)
            except AdapterError as exc:
                self._send(error_response(request_id, exc.to_wire()), reply=reply)

    def _on_notification(self, method: str, params: Any) -> None:
        if method == "$/cancelRequest" and isinstance(params, dict):
            self.cancel(cast(Dict[str, Any], params).get("id"))
        elif not method.startswith("$/"):
            _log.debug('Ignoring notification "%s"', method)

    def cancel(self, request_id: Any) -> bool:
        """Cancels an in-flight request; False when no such request runs."""
        if isinstance(request_id, bool) or not isinstance(request_id, (int, str)):
            return False
        with self._lock:
            ctx = self._inflight.get(request_id)
        if ctx is None:
            return False
        ctx.token.cancel()
        return True

    def _on_request(self, request_id: RequestId, method: str, params: Any, reply: Optional[Reply] = None) -> None:
        if params is None:
            params = {}
        if not isinstance(params, dict):
            raise InvalidParams(f'Params of "{method}" must be an object')
        if method == "ping":
            self._send(response(request_id, {}), reply=reply)
            return
        if method == "shutdown":
            self._shutdown = True
            self._send(response(request_id, {}), reply=reply)
            return
        spec = METHODS.get(method)
        if method != "initialize":
            self._gate(method, spec)
        problem = validate(spec.params_type if spec else "InitializeParams", params)
        if problem:
            raise InvalidParams(f'Invalid params for "{method}": {problem}')
        if method == "initialize":
            with self._lock:
                if self._initialized or self._initializing:
                    raise InvalidRequest(f'Adapter "{self.manifest["name"]}" is already initialized')
                self._initializing = True
                self._init_done.clear()
        ctx = RequestContext(request_id, method, self.notify)
        with self._lock:
            if request_id in self._inflight:
                raise InvalidRequest(f"Request id {request_id!r} is already in flight")
            self._inflight[request_id] = ctx
        checked = cast(Dict[str, Any], params)
        self._pool.submit(lambda: self._run(ctx, spec, checked, reply))

    def _gate(self, method: str, spec: Optional[MethodSpec]) -> None:
        if spec is None:
            raise MethodNotFound(f'Unknown method "{method}"', {"method": method})
        if self.manifest["capabilities"].get(spec.capability) is not True:
            raise CapabilityNotSupported(
                f'Adapter "{self.manifest["name"]}" does not support "{method}": capability "{spec.capability}" is not declared',
                {"method": method, "capability": spec.capability},
            )
        if self._shutdown:
            raise InvalidRequest(f'Cannot run "{method}": the adapter is shutting down')
        if not self._initialized and not self._initializing:
            raise InvalidRequest(f'Cannot run "{method}" before "initialize"')

    def _run(self, ctx: RequestContext, spec: Optional[MethodSpec], params: Dict[str, Any], reply: Optional[Reply] = None) -> None:
        token = set_current_context(ctx)
        try:
            if spec is not None:
                self._await_initialized(ctx)
            ctx.check_cancelled()
            result = self._initialize(params) if spec is None else spec.call(self.adapter, params, self._cursors)
            ctx.check_cancelled()
            message = response(ctx.request_id, result)
        except BaseException as exc:  # noqa: BLE001 - every failure becomes an answer
            message = error_response(ctx.request_id, self._error(ctx, exc).to_wire())
        finally:
            reset_current_context(token)
            if spec is None:
                with self._lock:
                    self._initializing = False
                self._init_done.set()
        self._send(message, ctx, reply)

    def _await_initialized(self, ctx: RequestContext) -> None:
        """Requests pipelined behind a running `initialize` wait for it."""
        while not self._init_done.wait(0.05):
            ctx.check_cancelled()
        if not self._initialized:
            raise InvalidRequest(f'Cannot run "{ctx.method}": "initialize" failed')

    def _initialize(self, params: Dict[str, Any]) -> Dict[str, Any]:
        version = negotiate(params.get("protocol_versions"), SUPPORTED_VERSIONS, self.manifest["name"])
        self.adapter.initialize(dict(params["config"]))
        self._initialized = True
        return {"manifest": self.manifest, "protocol_version": version}

    def _error(self, ctx: RequestContext, exc: BaseException) -> AdapterError:
        if ctx.cancelled:
            return RequestCancelled(f"Request {ctx.request_id!r} ({ctx.method}) was cancelled")
        if isinstance(exc, AdapterError):
            return exc
        _log.error('Request %r (%s) failed', ctx.request_id, ctx.method, exc_info=exc)
        return InternalError(str(exc) or type(exc).__name__, {"type": type(exc).__name__})

    # output -------------------------------------------------------------------------------------

    def _send(self, message: Message, ctx: Optional[RequestContext] = None, reply: Optional[Reply] = None) -> None:
        ok = True
        try:
            encode(message)
        except (TypeError, ValueError) as exc:
            _log.error("Cannot encode the answer to request %r", message.get("id"), exc_info=exc)
            message = error_response(message.get("id"), InternalError(f"Cannot encode the result as JSON: {exc}").to_wire())
        if reply is not None:
            reply(message)
        else:
            ok = self._writer.write(message)
        if ctx is not None and ctx.request_id is not None:
            with self._lock:
                self._inflight.pop(ctx.request_id, None)
                self._lock.notify_all()
        if not ok:
            self._eof.set()

    def _send_batch(self, answers: List[Message]) -> None:
        if not self._writer.write(answers):
            self._eof.set()

    def notify(self, method: str, params: Dict[str, Any]) -> None:
        """Sends a notification ($/log, $/progress) to the host."""
        try:
            self._writer.write(notification(method, params))
        except (TypeError, ValueError) as exc:
            _log.error('Cannot encode notification "%s"', method, exc_info=exc)


def _complete_manifest(manifest: AdapterManifest) -> AdapterManifest:
    """The manifest with sdk_version filled in, validated, so a broken one fails at start, not in initialize."""
    complete: Dict[str, Any] = {"sdk_version": SDK_VERSION, **manifest}
    problem = validate("AdapterManifest", complete)
    if problem:
        raise TypeError(f"Invalid adapter manifest: {problem.replace('params', 'manifest', 1)}")
    return cast(AdapterManifest, complete)
