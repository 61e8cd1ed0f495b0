import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startAdapter, type AdapterProcess } from "./adapter-process.js";

// Never finishes in a test's lifetime; only cancellation ends it.
const ENDLESS = "SELECT sum(a.range * b.range) FROM range(1000000000) a, range(1000000000) b";

let a: AdapterProcess;

beforeEach(async () => {
  a = startAdapter();
  await a.initialize({ path: ":memory:" });
});

afterEach(async () => {
  expect(a.junk).toEqual([]);
  a.kill();
  await a.exited;
});

describe("duckdb adapter query paging", () => {
  it("streams 100k rows in batches of batch_rows and closes the cursor after the last", async () => {
    const open = await a.result<{ cursor: string; columns: string[]; column_types: string[] }>("query/open", {
      sql: "SELECT range AS id, 'row ' || range AS label FROM range(?) ORDER BY id",
      params: [100_000],
      batch_rows: 30_000,
    });
    expect(open.columns).toEqual(["id", "label"]);
    expect(open.column_types).toEqual(["BIGINT", "VARCHAR"]);
    const sizes: number[] = [];
    const dones: boolean[] = [];
    let next = 0;
    for (;;) {
      const batch = await a.result<{ rows: [number, string][]; done: boolean }>("query/fetch", { cursor: open.cursor });
      sizes.push(batch.rows.length);
      dones.push(batch.done);
      for (const [id, label] of batch.rows) {
        expect(id).toBe(next);
        expect(label).toBe(`row ${next}`);
        next++;
      }
      if (batch.done) break;
    }
    expect(sizes).toEqual([30_000, 30_000, 30_000, 10_000]);
    expect(dones).toEqual([false, false, false, true]);
    const closed = await a.request("query/fetch", { cursor: open.cursor });
    expect(closed.error).toMatchObject({ code: -32053, data: { code: "NOT_FOUND" } });
    expect(await a.result("query/close", { cursor: open.cursor })).toEqual({});
  });

  it("honours max_rows per fetch and frees a cursor closed early", async () => {
    const open = await a.result<{ cursor: string }>("query/open", { sql: "SELECT * FROM range(10)" });
    expect(await a.result("query/fetch", { cursor: open.cursor, max_rows: 4 })).toEqual({ rows: [[0], [1], [2], [3]], done: false });
    expect(await a.result("query/close", { cursor: open.cursor })).toEqual({});
    expect((await a.request("query/fetch", { cursor: open.cursor })).error?.code).toBe(-32053);
  });

  it("answers query/open of bad SQL with -32052", async () => {
    const answer = await a.request("query/open", { sql: "SELECT * FROM nowhere" });
    expect(answer.error).toMatchObject({ code: -32052, data: { code: "EXECUTION_FAILED" } });
  });
});

describe("duckdb adapter concurrency and cancellation", () => {
  it("answers requests sent after a long query while it runs, then cancels it with -32800", async () => {
    const long = a.call("execute_query", { sql: ENDLESS });
    const quick = await Promise.all([
      a.result("execute_query", { sql: "SELECT 1 AS x" }),
      a.result("execute_statement", { sql: "CREATE TABLE t AS SELECT 2 AS x" }),
    ]);
    expect(quick).toEqual([{ columns: ["x"], column_types: ["INTEGER"], rows: [[1]] }, { rows_affected: null }]);
    expect(await a.result("table_exists", { catalog: "", schema: "main", table: "t" })).toEqual({ exists: true });
    expect(a.received.some((m) => m.id === long.id)).toBe(false);
    a.send({ method: "$/cancelRequest", params: { id: long.id } });
    expect((await long.answer).error).toEqual({ code: -32800, message: `Request "execute_query" (id ${long.id}) was cancelled` });
    expect(await a.result("execute_query", { sql: "SELECT 3 AS x" })).toMatchObject({ rows: [[3]] });
  });

  it("cancels a query/open whose first batch is still being computed", async () => {
    const open = a.call("query/open", { sql: ENDLESS });
    await a.result("ping");
    a.send({ method: "$/cancelRequest", params: { id: open.id } });
    expect((await open.answer).error?.code).toBe(-32800);
    const next = await a.result<{ cursor: string }>("query/open", { sql: "SELECT 5 AS x" });
    expect(await a.result("query/fetch", { cursor: next.cursor })).toEqual({ rows: [[5]], done: true });
  });

  it("exits with 0 on stdin EOF while a long query runs", { timeout: 30_000 }, async () => {
    a.call("execute_query", { sql: ENDLESS });
    await a.result("ping");
    a.endInput();
    expect(await a.exited).toEqual({ code: 0, signal: null });
  });
});
