from __future__ import annotations

from harness import InProcess

from toy_adapter import ToyAdapter


def test_query_paging_defaults_to_paging_the_execute_query_result(toy: InProcess) -> None:
    opened = toy.peer.result("query/open", {"sql": "5", "batch_rows": 2})
    assert opened["columns"] == ["n"]
    assert opened["column_types"] == ["INTEGER"]
    cursor = opened["cursor"]
    assert toy.peer.result("query/fetch", {"cursor": cursor}) == {"rows": [[0], [1]], "done": False}
    assert toy.peer.result("query/fetch", {"cursor": cursor, "max_rows": 2}) == {"rows": [[2], [3]], "done": False}
    assert toy.peer.result("query/fetch", {"cursor": cursor, "max_rows": 10}) == {"rows": [[4]], "done": True}


def test_query_fetch_reports_done_on_the_batch_that_ends_the_result(toy: InProcess) -> None:
    cursor = toy.peer.result("query/open", {"sql": "4", "batch_rows": 2})["cursor"]
    assert toy.peer.result("query/fetch", {"cursor": cursor}) == {"rows": [[0], [1]], "done": False}
    assert toy.peer.result("query/fetch", {"cursor": cursor}) == {"rows": [[2], [3]], "done": True}


def test_query_fetch_of_an_empty_result_is_done_at_once(toy: InProcess) -> None:
    cursor = toy.peer.result("query/open", {"sql": "0"})["cursor"]
    assert toy.peer.result("query/fetch", {"cursor": cursor}) == {"rows": [], "done": True}


def test_cursor_is_closed_after_done_and_then_unknown(toy: InProcess) -> None:
    cursor = toy.peer.result("query/open", {"sql": "stream"})["cursor"]
    assert toy.peer.result("query/fetch", {"cursor": cursor, "max_rows": 100}) == {"rows": [[0], [1], [2], [3], [4]], "done": True}
    assert getattr(toy.server.adapter, "closed_cursor", False) is True
    answer = toy.peer.call("query/fetch", {"cursor": cursor})
    assert answer["error"]["code"] == -32053
    assert answer["error"]["message"] == f'Cursor "{cursor}" does not exist or is already closed'
    assert toy.peer.result("query/close", {"cursor": cursor}) == {}


def test_query_close_runs_the_cursors_on_close_before_the_end(toy: InProcess) -> None:
    cursor = toy.peer.result("query/open", {"sql": "stream"})["cursor"]
    assert toy.peer.result("query/fetch", {"cursor": cursor, "max_rows": 1}) == {"rows": [[0]], "done": False}
    assert toy.peer.result("query/close", {"cursor": cursor}) == {}
    assert getattr(toy.server.adapter, "closed_cursor", False) is True
    assert toy.peer.call("query/fetch", {"cursor": cursor})["error"]["code"] == -32053


def test_open_cursors_are_closed_when_the_server_exits() -> None:
    server = InProcess(ToyAdapter())
    server.peer.result("initialize", {"config": {}})
    server.peer.result("query/open", {"sql": "stream"})
    assert server.stop() is True
    assert getattr(server.server.adapter, "closed_cursor", False) is True
    assert server.server.adapter.closed is True  # type: ignore[attr-defined]
