from __future__ import annotations

import threading

from harness import InProcess

from rocky_adapter_sdk import CancellationToken, RequestCancelled, RequestContext
from toy_adapter import ToyAdapter


def test_token_runs_callbacks_once_and_at_once_when_already_cancelled() -> None:
    token = CancellationToken()
    calls: list = []
    token.on_cancel(lambda: calls.append("a"))
    unregister = token.on_cancel(lambda: calls.append("removed"))
    unregister()
    token.cancel()
    token.cancel()
    token.on_cancel(lambda: calls.append("late"))
    assert calls == ["a", "late"]
    assert token.cancelled is True


def test_token_survives_a_failing_callback() -> None:
    token = CancellationToken()
    calls: list = []

    def bad() -> None:
        raise RuntimeError("hook failed")

    token.on_cancel(bad)
    token.on_cancel(lambda: calls.append("ok"))
    token.cancel()
    assert calls == ["ok"]


def test_check_cancelled_raises_request_cancelled_naming_the_request() -> None:
    ctx = RequestContext(7, "execute_query", lambda m, p: None)
    ctx.check_cancelled()
    ctx.token.cancel()
    try:
        ctx.check_cancelled()
    except RequestCancelled as exc:
        assert exc.code == -32800
        assert exc.message == "Request 7 (execute_query) was cancelled"
    else:
        raise AssertionError("check_cancelled did not raise")


def test_cancel_request_stops_a_running_handler_which_answers_minus_32800(toy: InProcess) -> None:
    adapter: ToyAdapter = toy.server.adapter  # type: ignore[assignment]
    rid = toy.peer.request("execute_statement", {"sql": "sleep"})
    assert adapter.started.wait(5)
    toy.peer.notify("$/cancelRequest", {"id": rid})
    assert toy.peer.wait(rid)["error"] == {
        "code": -32800,
        "message": f"Request {rid} (execute_statement) was cancelled",
        "data": {"code": "CANCELLED"},
    }
    assert toy.peer.result("ping") == {}


def test_cancel_of_a_queued_request_answers_minus_32800_without_running_it() -> None:
    calls: list = []

    class Counting(ToyAdapter):
        def execute_query(self, sql, params):  # type: ignore[no-untyped-def]
            calls.append(sql)
            return super().execute_query(sql, params)

    server = InProcess(Counting(), max_workers=1)
    adapter: Counting = server.server.adapter  # type: ignore[assignment]
    server.peer.result("initialize", {"config": {}})
    blocker = server.peer.request("execute_statement", {"sql": "gate"})
    queued = server.peer.request("execute_query", {"sql": "1"})
    server.peer.notify("$/cancelRequest", {"id": queued})
    assert server.peer.result("ping") == {}  # the reader handles lines in order: the cancel was seen
    adapter.gate.set()
    assert server.peer.wait(queued)["error"]["code"] == -32800
    assert "result" in server.peer.wait(blocker)
    assert calls == []
    server.stop()


def test_cancel_of_an_unknown_or_finished_request_is_ignored(toy: InProcess) -> None:
    rid = toy.peer.request("execute_statement", {"sql": "x"})
    toy.peer.wait(rid)
    toy.peer.notify("$/cancelRequest", {"id": rid})
    toy.peer.notify("$/cancelRequest", {"id": 999})
    toy.peer.notify("$/cancelRequest", {})
    toy.peer.notify("$/cancelRequest", {"id": [1, 2]})
    toy.peer.notify("$/cancelRequest", {"id": {"a": 1}})
    assert toy.peer.result("ping") == {}
    assert toy.peer.null_id == []
    # Params that are neither an object nor an array make an invalid Request object, answered even without an id.
    toy.peer.send({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": "nonsense"})
    toy.peer.wait_for(lambda p: len(p.null_id) == 1)
    assert toy.peer.null_id[0]["error"]["code"] == -32600


def test_cancel_with_a_string_id_matches_the_string_request(toy: InProcess) -> None:
    adapter: ToyAdapter = toy.server.adapter  # type: ignore[assignment]
    toy.peer.request("execute_statement", {"sql": "sleep"}, request_id="req-9")
    assert adapter.started.wait(5)
    toy.peer.notify("$/cancelRequest", {"id": "req-9"})
    assert toy.peer.wait("req-9")["error"]["code"] == -32800


def test_handler_sees_ctx_cancelled_from_another_thread(toy: InProcess) -> None:
    seen = threading.Event()

    class Polling(ToyAdapter):
        def execute_statement(self, sql, params):  # type: ignore[no-untyped-def]
            self.started.set()
            while not self.ctx.cancelled:
                self.ctx.token.wait(0.01)
            seen.set()
            return 0

    server = InProcess(Polling())
    server.peer.result("initialize", {"config": {}})
    rid = server.peer.request("execute_statement", {"sql": "x"})
    assert server.server.adapter.started.wait(5)  # type: ignore[attr-defined]
    server.peer.notify("$/cancelRequest", {"id": rid})
    assert server.peer.wait(rid)["error"]["code"] == -32800
    assert seen.is_set()
    server.stop()
