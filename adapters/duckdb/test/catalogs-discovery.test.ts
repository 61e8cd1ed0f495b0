import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useAdapters } from "./adapter-process.js";

const { open, path } = useAdapters();

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
    const catalogs = join(path(), "catalogs");
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

  it("drops a created catalog with its file, idempotently, and refuses to drop the main database", async () => {
    const catalogs = join(path(), "catalogs");
    const a = await open({ catalogs_dir: catalogs });
    await a.result("catalog/create", { catalog: "scratch" });
    await a.result("execute_statement", { sql: "CREATE TABLE scratch.main.t AS SELECT 1 AS x" });
    expect(existsSync(join(catalogs, "scratch.duckdb"))).toBe(true);
    expect(await a.result("catalog/drop", { catalog: "scratch" })).toEqual({});
    expect(existsSync(join(catalogs, "scratch.duckdb"))).toBe(false);
    expect(await a.result("table_exists", { catalog: "scratch", schema: "main", table: "t" })).toEqual({ exists: false });
    expect(await a.result("catalog/drop", { catalog: "scratch" })).toEqual({});
    const main = await a.request("catalog/drop", { catalog: "warehouse" });
    expect(main.error).toMatchObject({ code: -32602, message: 'Cannot drop catalog "warehouse": it is the adapter\'s main database or a DuckDB system catalog' });
    expect((await a.request("catalog/drop", { catalog: "system" })).error?.code).toBe(-32602);
    expect((await a.request("catalog/drop", { catalog: "x;y" })).error?.code).toBe(-32602);
    await a.result("catalog/create", { catalog: "scratch" });
    expect(await a.result("table_exists", { catalog: "scratch", schema: "main", table: "t" })).toEqual({ exists: false });
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
