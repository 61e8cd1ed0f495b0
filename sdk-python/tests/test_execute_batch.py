"""execute_batch: the SDK's dispatch and default, and the sqlite example's transaction on its one connection."""
from __future__ import annotations

import time
from typing import Any, Dict, List, Optional

from harness import ChildProcess, InProcess

from rocky_adapter_sdk import Adapter, ExecutionFailed, SqlParam, build_manifest, capabilities

# Runs until cancelled; the INSERT keeps it inside the batch's transaction.
ENDLESS = "INSERT INTO t WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 1000000000000) SELECT count(*) FROM r"


def rows(child: ChildProcess, sql: str = "SELECT id FROM t ORDER BY id") -> List[Any]:
    return child.peer.result("execute_query", {"sql": sql})["rows"]


def batch(child: ChildProcess, statements: List[Dict[str, Any]], transaction: Optional[bool] = None) -> Dict[str, Any]:
    params: Dict[str, Any] = {"statements": statements}
    if transaction is not None:
        params["transaction"] = transaction
    return child.peer.call("execute_batch", params)


def with_table(child: ChildProcess) -> ChildProcess:
    child.peer.result("execute_statement", {"sql": "CREATE TABLE t (id INTEGER NOT NULL)"})
    child.peer.result("execute_statement", {"sql": "INSERT INTO t VALUES (1), (2)"})
    return child


class Recorder(Adapter):
    """Declares transactions but keeps the default execute_batch; statements containing FAIL fail."""

    manifest = build_manifest("recorder", "0.0.1", "generic", capabilities=capabilities(warehouse=True, transactions=True))

    def __init__(self) -> None:
        self.ran: List[str] = []

    def execute_statement(self, sql: str, params: List[SqlParam]) -> Optional[int]:
        self.ran.append(sql)
        if "FAIL" in sql:
            raise ExecutionFailed(f"cannot run {sql}", sqlstate="42000")
        return len(params)


def test_the_default_execute_batch_runs_statements_in_order_without_a_transaction() -> None:
    adapter = Recorder()
    server = InProcess(adapter)
    try:
        server.peer.result("initialize", {"config": {}})
        ok = server.peer.result("execute_batch", {"statements": [{"sql": "A", "params": [1, 2]}, {"sql": "B"}], "transaction": False})
        assert ok == {"results": [{"rows_affected": 2}, {"rows_affected": 0}]}
        failed = server.peer.call("execute_batch", {"statements": [{"sql": "C"}, {"sql": "D FAIL"}, {"sql": "E"}], "transaction": False})
        assert failed["error"] == {
            "code": -32052,
            "message": "cannot run D FAIL",
            "data": {"code": "EXECUTION_FAILED", "sqlstate": "42000", "statement_index": 1},
        }
        assert adapter.ran == ["A", "B", "C", "D FAIL"]
    finally:
        server.stop()


def test_the_default_execute_batch_refuses_a_transaction_instead_of_running_it_piecemeal() -> None:
    adapter = Recorder()
    server = InProcess(adapter)
    try:
        server.peer.result("initialize", {"config": {}})
        answer = server.peer.call("execute_batch", {"statements": [{"sql": "A"}, {"sql": "B"}]})
        assert answer["error"]["code"] == -32601
        assert answer["error"]["message"].startswith('Adapter does not implement "execute_batch" in a transaction: override Adapter.execute_batch')
        assert adapter.ran == []
    finally:
        server.stop()


def test_execute_batch_is_gated_by_transactions_and_validated(toy: InProcess) -> None:
    assert toy.peer.call("execute_batch", {"statements": [{"sql": "echo"}]})["error"]["code"] == -32051
    server = InProcess(Recorder())
    try:
        server.peer.result("initialize", {"config": {}})
        empty = server.peer.call("execute_batch", {"statements": []})["error"]
        assert (empty["code"], empty["message"]) == (-32602, 'Invalid params for "execute_batch": params.statements must have at least 1 item(s)')
        control = server.peer.call("execute_batch", {"statements": [{"sql": "A"}, {"sql": "  commit;"}]})["error"]
        assert control == {
            "code": -32602,
            "message": "Statement 2 of the batch controls the transaction itself; execute_batch does that",
            "data": {"code": "INVALID_PARAMS", "statement_index": 1},
        }
    finally:
        server.stop()


