from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))

from harness import EXAMPLE, ChildProcess, InProcess  # noqa: E402
from toy_adapter import ToyAdapter  # noqa: E402


@pytest.fixture
def toy() -> Iterator[InProcess]:
    """An initialized ToyAdapter served in-process."""
    server = InProcess(ToyAdapter())
    assert "result" in server.peer.call("initialize", {"config": {}})
    yield server
    server.stop()


@pytest.fixture
def sqlite() -> Iterator[ChildProcess]:
    """examples/sqlite_adapter.py as a child process, initialized on an in-memory database."""
    child = ChildProcess(str(EXAMPLE))
    child.initialize({"path": ":memory:"})
    yield child
    child.kill()
