"""End to end: examples/sqlite_adapter.py as a child process, spoken to in JSON Lines as the host would."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Dict, List

from harness import EXAMPLE, ChildProcess

INFINITE = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 1000000000000) SELECT count(*) FROM r"


def stmt(child: ChildProcess, sql: str, params: List[Any] | None = None) -> Dict[str, Any]:
    return child.peer.result("execute_statement", {"sql": sql, "params": params or []})


def query(child: ChildProcess, sql: str, params: List[Any] | None = None) -> Dict[str, Any]:
    return child.peer.result("execute_query", {"sql": sql, "params": params or []})


def paged(child: ChildProcess, sql: str, batch_rows: int = 2) -> List[List[Any]]:
    cursor = child.peer.result("query/open", {"sql": sql, "batch_rows": batch_rows})["cursor"]
    rows: List[List[Any]] = []
    while True:
        page = child.peer.result("query/fetch", {"cursor": cursor})
        rows += page["rows"]
        if page["done"]:
            return rows


def ref(schema: str, table: str) -> Dict[str, str]:
    return {"catalog": "", "schema": schema, "table": table}


def test_initialize_answers_the_sqlite_manifest(tmp_path: Path) -> None:
    child = ChildProcess(str(EXAMPLE))
    try:
        result = child.initialize({"path": str(tmp_path / "w.db")})
        assert result["protocol_version"] == 1
        manifest = result["manifest"]
        assert (manifest["name"], manifest["dialect"]) == ("sqlite", "sqlite")
        assert manifest["capabilities"] == {
            "warehouse": True, "discovery": True, "governance": False, "batch_checks": True, "create_catalog": False,
            "create_schema": True, "merge": False, "tablesample": False, "query_paging": True, "cancellation": True, "dialect": True,
            "transactions": True,
        }
        assert manifest["config_schema"]["properties"]["path"]["type"] == "string"
        assert child.close() == 0
    finally:
        child.kill()


def test_create_insert_describe_exists_query_and_drop(sqlite: ChildProcess) -> None:
    stmt(sqlite, 'CREATE TABLE "main"."orders" (id INTEGER NOT NULL, name VARCHAR, amount DOUBLE)')
    assert sqlite.peer.result("table_exists", ref("main", "orders")) == {"exists": True}
    assert sqlite.peer.result("table_exists", ref("main", "missing")) == {"exists": False}
    assert stmt(sqlite, "INSERT INTO main.orders VALUES (?, ?, ?), (?, ?, ?)", [1, "a", 1.5, 2, "b", None]) == {"rows_affected": 2}
    assert sqlite.peer.result("describe_table", ref("main", "orders")) == {"columns": [
        {"name": "id", "data_type": "INTEGER", "nullable": False},
        {"name": "name", "data_type": "VARCHAR", "nullable": True},
        {"name": "amount", "data_type": "DOUBLE", "nullable": True},
    ]}
    assert query(sqlite, "SELECT id, name, amount FROM main.orders ORDER BY id") == {
        "columns": ["id", "name", "amount"], "rows": [[1, "a", 1.5], [2, "b", None]]}
    stmt(sqlite, 'DROP TABLE IF EXISTS "main"."orders"')
    assert sqlite.peer.result("table_exists", ref("main", "orders")) == {"exists": False}


def test_create_or_replace_and_multi_statement_scripts_are_emulated(sqlite: ChildProcess) -> None:
    stmt(sqlite, 'CREATE OR REPLACE TABLE "main"."t" AS\nSELECT 1 AS a')
    stmt(sqlite, 'CREATE OR REPLACE TABLE "main"."t" AS\nSELECT ? AS a UNION ALL SELECT 3', [2])
    assert query(sqlite, "SELECT a FROM t ORDER BY a")["rows"] == [[2], [3]]
    stmt(sqlite, "CREATE OR REPLACE VIEW v AS SELECT a * 10 AS b FROM t")
    assert query(sqlite, "SELECT b FROM v ORDER BY b")["rows"] == [[20], [30]]
    stmt(sqlite, "CREATE TABLE x (a INTEGER); CREATE TABLE y (b INTEGER);")
    assert sqlite.peer.result("table_exists", ref("main", "y")) == {"exists": True}
    failed = sqlite.peer.call("execute_statement", {"sql": 'CREATE OR REPLACE TABLE "main"."t" AS SELECT * FROM missing'})
    assert failed["error"]["code"] == -32052
    assert query(sqlite, "SELECT a FROM t ORDER BY a")["rows"] == [[2], [3]]


def test_each_type_round_trips_through_execute_query_and_paging(sqlite: ChildProcess) -> None:
    stmt(sqlite, "CREATE TABLE types (s VARCHAR, i BIGINT, f DOUBLE, b BOOLEAN, d DATE, ts TIMESTAMP, n INTEGER)")
    stmt(sqlite, "INSERT INTO types VALUES (?, ?, ?, ?, ?, ?, ?)", ["héllo ✓", 9007199254740993, 3.25, True, "2024-02-29", "2024-02-29 23:59:58.123456", None])
    stmt(sqlite, "INSERT INTO types VALUES (?, ?, ?, ?, ?, ?, ?)", ["", -7, -0.5, False, "1999-12-31", "2024-02-29T10:00:00Z", None])
    expected = [
        ["héllo ✓", "9007199254740993", 3.25, True, "2024-02-29", "2024-02-29 23:59:58.123456", None],
        ["", -7, -0.5, False, "1999-12-31", "2024-02-29 10:00:00", None],
    ]
    sql = "SELECT s, i, f, b, d, ts, n FROM types ORDER BY i DESC"
    assert query(sqlite, sql)["rows"] == expected
    assert paged(sqlite, sql, batch_rows=1) == expected


def test_schema_create_attaches_a_database_that_tables_live_in(sqlite: ChildProcess) -> None:
    assert sqlite.peer.result("schema/create", {"catalog": "", "schema": "staging"}) == {}
    assert sqlite.peer.result("schema/create", {"catalog": "", "schema": "staging"}) == {}
    stmt(sqlite, 'CREATE SCHEMA IF NOT EXISTS "marts"')
    stmt(sqlite, 'CREATE TABLE "staging"."t" (a INTEGER)')
    stmt(sqlite, 'INSERT INTO "staging"."t" VALUES (1), (2), (3)')
    assert sqlite.peer.result("table_exists", ref("staging", "t")) == {"exists": True}
    assert sqlite.peer.result("table_exists", ref("marts", "t")) == {"exists": False}
    assert paged(sqlite, 'SELECT a FROM "staging"."t" ORDER BY a') == [[1], [2], [3]]
    schemas = sqlite.peer.result("discovery/list", {})["schemas"]
    assert schemas == [
        {"catalog": "", "schema": "main", "tables": []},
        {"catalog": "", "schema": "marts", "tables": []},
        {"catalog": "", "schema": "staging", "tables": [{"name": "t", "row_count": 3}]},
    ]
    assert [s["schema"] for s in sqlite.peer.result("discovery/list", {"schema_prefix": "st"})["schemas"]] == ["staging"]
    stmt(sqlite, 'DROP SCHEMA "marts" CASCADE')
    assert [s["schema"] for s in sqlite.peer.result("discovery/list", {})["schemas"]] == ["main", "staging"]


def test_a_file_database_keeps_its_schemas_across_restarts(tmp_path: Path) -> None:
    path = str(tmp_path / "warehouse.db")
    first = ChildProcess(str(EXAMPLE))
    try:
        first.initialize({"path": path})
        first.peer.result("schema/create", {"catalog": "", "schema": "raw"})
        stmt(first, "CREATE TABLE raw.events (id INTEGER)")
        stmt(first, "INSERT INTO raw.events VALUES (41), (42)")
        assert first.close() == 0
    finally:
        first.kill()
    assert (tmp_path / "warehouse.raw.db").is_file()
    second = ChildProcess(str(EXAMPLE))
    try:
        second.initialize({"path": path})
        assert query(second, "SELECT max(id) AS m FROM raw.events") == {"columns": ["m"], "rows": [[42]]}
        assert second.close() == 0
    finally:
        second.kill()


def test_dialect_fragments_are_valid_sqlite(sqlite: ChildProcess) -> None:
    assert sqlite.peer.result("dialect/format_table_ref", ref("main", "events")) == {"sql": '"main"."events"'}
    where = sqlite.peer.result("dialect/watermark_where", {"column": "updated_at"})["sql"]
    assert where.startswith("WHERE ") and where.count("?") == 1
    row_hash = sqlite.peer.result("dialect/row_hash", {"columns": ["id", "name"]})["sql"]
    stmt(sqlite, "CREATE TABLE events (id INTEGER, name TEXT, updated_at TIMESTAMP)")
    stmt(sqlite, "INSERT INTO events VALUES (1, 'a', '2024-01-01 00:00:00'), (2, NULL, '2024-01-02 00:00:00.5'), (3, 'c', '2024-01-03T00:00:00')")
    rows = query(sqlite, f'SELECT id FROM "main"."events" {where} ORDER BY id', ["2024-01-02T00:00:00.000Z"])["rows"]
    assert rows == [[2], [3]]
    hashes = query(sqlite, f"SELECT {row_hash} AS h FROM events ORDER BY id")["rows"]
    assert hashes == [[hashlib.md5(b"1|a").hexdigest()], [hashlib.md5(b"2|").hexdigest()], [hashlib.md5(b"3|c").hexdigest()]]


def test_batch_checks_count_rows_and_find_the_latest_timestamp_in_one_call(sqlite: ChildProcess) -> None:
    sqlite.peer.result("schema/create", {"catalog": "", "schema": "s"})
    stmt(sqlite, "CREATE TABLE s.a (ts TIMESTAMP)")
    stmt(sqlite, "CREATE TABLE s.b (ts TIMESTAMP)")
    stmt(sqlite, "INSERT INTO s.a VALUES ('2024-01-01 10:00:00'), ('2024-05-01T08:00:00')")
    assert sqlite.peer.result("checks/row_counts", {"tables": [ref("s", "a"), ref("s", "b")]}) == {"counts": [
        {"catalog": "", "schema": "s", "table": "a", "row_count": 2},
        {"catalog": "", "schema": "s", "table": "b", "row_count": 0},
    ]}
    targets = [{**ref("s", "a"), "column": "ts"}, {**ref("s", "b"), "column": "ts"}]
    assert sqlite.peer.result("checks/freshness", {"tables": targets}) == {"results": [
        {"catalog": "", "schema": "s", "table": "a", "column": "ts", "max_value": "2024-05-01 08:00:00"},
        {"catalog": "", "schema": "s", "table": "b", "column": "ts", "max_value": None},
    ]}
    missing = sqlite.peer.call("checks/row_counts", {"tables": [ref("s", "nope")]})
    assert missing["error"]["code"] == -32053


def test_errors_carry_codes_the_host_can_branch_on(sqlite: ChildProcess) -> None:
    failed = sqlite.peer.call("execute_query", {"sql": "SELECT * FROM nowhere"})["error"]
    assert failed["code"] == -32052
    assert failed["message"] == "no such table: nowhere"
    assert failed["data"]["code"] == "EXECUTION_FAILED"
    assert sqlite.peer.call("describe_table", ref("main", "nowhere"))["error"]["message"] == 'Table "main"."nowhere" does not exist'
    catalog = sqlite.peer.call("dialect/format_table_ref", {"catalog": "c", "schema": "s", "table": "t"})["error"]
    assert catalog == {"code": -32053, "message": 'Catalog "c" does not exist: SQLite has no catalogs, use ""', "data": {"code": "NOT_FOUND"}}
    unsafe = sqlite.peer.call("dialect/format_table_ref", ref("main", 'x"; DROP TABLE y; --'))["error"]
    assert unsafe["code"] == -32602
    assert sqlite.peer.result("table_exists", {"catalog": "c", "schema": "main", "table": "t"}) == {"exists": False}
    assert sqlite.peer.call("catalog/create", {"catalog": "c"})["error"]["code"] == -32051
    assert sqlite.peer.call("governance/get_grants", {"target": {"catalog": ""}})["error"]["code"] == -32051


def test_cancel_interrupts_a_running_query(sqlite: ChildProcess) -> None:
    rid = sqlite.peer.request("execute_query", {"sql": INFINITE})
    sqlite.peer.notify("$/cancelRequest", {"id": rid})
    assert sqlite.peer.wait(rid)["error"]["code"] == -32800
    assert query(sqlite, "SELECT 1 AS one") == {"columns": ["one"], "rows": [[1]]}


def test_cancel_interrupts_a_paged_query_and_leaves_other_work_alone(sqlite: ChildProcess) -> None:
    opened = sqlite.peer.request("query/open", {"sql": INFINITE})
    other = sqlite.peer.request("execute_query", {"sql": "SELECT 2 AS two"})
    assert sqlite.peer.wait(other)["result"]["rows"] == [[2]]
    sqlite.peer.notify("$/cancelRequest", {"id": opened})
    assert sqlite.peer.wait(opened)["error"]["code"] == -32800
    assert query(sqlite, "SELECT 3 AS three")["rows"] == [[3]]


def test_a_cancel_arriving_before_the_statement_starts_still_stops_it(sqlite: ChildProcess) -> None:
    # conn.interrupt() before SQLite starts a statement is a no-op; the progress handler must catch these.
    for _ in range(300):
        opened = sqlite.peer.request("query/open", {"sql": INFINITE})
        sqlite.peer.notify("$/cancelRequest", {"id": opened})
        assert sqlite.peer.wait(opened)["error"]["code"] == -32800
        ran = sqlite.peer.request("execute_query", {"sql": INFINITE})
        sqlite.peer.notify("$/cancelRequest", {"id": ran})
        assert sqlite.peer.wait(ran)["error"]["code"] == -32800
    assert query(sqlite, "SELECT 3 AS three")["rows"] == [[3]]


def test_concurrent_requests_are_all_answered_by_id(sqlite: ChildProcess) -> None:
    stmt(sqlite, "CREATE TABLE n (v INTEGER)")
    stmt(sqlite, "INSERT INTO n WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100) SELECT x FROM c")
    ids = {sqlite.peer.request("execute_query", {"sql": "SELECT count(*) AS c FROM n WHERE v <= ?", "params": [k]}): k for k in range(1, 41)}
    for rid, k in ids.items():
        assert sqlite.peer.wait(rid)["result"]["rows"] == [[k]]


def test_large_multibyte_values_round_trip(sqlite: ChildProcess) -> None:
    text = "日本語 ✓ émoji 🦀 " * 200_000
    stmt(sqlite, "CREATE TABLE big (t TEXT)")
    stmt(sqlite, "INSERT INTO big VALUES (?)", [text])
    assert query(sqlite, "SELECT t FROM big")["rows"] == [[text]]


def test_a_four_megabyte_string_literal_round_trips_through_select(sqlite: ChildProcess) -> None:
    text = ("0123456789abcdefghijklmnopqrstuvwxyz ż日🎸 " * 110_000)
    assert sqlite.peer.result("ping", {"probe": text}) == {}
    assert query(sqlite, f"SELECT '{text}' AS s") == {"columns": ["s"], "rows": [[text]]}


def test_stdout_carries_only_protocol_lines_and_the_process_exits_0_after_shutdown(sqlite: ChildProcess) -> None:
    sqlite.peer.send_raw(b"{broken\n")
    assert sqlite.peer.call("no_such_method")["error"]["code"] == -32601
    assert sqlite.peer.result("shutdown", {}) == {}
    assert sqlite.close() == 0
    for line in sqlite.peer.raw_lines:
        assert json.loads(line)["jsonrpc"] == "2.0"
    assert sqlite.peer.null_id[0]["error"]["code"] == -32700


def test_scratch_schema_session_shaped_like_the_conformance_suite(sqlite: ChildProcess) -> None:
    strings = ["hello", "żółć 日本語 🎸 ∑ \"double\" 'single' \\ back", "", "line1\nline2\ttab"]
    sqlite.peer.result("schema/create", {"catalog": "", "schema": "rc_run1_s"})
    table = sqlite.peer.result("dialect/format_table_ref", ref("rc_run1_s", "rc_run1_t_integer"))["sql"]
    stmt(sqlite, f"CREATE TABLE {table} (id BIGINT, v BIGINT)")
    stmt(sqlite, f"INSERT INTO {table} (id, v) VALUES (?, ?), (?, ?)", [0, 42, 1, 2147483648])
    stmt(sqlite, f"INSERT INTO {table} (id, v) VALUES (2, 9007199254740993)")
    stmt(sqlite, f"INSERT INTO {table} (id, v) VALUES (3, -9007199254740993)")
    assert query(sqlite, f"SELECT v FROM {table} ORDER BY id")["rows"] == [[42], [2147483648], ["9007199254740993"], ["-9007199254740993"]]
    strings_table = sqlite.peer.result("dialect/format_table_ref", ref("rc_run1_s", "rc_run1_t_string"))["sql"]
    stmt(sqlite, f"CREATE TABLE {strings_table} (id BIGINT, v VARCHAR)")
    stmt(sqlite, f"INSERT INTO {strings_table} (id, v) VALUES (?, ?), (?, ?), (?, ?), (?, ?)", [x for i, s in enumerate(strings) for x in (i, s)])
    assert [r[0] for r in query(sqlite, f"SELECT v FROM {strings_table} ORDER BY id")["rows"]] == strings
    assert sqlite.peer.result("table_exists", ref("rc_run1_no_schema", "t")) == {"exists": False}
    assert sqlite.peer.call("describe_table", ref("rc_run1_s", "rc_run1_missing"))["error"]["code"] == -32053
    stmt(sqlite, f"DROP TABLE IF EXISTS {table}")
    stmt(sqlite, "DROP SCHEMA IF EXISTS rc_run1_s CASCADE")
    stmt(sqlite, "DROP SCHEMA IF EXISTS rc_run1_s CASCADE")
    assert sqlite.peer.result("table_exists", ref("rc_run1_s", "rc_run1_t_string")) == {"exists": False}
    bad = sqlite.peer.call("execute_statement", {"sql": "THIS IS NOT SQL rocky_conformance"})["error"]
    assert (bad["code"], bad["message"]) == (-32052, 'near "THIS": syntax error')
