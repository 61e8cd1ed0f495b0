import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useAdapters } from "./adapter-process.js";

const { start, open, path } = useAdapters();

describe("duckdb adapter handshake", () => {
  it("answers initialize with its manifest and protocol version 1", async () => {
    const adapter = start();
    const result = await adapter.initialize({ path: join(path(), "w.duckdb") });
    expect(result.protocol_version).toBe(1);
    expect(result.manifest).toMatchObject({
      name: "duckdb",
      dialect: "duckdb",
      capabilities: {
        warehouse: true, discovery: true, governance: false, batch_checks: true, create_catalog: true, create_schema: true,
        merge: true, tablesample: true, file_load: true, dialect: true, query_paging: true, cancellation: true, transactions: true,
      },
    });
    expect(existsSync(join(path(), "w.duckdb"))).toBe(true);
  });

  it("answers -32050 to a host that offers only other versions", async () => {
    const adapter = start();
    const answer = await adapter.request("initialize", { config: { path: ":memory:" }, protocol_versions: { min: 2, max: 3 } });
    expect(answer.error).toMatchObject({ code: -32050, data: { supported: { min: 1, max: 1 }, offered: { min: 2, max: 3 } } });
  });

  it("answers -32054 to a config with an unknown property", async () => {
    const adapter = start();
    const answer = await adapter.request("initialize", { config: { path: ":memory:", pth: "x" } });
    expect(answer.error).toMatchObject({ code: -32054, message: 'Invalid config for adapter "duckdb": / has unknown property "pth"' });
  });
});

describe("duckdb adapter warehouse methods", () => {
  it("round-trips DDL, DML with bound params and a query of every value type", async () => {
    const a = await open();
    expect(
      await a.result("execute_statement", {
        sql: "CREATE TABLE main.t (i INTEGER, big BIGINT, small_big BIGINT, f DOUBLE, d DECIMAL(10,2), s VARCHAR, b BOOLEAN, dt DATE, ts TIMESTAMP, ts_ms TIMESTAMP, n INTEGER, l INTEGER[])",
      }),
    ).toEqual({ rows_affected: null });
    const insert = await a.result("execute_statement", {
      sql: "INSERT INTO main.t VALUES (?, 9007199254740993, ?, ?, ?, ?, ?, ?::DATE, ?::TIMESTAMP, ?::TIMESTAMP, NULL, [1, 2])",
      params: [1, 42, 1.5, "12.30", "it's", true, "2024-02-29", "2024-01-02 03:04:05", "2024-01-02 03:04:05.12"],
    });
    expect(insert).toEqual({ rows_affected: 1 });
    const query = await a.result("execute_query", { sql: "SELECT * FROM main.t WHERE i = ?", params: [1] });
    expect(query).toEqual({
      columns: ["i", "big", "small_big", "f", "d", "s", "b", "dt", "ts", "ts_ms", "n", "l"],
      column_types: ["INTEGER", "BIGINT", "BIGINT", "DOUBLE", "DECIMAL(10,2)", "VARCHAR", "BOOLEAN", "DATE", "TIMESTAMP", "TIMESTAMP", "INTEGER", "INTEGER[]"],
      rows: [[1, "9007199254740993", 42, 1.5, "12.30", "it's", true, "2024-02-29", "2024-01-02 03:04:05", "2024-01-02 03:04:05.120000", null, [1, 2]]],
    });
  });

  it("describes a table and tells whether tables exist", async () => {
    const a = await open();
    await a.result("execute_statement", { sql: "CREATE SCHEMA s1; CREATE TABLE s1.orders (id BIGINT NOT NULL, note VARCHAR)" });
    expect(await a.result("describe_table", { catalog: "warehouse", schema: "s1", table: "orders" })).toEqual({
      columns: [
        { name: "id", data_type: "BIGINT", nullable: false },
        { name: "note", data_type: "VARCHAR", nullable: true },
      ],
    });
    expect(await a.result("table_exists", { catalog: "", schema: "s1", table: "ORDERS" })).toEqual({ exists: true });
    expect(await a.result("table_exists", { catalog: "warehouse", schema: "s1", table: "nope" })).toEqual({ exists: false });
    const missing = await a.request("describe_table", { catalog: "warehouse", schema: "s1", table: "nope" });
    expect(missing.error).toEqual({ code: -32053, message: 'Table "warehouse"."s1"."nope" does not exist', data: { code: "NOT_FOUND" } });
    const bad = await a.request("describe_table", { catalog: "warehouse", schema: "s1; drop", table: "t" });
    expect(bad.error).toMatchObject({ code: -32602, message: 'Invalid schema name "s1; drop": identifiers must match ^[a-zA-Z0-9_]+$' });
  });

  it("executes MERGE INTO and reports the rows it changed", async () => {
    const a = await open();
    await a.result("execute_statement", { sql: "CREATE TABLE t (id INTEGER, v VARCHAR); INSERT INTO t VALUES (1, 'a'), (2, 'b')" });
    const merge = await a.result("execute_statement", {
      sql: "MERGE INTO t USING (SELECT 2 AS id, 'bb' AS v UNION ALL SELECT 3, 'c') s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v)",
    });
    expect(merge).toEqual({ rows_affected: 2 });
    expect((await a.result("execute_query", { sql: "SELECT * FROM t ORDER BY id" })).rows).toEqual([[1, "a"], [2, "bb"], [3, "c"]]);
  });

  it("answers failures with their wire codes and keeps running", async () => {
    const a = await open();
    const sqlError = await a.request("execute_query", { sql: "SELEC 1" });
    expect(sqlError.error?.code).toBe(-32052);
    expect(sqlError.error?.data).toEqual({ code: "EXECUTION_FAILED" });
    expect(sqlError.error?.message).toMatch(/^Parser Error: syntax error at or near "SELEC"/);
    const missing = await a.request("execute_query", { sql: "SELECT * FROM no_such_table" });
    expect(missing.error?.message).toMatch(/^Catalog Error: Table with name no_such_table does not exist/);
    expect((await a.request("governance/get_grants", { target: { catalog: "warehouse" } })).error?.code).toBe(-32051);
    expect((await a.request("no/such_method")).error?.code).toBe(-32601);
    expect((await a.request("execute_query", { sql: "" })).error?.code).toBe(-32602);
    a.sendRaw("{not json");
    expect((await a.waitFor((m) => m.id === null)).error?.code).toBe(-32700);
    expect(await a.result("execute_query", { sql: "SELECT 1 AS one" })).toMatchObject({ rows: [[1]] });
  });
});

