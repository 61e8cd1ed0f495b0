import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { useAdapters, type AdapterProcess } from "./adapter-process.js";

const { open } = useAdapters();
// Never finishes in a test's lifetime; only cancellation ends it.
const ENDLESS = "INSERT INTO t SELECT sum(a.range * b.range), 'never' FROM range(1000000000) a, range(1000000000) b";

async function withTable(): Promise<AdapterProcess> {
  const a = await open();
  await a.result("execute_statement", { sql: "CREATE TABLE t (id BIGINT, v VARCHAR); INSERT INTO t VALUES (1, 'old')" });
  return a;
}

const rows = async (a: AdapterProcess, sql = "SELECT id, v FROM t ORDER BY id, v") => (await a.result<{ rows: unknown[][] }>("execute_query", { sql })).rows;

describe("duckdb adapter execute_batch", () => {
  it("runs the statements in order in one transaction and answers rows_affected for each", async () => {
    const a = await withTable();
    const result = await a.result("execute_batch", {
      statements: [
        { sql: "DELETE FROM t WHERE id = ?", params: [1] },
        { sql: "INSERT INTO t VALUES (?, ?), (?, ?)", params: [2, "b", 3, "c"] },
        { sql: "CREATE TABLE u AS SELECT id FROM t" },
      ],
    });
    expect(result).toEqual({ results: [{ rows_affected: 1 }, { rows_affected: 2 }, { rows_affected: null }] });
    expect(await rows(a)).toEqual([[2, "b"], [3, "c"]]);
    expect(await rows(a, "SELECT id FROM u ORDER BY id")).toEqual([[2], [3]]);
  });

  it("rolls back the first statement when the second fails and names the failing statement", async () => {
    const a = await withTable();
    const answer = await a.request("execute_batch", {
      statements: [{ sql: "DELETE FROM t" }, { sql: "INSERT INTO no_such_table VALUES (1)" }],
      transaction: true,
    });
    expect(answer.error?.code).toBe(-32052);
    expect(answer.error?.data).toEqual({ code: "EXECUTION_FAILED", statement_index: 1 });
    expect(answer.error?.message).toMatch(/^Catalog Error: Table with name no_such_table does not exist/);
    expect(await rows(a)).toEqual([[1, "old"]]);
    // Every pooled connection is still usable: none was left inside the failed transaction.
    const again = await Promise.all(Array.from({ length: 8 }, (_, i) => a.result("execute_batch", { statements: [{ sql: "INSERT INTO t VALUES (?, 'new')", params: [10 + i] }] })));
    expect(again).toEqual(Array.from({ length: 8 }, () => ({ results: [{ rows_affected: 1 }] })));
    expect(await rows(a, "SELECT count(*) FROM t")).toEqual([[9]]);
  });

  it("stops at the failure without a transaction and keeps what ran before it", async () => {
    const a = await withTable();
    const answer = await a.request("execute_batch", {
      statements: [{ sql: "INSERT INTO t VALUES (2, 'kept')" }, { sql: "INSERT INTO t VALUES ('not a number', 'x')" }, { sql: "INSERT INTO t VALUES (3, 'never run')" }],
      transaction: false,
    });
    expect(answer.error?.code).toBe(-32052);
    expect(answer.error?.data).toEqual({ code: "EXECUTION_FAILED", statement_index: 1 });
    expect(await rows(a)).toEqual([[1, "old"], [2, "kept"]]);
  });

  it("keeps concurrent batches apart: each sees only its own uncommitted rows, and failed ones leave nothing", async () => {
    const a = await withTable();
    // Statement 2 inserts 'seen' only when it sees statement 1's row, which no other session can before COMMIT.
    const batch = (k: number) =>
      a.request("execute_batch", {
        statements: [
          { sql: "INSERT INTO t VALUES (?, 'first')", params: [k] },
          { sql: "INSERT INTO t SELECT ?, 'seen' FROM t WHERE id = ? HAVING count(*) = 1", params: [k, k] },
          { sql: k % 2 === 0 ? "INSERT INTO t VALUES (?, 'last')" : "INSERT INTO t VALUES (?, 'last', 'one column too many')", params: [k] },
        ],
      });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => batch(100 + i)));
    expect(answers.map((m) => m.error?.data?.statement_index ?? m.result)).toEqual(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? { results: [{ rows_affected: 1 }, { rows_affected: 1 }, { rows_affected: 1 }] } : 2)),
    );
    const expected = Array.from({ length: 12 }, (_, i) => 100 + i)
      .filter((k) => k % 2 === 0)
      .flatMap((k) => [[k, "first"], [k, "last"], [k, "seen"]]);
    expect(await rows(a, "SELECT id, v FROM t WHERE id >= 100 ORDER BY id, v")).toEqual(expected);
  });

  it("rolls back when cancelled mid-batch and answers -32800", async () => {
    const a = await withTable();
    const batch = a.call("execute_batch", { statements: [{ sql: "DELETE FROM t" }, { sql: ENDLESS }] });
    await a.result("ping");
    await sleep(300);
    a.send({ method: "$/cancelRequest", params: { id: batch.id } });
    expect((await batch.answer).error).toEqual({ code: -32800, message: `Request "execute_batch" (id ${batch.id}) was cancelled` });
    expect(await rows(a)).toEqual([[1, "old"]]);
    expect(await a.result("execute_batch", { statements: [{ sql: "DELETE FROM t" }] })).toEqual({ results: [{ rows_affected: 1 }] });
  });

  it("refuses statements that control the transaction themselves, before running any", async () => {
    const a = await withTable();
    const answer = await a.request("execute_batch", { statements: [{ sql: "DELETE FROM t" }, { sql: "commit" }] });
    expect(answer.error).toEqual({
      code: -32602,
      message: "Statement 2 of the batch controls the transaction itself; execute_batch does that",
      data: { code: "INVALID_PARAMS", statement_index: 1 },
    });
    expect(await rows(a)).toEqual([[1, "old"]]);
    expect((await a.request("execute_batch", { statements: [] })).error?.code).toBe(-32602);
  });
});
