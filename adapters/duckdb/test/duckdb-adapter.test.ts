import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startAdapter, tempDir, type AdapterProcess } from "./adapter-process.js";

let dir: ReturnType<typeof tempDir>;
let adapters: AdapterProcess[] = [];

const open = async (config: object = {}) => {
  const adapter = startAdapter();
  adapters.push(adapter);
  await adapter.initialize({ path: join(dir.path, "warehouse.duckdb"), ...config });
  return adapter;
};

beforeEach(() => {
  dir = tempDir();
  adapters = [];
});

afterEach(async () => {
  for (const adapter of adapters) {
    expect(adapter.junk).toEqual([]);
    adapter.kill();
    await adapter.exited;
  }
  dir.remove();
});

describe("duckdb adapter handshake", () => {
  it("answers initialize with its manifest and protocol version 1", async () => {
    const adapter = startAdapter();
    adapters.push(adapter);
    const result = await adapter.initialize({ path: join(dir.path, "w.duckdb") });
    expect(result.protocol_version).toBe(1);
    expect(result.manifest).toMatchObject({
      name: "duckdb",
      dialect: "duckdb",
      capabilities: {
        warehouse: true, discovery: true, governance: false, batch_checks: true, create_catalog: true, create_schema: true,
        merge: true, tablesample: true, file_load: true, dialect: true, query_paging: true, cancellation: true,
      },
    });
    expect(existsSync(join(dir.path, "w.duckdb"))).toBe(true);
  });

  it("answers -32050 to a host that offers only other versions", async () => {
    const adapter = startAdapter();
    adapters.push(adapter);
    const answer = await adapter.request("initialize", { config: { path: ":memory:" }, protocol_versions: { min: 2, max: 3 } });
    expect(answer.error).toMatchObject({ code: -32050, data: { supported: { min: 1, max: 1 }, offered: { min: 2, max: 3 } } });
  });

  it("answers -32054 to a config with an unknown property", async () => {
    const adapter = startAdapter();
    adapters.push(adapter);
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

describe("duckdb adapter catalogs, discovery and checks", () => {
  it("lists schemas and tables of every attached catalog, filtered by catalog and schema prefix", async () => {
    const a = await open();
    await a.result("schema/create", { catalog: "warehouse", schema: "raw_a" });
    await a.result("schema/create", { catalog: "", schema: "raw_b" });
    await a.result("schema/create", { catalog: "warehouse", schema: "staging" });
    await a.result("execute_statement", {
      sql: "CREATE TABLE raw_a.t1 AS SELECT * FROM range(3); CREATE TABLE raw_b.t2 (x INT); CREATE VIEW staging.v AS SELECT 1 AS x",
    });
    await a.result("catalog/create", { catalog: "sales" });
    await a.result("schema/create", { catalog: "sales", schema: "raw_c" });
    const all = await a.result<{ schemas: unknown[] }>("discovery/list", {});
    expect(all.schemas).toEqual([
      { catalog: "sales", schema: "main", tables: [] },
      { catalog: "sales", schema: "raw_c", tables: [] },
      { catalog: "warehouse", schema: "main", tables: [] },
      { catalog: "warehouse", schema: "raw_a", tables: [{ name: "t1", row_count: 3, type: "table" }] },
      { catalog: "warehouse", schema: "raw_b", tables: [{ name: "t2", row_count: 0, type: "table" }] },
      { catalog: "warehouse", schema: "staging", tables: [{ name: "v", row_count: null, type: "view" }] },
    ]);
    const raw = await a.result<{ schemas: { catalog: string; schema: string }[] }>("discovery/list", { catalog: "warehouse", schema_prefix: "raw_" });
    expect(raw.schemas.map((s) => `${s.catalog}.${s.schema}`)).toEqual(["warehouse.raw_a", "warehouse.raw_b"]);
  });

  it("creates a catalog file in catalogs_dir that is attached again after a restart", async () => {
    const catalogs = join(dir.path, "catalogs");
    const first = await open({ catalogs_dir: catalogs });
    expect(await first.result("catalog/create", { catalog: "sales" })).toEqual({});
    expect(await first.result("catalog/create", { catalog: "sales" })).toEqual({});
    await first.result("schema/create", { catalog: "sales", schema: "s" });
    await first.result("execute_statement", { sql: "CREATE TABLE sales.s.orders AS SELECT 7 AS id" });
    expect(await first.stop()).toEqual({ code: 0, signal: null });
    expect(existsSync(join(catalogs, "sales.duckdb"))).toBe(true);

    const second = await open({ catalogs_dir: catalogs });
    expect(await second.result("table_exists", { catalog: "sales", schema: "s", table: "orders" })).toEqual({ exists: true });
    expect((await second.result("execute_query", { sql: "SELECT id FROM sales.s.orders" })).rows).toEqual([[7]]);
    expect((await second.request("catalog/create", { catalog: "bad-name" })).error?.code).toBe(-32602);
  });

  it("counts rows and finds the latest timestamp of many tables in one request", async () => {
    const a = await open();
    await a.result("execute_statement", {
      sql: "CREATE TABLE a AS SELECT range AS id, TIMESTAMP '2024-01-01' + to_seconds(range) AS ts FROM range(5); CREATE TABLE b (ts TIMESTAMP)",
    });
    const refs = [{ catalog: "warehouse", schema: "main", table: "a" }, { catalog: "", schema: "main", table: "b" }];
    expect(await a.result("checks/row_counts", { tables: refs })).toEqual({
      counts: [{ ...refs[0], row_count: 5 }, { ...refs[1], row_count: 0 }],
    });
    const freshness = await a.result("checks/freshness", { tables: refs.map((r) => ({ ...r, column: "ts" })) });
    expect(freshness).toEqual({
      results: [{ ...refs[0], column: "ts", max_value: "2024-01-01 00:00:04" }, { ...refs[1], column: "ts", max_value: null }],
    });
  });

  it("renders DuckDB SQL for table refs, watermarks and row hashes", async () => {
    const a = await open();
    expect(await a.result("dialect/format_table_ref", { catalog: "c", schema: "s", table: "t" })).toEqual({ sql: '"c"."s"."t"' });
    expect(await a.result("dialect/watermark_where", { column: "updated_at" })).toEqual({ sql: 'WHERE "updated_at" > CAST(? AS TIMESTAMP)' });
    expect(await a.result("dialect/row_hash", { columns: ["a", "b"] })).toEqual({
      sql: "md5(concat_ws('|', coalesce(CAST(\"a\" AS VARCHAR), ''), coalesce(CAST(\"b\" AS VARCHAR), '')))",
    });
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