describe("duckdb adapter config", () => {
  it("opens read_only databases with their catalogs read-only and applies threads", async () => {
    const writer = await open();
    await writer.result("catalog/create", { catalog: "sales" });
    await writer.result("execute_statement", { sql: "CREATE TABLE t AS SELECT 1 AS x; CREATE TABLE sales.main.s AS SELECT 2 AS y" });
    await writer.stop();
    const reader = await open({ read_only: true, threads: 1 });
    expect((await reader.result("execute_query", { sql: "SELECT x, (SELECT y FROM sales.main.s) AS y, current_setting('threads') AS n FROM t" })).rows).toEqual([
      [1, 2, 1],
    ]);
    const write = await reader.request("execute_statement", { sql: "INSERT INTO sales.main.s VALUES (3)" });
    expect(write.error?.code).toBe(-32052);
    expect(write.error?.message).toContain("read-only");
    expect((await reader.request("catalog/create", { catalog: "more" })).error).toEqual({
      code: -32052,
      message: 'Cannot create catalog "more": the database is opened read_only',
      data: { code: "EXECUTION_FAILED" },
    });
  });

  it("caps DuckDB's memory with memory_limit and refuses a limit it cannot read", async () => {
    const capped = await open({ memory_limit: "256MB" });
    expect((await capped.result("execute_query", { sql: "SELECT current_setting('memory_limit') AS m" })).rows).toEqual([["244.1 MiB"]]);
    await capped.stop();
    const adapter = start();
    const answer = await adapter.request("initialize", { config: { path: ":memory:", memory_limit: "lots" } });
    expect(answer.error?.code).toBe(-32054);
    expect(answer.error?.message).toContain("/memory_limit must match pattern");
  });

  it("answers -32054 when the database cannot be opened", async () => {
    const adapter = start();
    const answer = await adapter.request("initialize", { config: { path: join(path(), "missing.duckdb"), read_only: true } });
    expect(answer.error?.code).toBe(-32054);
    expect(answer.error?.message).toMatch(/^Cannot open DuckDB database ".*missing\.duckdb": /);
  });
});

describe("duckdb adapter lifecycle", () => {
  it("exits with 0 when stdin ends, with or without shutdown", async () => {
    const withShutdown = await open();
    expect(await withShutdown.stop()).toEqual({ code: 0, signal: null });
    const without = await open({ path: ":memory:" });
    without.endInput();
    expect(await without.exited).toEqual({ code: 0, signal: null });
  });

  it("writes only protocol lines to stdout while DuckDB prints and the adapter logs", async () => {
    const a = await open();
    await a.result("catalog/create", { catalog: "extra" });
    expect((await a.result("execute_query", { sql: "PRAGMA enable_profiling; SELECT 42 AS x" })).rows).toEqual([[42]]);
    await a.request("execute_query", { sql: "bad sql" });
    await a.stop();
    expect(a.junk).toEqual([]);
    expect(a.stderr).toContain("Query Profiling Information");
    expect(a.received.filter((m) => m.method === "$/log").map((m) => m.params?.message)).toContain('Created catalog "extra"');
  });
});
