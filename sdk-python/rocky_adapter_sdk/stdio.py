"""Keep stdout for the protocol: fd 1 points at stderr while serving, and logging goes to stderr."""
from __future__ import annotations

import logging
import os
import sys
import threading
import time
from types import TracebackType
from typing import BinaryIO, Optional, Type


class StdioGuard:
    """Moves the real stdin/stdout to private fds for the protocol, then points fd 1 (and sys.stdout)
    at stderr and fd 0 at the null device, so a stray `print`, a C library writing to fd 1, or a child
    process reading stdin cannot corrupt or steal the protocol stream. Restored on exit."""

    def __init__(self) -> None:
        self.input: Optional[BinaryIO] = None
        self.output: Optional[BinaryIO] = None
        self._saved_in = -1
        self._saved_out = -1
        self._saved_stdout = sys.stdout
        self._saved_stdin = sys.stdin

    def __enter__(self) -> "StdioGuard":
        for stream in (sys.stdout, sys.__stdout__):
            if stream is not None:
                stream.flush()
        self._saved_in, self._saved_out = os.dup(0), os.dup(1)
        self.input = os.fdopen(os.dup(0), "rb", buffering=1 << 16)
        self.output = os.fdopen(os.dup(1), "wb", buffering=1 << 16)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        os.dup2(2, 1)
        self._saved_stdout, self._saved_stdin = sys.stdout, sys.stdin
        sys.stdout = sys.stderr
        sys.stdin = open(os.devnull, "r")  # noqa: SIM115 - lives as long as the guard
        return self

    def __exit__(
        self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]
    ) -> None:
        self.restore()

    def restore(self) -> None:
        if self._saved_out < 0:
            return
        sys.stderr.flush()
        if self.output is not None:
            try:
                self.output.close()
            except OSError:
                pass
        os.dup2(self._saved_out, 1)
        os.dup2(self._saved_in, 0)
        os.close(self._saved_out)
        os.close(self._saved_in)
        self._saved_in = self._saved_out = -1
        sys.stdin.close()
        sys.stdout, sys.stdin = self._saved_stdout, self._saved_stdin


def configure_logging(level: Optional[str] = None) -> None:
    """Sends the `logging` module to stderr (level from `level`, else $ROCKY_LOG_LEVEL, else INFO),
    unless the root logger already has a handler."""
    root = logging.getLogger()
    if root.handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    name = (level or os.environ.get("ROCKY_LOG_LEVEL") or "INFO").upper()
    value = getattr(logging, "WARNING" if name == "WARN" else name, None)
    root.setLevel(value if isinstance(value, int) else logging.INFO)


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def exit_with_parent(interval: float = 0.5) -> None:
    """Exits the process (code 1) once the host is gone: this process re-parented, or the pid Rocky passes in
    $ROCKY_HOST_PID no longer exists (which also covers a host that died before this process started). A host killed
    with SIGKILL cannot close stdin first, and an adapter that outlived it would keep its connections and locks."""
    parent = os.getppid()
    raw = os.environ.get("ROCKY_HOST_PID", "")
    host = int(raw) if raw.isdigit() and int(raw) > 1 else None

    def gone() -> bool:
        return (parent > 1 and os.getppid() != parent) or (host is not None and not _process_exists(host))

    def exit_now() -> None:
        sys.stderr.write(f"the host (pid {host or parent}) is gone; exiting\n")
        sys.stderr.flush()
        os._exit(1)

    if gone():
        exit_now()

    def watch() -> None:
        while not gone():
            time.sleep(interval)
        exit_now()

    threading.Thread(target=watch, name="rocky-parent-watchdog", daemon=True).start()
