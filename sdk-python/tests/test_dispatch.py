from __future__ import annotations

import threading

import pytest
from harness import InProcess

from rocky_adapter_sdk import Adapter, build_manifest, capabilities
from rocky_adapter_sdk.methods import METHODS
from toy_adapter import ToyAdapter


def test_ping_answers_an_empty_object_before_and_after_initialize() -> None:
    server = InProcess(ToyAdapter())
    assert server.peer.result("ping") == {}
    server.peer.result("initialize", {"config": {}})
    assert server.peer.result("ping", {}) == {}
    server.stop()


def test_unknown_method_answers_minus_32601_and_keeps_running(toy: InProcess) -> None:
    answer = toy.peer.call("no/such_method", {})
    assert answer["error"] == {
        "code": -32601,
        "message": 'Unknown method "no/such_method"',
        "data": {"code": "METHOD_NOT_FOUND", "method": "no/such_method"},
    }
    assert toy.peer.result("ping") == {}


def test_method_of_an_undeclared_capability_answers_minus_32051(toy: InProcess) -> None:
    answer = toy.peer.call("governance/set_tags", {"target": {"catalog": "c"}, "tags": {}})
    assert answer["error"]["code"] == -32051
    assert answer["error"]["message"] == 'Adapter "toy" does not support "governance/set_tags": capability "governance" is not declared'
    assert answer["error"]["data"] == {"code": "CAPABILITY_NOT_SUPPORTED", "method": "governance/set_tags", "capability": "governance"}


def test_declared_but_unimplemented_method_answers_minus_32601(toy: InProcess) -> None:
    answer = toy.peer.call("describe_table", {"catalog": "", "schema": "s", "table": "t"})
    assert answer["error"]["code"] == -32601
    assert answer["error"]["message"] == 'Adapter does not implement "describe_table"'


def test_invalid_params_answer_minus_32602_naming_the_field(toy: InProcess) -> None:
    answer = toy.peer.call("execute_statement", {"sql": ""})
    assert answer["error"]["code"] == -32602
    assert answer["error"]["message"] == 'Invalid params for "execute_statement": params.sql must not be empty'
    answer = toy.peer.call("execute_query", {"sql": "1", "params": [{"nested": 1}]})
    assert answer["error"]["message"] == 'Invalid params for "execute_query": params.params[0] must be string or number or boolean or null, got object'
    answer = toy.peer.call("execute_query", None)
    assert answer["error"]["message"] == 'Invalid params for "execute_query": params.sql is required'


def test_params_that_are_not_an_object_answer_minus_32602(toy: InProcess) -> None:
    toy.peer.send({"jsonrpc": "2.0", "id": "p", "method": "execute_query", "params": ["sql"]})
    assert toy.peer.wait("p")["error"]["message"] == 'Params of "execute_query" must be an object'


def test_requests_before_initialize_answer_minus_32600() -> None:
    server = InProcess(ToyAdapter())
    answer = server.peer.call("execute_query", {"sql": "1"})
    assert answer["error"]["code"] == -32600
    assert answer["error"]["message"] == 'Cannot run "execute_query" before "initialize"'
    server.stop()


def test_requests_pipelined_behind_initialize_wait_for_it() -> None:
    server = InProcess(ToyAdapter())
    init = server.peer.request("initialize", {"config": {}})
    query = server.peer.request("execute_query", {"sql": "2"})
    assert "result" in server.peer.wait(init)
    assert server.peer.wait(query)["result"] == {"columns": ["n"], "column_types": ["INTEGER"], "rows": [[0], [1]]}
    server.stop()


def test_failed_initialize_answers_the_adapter_error_and_allows_a_retry() -> None:
    server = InProcess(ToyAdapter())
    answer = server.peer.call("initialize", {"config": {"fail": True}})
    assert answer["error"] == {"code": -32052, "message": "Cannot connect: refused", "data": {"code": "EXECUTION_FAILED"}}
    assert "result" in server.peer.call("initialize", {"config": {}})
    server.stop()


def test_second_initialize_answers_minus_32600(toy: InProcess) -> None:
    answer = toy.peer.call("initialize", {"config": {}})
    assert answer["error"]["message"] == 'Adapter "toy" is already initialized'


def test_shutdown_answers_empty_object_and_later_requests_are_refused(toy: InProcess) -> None:
    assert toy.peer.result("shutdown", {}) == {}
    answer = toy.peer.call("execute_statement", {"sql": "x"})
    assert answer["error"]["message"] == 'Cannot run "execute_statement": the adapter is shutting down'
    assert toy.peer.result("ping") == {}


def test_execute_statement_answers_rows_affected(toy: InProcess) -> None:
    assert toy.peer.result("execute_statement", {"sql": "x", "params": [1, "a", None, True, 2.5]}) == {"rows_affected": 5}


