"""JSON Lines framing: one UTF-8 JSON object per '\\n'-terminated line."""
from __future__ import annotations

import json
import threading
from typing import Any, BinaryIO, Dict, Iterator, List, Optional, Tuple, Union, cast

from .errors import AdapterError, InvalidRequest, ParseError
from .values import json_default

Message = Dict[str, Any]
#: A parsed line: the message, a batch (JSON-RPC 2.0 section 6: an array of messages), or the error to answer with id null.
Frame = Union[Message, List[Any], AdapterError]


def read_frames(stream: BinaryIO) -> Iterator[Frame]:
    """Yields one frame per non-blank line until EOF. A trailing '\\r' is tolerated."""
    while True:
        line = stream.readline()
        if not line:
            return
        if not line.strip():
            continue
        yield parse_line(line)


def parse_line(line: bytes) -> Frame:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ParseError(f"Cannot parse message: invalid UTF-8 at byte {exc.start}")
    try:
        value = json.loads(text)
    except ValueError as exc:
        return ParseError(f"Cannot parse message: {exc}")
    if isinstance(value, list):
        if not value:
            return InvalidRequest("Invalid request: an empty batch")
        return cast(List[Any], value)
    if not isinstance(value, dict):
        return InvalidRequest(f"Invalid request: expected a JSON-RPC object or a batch, got a JSON {_json_kind(value)}")
    return cast(Message, value)


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    return "boolean" if isinstance(value, bool) else "number"


def encode(message: Union[Message, List[Message]]) -> bytes:
    """One protocol line. Non-JSON values go through values.to_wire; NaN is refused rather than sent."""
    text = json.dumps(message, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=json_default)
    return text.encode("utf-8") + b"\n"


class LineWriter:
    """Writes whole lines under a lock, so concurrent handlers never interleave bytes."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._lock = threading.Lock()
        self.broken = False

    def write(self, message: Union[Message, List[Message]]) -> bool:
        """Writes one message; returns False (and stays broken) once the peer closed the stream."""
        data = encode(message)
        with self._lock:
            if self.broken:
                return False
            try:
                self._stream.write(data)
                self._stream.flush()
            except (OSError, ValueError):
                self.broken = True
                return False
        return True


def response(request_id: Any, result: Any) -> Message:
    return {"jsonrpc": "2.0", "id": request_id, "result": result}


def error_response(request_id: Any, error: Dict[str, Any]) -> Message:
    return {"jsonrpc": "2.0", "id": request_id, "error": error}


def notification(method: str, params: Dict[str, Any]) -> Message:
    return {"jsonrpc": "2.0", "method": method, "params": params}


def classify(message: Message) -> Tuple[str, Optional[str]]:
    """('request' | 'notification' | 'response' | 'invalid', problem): the Request object rules of JSON-RPC 2.0 section 4."""
    if message.get("jsonrpc") != "2.0":
        return "invalid", 'Message is not JSON-RPC 2.0: "jsonrpc" must be "2.0"'
    if "method" not in message:
        if "result" in message or "error" in message:
            return "response", None
        return "invalid", 'Message has no "method"'
    if not isinstance(message["method"], str):
        return "invalid", '"method" must be a string'
    if "params" in message and not isinstance(message["params"], (dict, list)):
        return "invalid", '"params" must be an object or an array'
    if "id" not in message:
        return "notification", None
    request_id = message["id"]
    if isinstance(request_id, bool) or not isinstance(request_id, (int, str)):
        return "invalid", '"id" must be an integer or a string'
    return "request", None