def test_sqlite_runs_a_batch_in_one_transaction(sqlite: ChildProcess) -> None:
    with_table(sqlite)
    answer = batch(sqlite, [
        {"sql": "DELETE FROM t WHERE id = ?", "params": [1]},
        {"sql": "INSERT INTO t VALUES (?), (?)", "params": [3, 4]},
        {"sql": "CREATE OR REPLACE TABLE u AS SELECT id FROM t"},
    ])
    assert answer["result"] == {"results": [{"rows_affected": 1}, {"rows_affected": 2}, {"rows_affected": None}]}
    assert rows(sqlite) == [[2], [3], [4]]
    assert rows(sqlite, "SELECT id FROM u ORDER BY id") == [[2], [3], [4]]


def test_sqlite_rolls_back_the_first_statement_when_the_second_fails(sqlite: ChildProcess) -> None:
    with_table(sqlite)
    error = batch(sqlite, [{"sql": "DELETE FROM t"}, {"sql": "INSERT INTO t VALUES (NULL)"}], transaction=True)["error"]
    assert error == {
        "code": -32052,
        "message": "NOT NULL constraint failed: t.id",
        "data": {"code": "EXECUTION_FAILED", "sqlite_error": "SQLITE_CONSTRAINT_NOTNULL", "statement_index": 1},
    }
    assert rows(sqlite) == [[1], [2]]
    # The shared connection is out of the failed transaction: the next batch commits.
    assert batch(sqlite, [{"sql": "DELETE FROM t WHERE id = 1"}])["result"] == {"results": [{"rows_affected": 1}]}
    assert rows(sqlite) == [[2]]


def test_sqlite_without_a_transaction_keeps_what_ran_before_the_failure(sqlite: ChildProcess) -> None:
    with_table(sqlite)
    error = batch(sqlite, [{"sql": "DELETE FROM t WHERE id = 1"}, {"sql": "INSERT INTO nowhere VALUES (1)"}, {"sql": "DELETE FROM t"}], transaction=False)["error"]
    assert (error["code"], error["message"], error["data"]["statement_index"]) == (-32052, "no such table: nowhere", 1)
    assert rows(sqlite) == [[2]]


def test_sqlite_refuses_attaching_a_schema_inside_a_transaction(sqlite: ChildProcess) -> None:
    error = batch(sqlite, [{"sql": "CREATE TABLE a (x INTEGER)"}, {"sql": "CREATE SCHEMA s"}])["error"]
    assert error["code"] == -32052
    assert error["data"]["statement_index"] == 1
    assert sqlite.peer.result("table_exists", {"catalog": "", "schema": "main", "table": "a"}) == {"exists": False}
    assert batch(sqlite, [{"sql": "CREATE SCHEMA s"}, {"sql": "CREATE TABLE s.a (x INTEGER)"}], transaction=False)["result"] == {
        "results": [{"rows_affected": None}, {"rows_affected": None}],
    }


def test_sqlite_cancelling_a_batch_rolls_it_back(sqlite: ChildProcess) -> None:
    with_table(sqlite)
    rid = sqlite.peer.request("execute_batch", {"statements": [{"sql": "DELETE FROM t"}, {"sql": ENDLESS}]})
    time.sleep(0.3)  # the DELETE has run and ENDLESS is running; cancelling earlier is covered by the same outcome
    sqlite.peer.notify("$/cancelRequest", {"id": rid})
    assert sqlite.peer.wait(rid)["error"]["code"] == -32800
    assert rows(sqlite) == [[1], [2]]
