"""The SDK's process-level behaviour, against tests/fixtures/toy_adapter.py run as a real child process."""
from __future__ import annotations

import json
from typing import Iterator

import pytest
from harness import FIXTURES, ChildProcess

TOY = str(FIXTURES / "toy_adapter.py")


@pytest.fixture
def child() -> Iterator[ChildProcess]:
    process = ChildProcess(TOY, env={"TOY_EXIT_GRACE": "0.3"})
    yield process
    process.kill()


def test_stray_prints_and_fd1_writes_go_to_stderr_and_stdout_holds_only_protocol_lines(child: ChildProcess) -> None:
    child.initialize()
    assert child.peer.result("execute_statement", {"sql": "print"}) == {"rows_affected": 1}
    assert child.close() == 0
    for line in child.peer.raw_lines:
        assert line.endswith(b"\n")
        assert json.loads(line)["jsonrpc"] == "2.0"
    assert len(child.peer.raw_lines) == 2
    assert "stray print from a handler" in child.stderr
    assert "stray write to fd 1" in child.stderr
    assert "stray puts from C" in child.stderr


def test_python_logging_goes_to_stderr(child: ChildProcess) -> None:
    child.initialize()
    assert child.close() == 0
    assert 'WARNING rocky_adapter_sdk: Adapter "toy" declares the capability of "describe_table" but does not implement it' in child.stderr


def test_process_exits_0_on_stdin_eof_without_shutdown(child: ChildProcess) -> None:
    child.initialize()
    assert child.close() == 0


def test_process_exits_0_on_stdin_eof_after_shutdown(child: ChildProcess) -> None:
    child.initialize()
    assert child.peer.result("shutdown", {}) == {}
    assert child.close() == 0


def test_process_exits_0_on_eof_before_initialize(child: ChildProcess) -> None:
    assert child.close() == 0
    assert child.peer.raw_lines == []


def test_in_flight_request_finishes_within_the_grace_after_eof(child: ChildProcess) -> None:
    child.initialize()
    rid = child.peer.request("execute_query", {"sql": "3"})
    assert child.close() == 0
    assert child.peer.responses[rid]["result"]["rows"] == [[0], [1], [2]]


def test_process_exits_0_after_the_grace_when_a_handler_hangs(child: ChildProcess) -> None:
    child.initialize()
    rid = child.peer.request("execute_statement", {"sql": "hang"})
    assert child.peer.result("ping") == {}
    assert child.close() == 0
    assert rid not in child.peer.responses
    assert "Exiting with 1 request(s) still running after 0.3s" in child.stderr


def test_process_cancels_a_request_over_real_pipes(child: ChildProcess) -> None:
    child.initialize()
    rid = child.peer.request("execute_statement", {"sql": "sleep"})
    child.peer.notify("$/cancelRequest", {"id": rid})
    assert child.peer.wait(rid)["error"]["code"] == -32800
    assert child.close() == 0


def test_requests_still_running_at_eof_are_cancelled_after_half_the_grace(child: ChildProcess) -> None:
    child.initialize()
    rid = child.peer.request("execute_statement", {"sql": "sleep"})
    assert child.peer.result("ping") == {}
    assert child.close() == 0
    assert child.peer.responses[rid]["error"]["code"] == -32800
    assert "still running" not in child.stderr


def test_sqlite_query_running_at_eof_is_interrupted_and_the_process_exits_0() -> None:
    from harness import EXAMPLE

    child = ChildProcess(str(EXAMPLE))
    try:
        child.initialize()
        rid = child.peer.request("execute_query", {"sql": "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"})
        assert child.peer.result("ping") == {}
        assert child.close() == 0
        assert child.peer.responses[rid]["error"]["code"] == -32800
    finally:
        child.kill()
