"""Test helpers: a JSON Lines peer that plays the host, against an in-process Server or a real child process."""
from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, BinaryIO, Dict, List, Optional, Union

SDK_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = SDK_ROOT / "examples" / "sqlite_adapter.py"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TIMEOUT = 10.0

if str(SDK_ROOT) not in sys.path:
    sys.path.insert(0, str(SDK_ROOT))

from rocky_adapter_sdk import Adapter, Server  # noqa: E402


class Peer:
    """Writes requests, collects every line the adapter writes (raw and parsed), waits for answers by id."""

    def __init__(self, write: BinaryIO, read: BinaryIO) -> None:
        self._write = write
        self._read = read
        self._ids = itertools.count(1)
        self._cond = threading.Condition()
        self.raw_lines: List[bytes] = []
        self.responses: Dict[Any, Dict[str, Any]] = {}
        self.notifications: List[Dict[str, Any]] = []
        self.null_id: List[Dict[str, Any]] = []
        #: Batch answers (JSON arrays), in arrival order.
        self.batches: List[List[Dict[str, Any]]] = []
        self.eof = False
        self._thread = threading.Thread(target=self._pump, daemon=True)
        self._thread.start()

    def _pump(self) -> None:
        for line in iter(self._read.readline, b""):
            message = json.loads(line)  # a non-JSON line fails the test through missing answers
            with self._cond:
                self.raw_lines.append(line)
                if isinstance(message, list):
                    self.batches.append(message)
                elif "id" not in message:
                    self.notifications.append(message)
                elif message["id"] is None:
                    self.null_id.append(message)
                else:
                    self.responses[message["id"]] = message
                self._cond.notify_all()
        with self._cond:
            self.eof = True
            self._cond.notify_all()

    def send_raw(self, data: bytes) -> None:
        self._write.write(data)
        self._write.flush()

    def send(self, message: Dict[str, Any]) -> None:
        self.send_raw(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")

    def request(self, method: str, params: Optional[Dict[str, Any]] = None, request_id: Union[int, str, None] = None) -> Any:
        rid = next(self._ids) if request_id is None else request_id
        message: Dict[str, Any] = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return rid

    def notify(self, method: str, params: Dict[str, Any]) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, rid: Any, timeout: float = TIMEOUT) -> Dict[str, Any]:
        with self._cond:
            if not self._cond.wait_for(lambda: rid in self.responses or self.eof, timeout):
                raise AssertionError(f"No answer to request {rid!r} within {timeout}s")
            if rid not in self.responses:
                raise AssertionError(f"Adapter closed stdout before answering request {rid!r}")
            return self.responses[rid]

    def wait_for(self, predicate: Any, timeout: float = TIMEOUT) -> None:
        with self._cond:
            if not self._cond.wait_for(lambda: predicate(self), timeout):
                raise AssertionError("Condition not met in time")

    def call(self, method: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        return self.wait(self.request(method, params))

    def result(self, method: str, params: Optional[Dict[str, Any]] = None) -> Any:
        answer = self.call(method, params)
        assert "result" in answer, f"{method} failed: {answer.get('error')}"
        return answer["result"]

    def close_input(self) -> None:
        self._write.close()


class InProcess:
    """A Server on os pipes in a thread of the test process."""

    def __init__(self, adapter: Adapter, exit_grace: float = 1.0, max_workers: int = 8) -> None:
        in_r, in_w = os.pipe()
        out_r, out_w = os.pipe()
        self.server = Server(adapter, os.fdopen(in_r, "rb"), os.fdopen(out_w, "wb"), exit_grace=exit_grace, max_workers=max_workers)
        self._out_w = out_w
        self.drained: Optional[bool] = None
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        self.peer = Peer(os.fdopen(in_w, "wb"), os.fdopen(out_r, "rb"))

    def _serve(self) -> None:
        self.drained = self.server.serve()

    def stop(self, timeout: float = TIMEOUT) -> Optional[bool]:
        try:
            self.peer.close_input()
        except OSError:
            pass
        self.thread.join(timeout)
        return self.drained


class ChildProcess:
    """A real adapter process speaking JSON Lines on its stdin/stdout; stderr is collected.
    $ROCKY_TEST_PYTHON picks the interpreter (e.g. a Python 3.9 to check the SDK's floor)."""

    def __init__(self, *args: str, env: Optional[Dict[str, str]] = None) -> None:
        self.proc = subprocess.Popen(
            [os.environ.get("ROCKY_TEST_PYTHON", sys.executable), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})},
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None and self.proc.stderr is not None
        self.stderr_chunks: List[bytes] = []
        self._stderr = self.proc.stderr
        self._err_thread = threading.Thread(target=self._drain, daemon=True)
        self._err_thread.start()
        self.peer = Peer(self.proc.stdin, self.proc.stdout)

    def _drain(self) -> None:
        for chunk in iter(lambda: self._stderr.read1(65536), b""):  # type: ignore[attr-defined]
            self.stderr_chunks.append(chunk)

    @property
    def stderr(self) -> str:
        return b"".join(self.stderr_chunks).decode("utf-8", "replace")

    def initialize(self, config: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        return self.peer.result("initialize", {"config": config or {}, "protocol_versions": {"min": 1, "max": 1}})

    def close(self, timeout: float = TIMEOUT) -> int:
        """Closes stdin and waits for the exit code."""
        try:
            self.peer.close_input()
        except OSError:
            pass
        code = self.proc.wait(timeout)
        self._err_thread.join(timeout)
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