def test_execute_query_converts_values_to_the_wire_form(toy: InProcess) -> None:
    result = toy.peer.result("execute_query", {"sql": "values"})
    assert result == {
        "columns": ["big", "dec", "ts", "d", "b", "f", "s"],
        "rows": [["1152921504606846976", "1.50", "2024-01-02 03:04:05.000006", "2024-01-02", "AAE=", 0.5, "ü"]],
    }


def test_string_request_ids_are_answered_with_the_same_id(toy: InProcess) -> None:
    assert toy.peer.wait(toy.peer.request("ping", {}, request_id="abc-1"))["id"] == "abc-1"


def test_log_and_progress_send_notifications_before_the_answer(toy: InProcess) -> None:
    rid = toy.peer.request("execute_statement", {"sql": "log"})
    assert toy.peer.wait(rid)["result"] == {"rows_affected": 2}
    assert toy.peer.notifications == [
        {"jsonrpc": "2.0", "method": "$/log", "params": {"level": "info", "message": "hello", "fields": {"table": "t"}}},
        {"jsonrpc": "2.0", "method": "$/progress", "params": {"token": rid, "current": 1, "total": 2, "message": "half"}},
    ]


def test_metrics_sends_counters_and_gauges_and_refuses_what_the_schema_refuses(toy: InProcess) -> None:
    assert toy.peer.result("execute_statement", {"sql": "metrics"}) == {"rows_affected": 4}
    assert toy.peer.notifications == [
        {"jsonrpc": "2.0", "method": "$/metrics", "params": {"counters": {"retries": 2}, "gauges": {"concurrency_window": 4.0}}},
    ]
    from rocky_adapter_sdk.context import RequestContext

    sent: list = []
    ctx = RequestContext(1, "execute_statement", lambda method, params: sent.append((method, params)))
    for bad in ({"counters": {"retries": -1}}, {"counters": {"Retries": 1}}, {"counters": {"retries": 1.5}}):
        try:
            ctx.metrics(**bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad} was accepted")
    ctx.metrics()
    assert sent == []


def test_notifications_from_the_host_other_than_cancel_are_ignored(toy: InProcess) -> None:
    toy.peer.notify("$/setTrace", {"value": "off"})
    toy.peer.notify("initialized", {})
    assert toy.peer.result("ping") == {}
    assert toy.peer.null_id == []


def test_concurrent_requests_are_answered_by_id_while_a_slow_one_runs(toy: InProcess) -> None:
    slow = toy.peer.request("execute_statement", {"sql": "gate"})
    fast = [toy.peer.request("execute_query", {"sql": str(n)}) for n in range(1, 6)]
    for n, rid in enumerate(fast, start=1):
        assert len(toy.peer.wait(rid)["result"]["rows"]) == n
    assert slow not in toy.peer.responses
    toy.server.adapter.gate.set()  # type: ignore[attr-defined]
    assert toy.peer.wait(slow)["result"] == {"rows_affected": 3}
    order = [line for line in toy.peer.raw_lines if b'"id":' in line]
    assert b'"id":%d' % slow in order[-1]


def test_every_wire_method_maps_to_a_capability_and_an_adapter_method() -> None:
    assert sorted(METHODS) == sorted([
        "execute_statement", "execute_batch", "execute_query", "describe_table", "table_exists", "query/open", "query/fetch", "query/close",
        "discovery/list", "catalog/create", "catalog/drop", "schema/create", "governance/set_tags", "governance/get_grants",
        "checks/row_counts", "checks/freshness", "dialect/format_table_ref", "dialect/watermark_where", "dialect/row_hash",
    ])
    for spec in METHODS.values():
        assert callable(getattr(Adapter, spec.implemented_by))


def test_server_refuses_an_invalid_manifest_at_start() -> None:
    class Broken(Adapter):
        manifest = build_manifest("bad name!", "1", "generic", capabilities=capabilities())

    with pytest.raises(TypeError, match='Invalid adapter manifest: manifest.name'):
        InProcess(Broken())


def test_adapter_without_a_manifest_fails_with_a_clear_message() -> None:
    with pytest.raises(TypeError, match="sets no manifest"):
        InProcess(Adapter())


def test_handlers_run_on_worker_threads_not_the_reader_thread(toy: InProcess) -> None:
    seen: list = []

    class Spy(ToyAdapter):
        def execute_statement(self, sql, params):  # type: ignore[no-untyped-def]
            seen.append(threading.current_thread().name)
            return 0

    server = InProcess(Spy())
    server.peer.result("initialize", {"config": {}})
    server.peer.result("execute_statement", {"sql": "x"})
    assert seen[0].startswith("rocky-worker-")
    server.stop()
