import { describe, expect, it } from "vitest";
import { databricks } from "./fixture.js";

describe("Databricks adapter: statements", () => {
  it("converts the API's strings to JSON by the manifest's column types", async () => {
    const { adapter } = await databricks();
    const r = await adapter.result("execute_query", {
      sql: `SELECT CAST(? AS INT) AS i, CAST(9007199254740993 AS BIGINT) AS big, CAST(2.5 AS DOUBLE) AS d, CAST('12.30' AS DECIMAL(10,2)) AS dec,
              true AS b, DATE '2024-02-29' AS dt, TIMESTAMP '2024-01-02 03:04:05.25' AS ts, TIMESTAMP '2024-01-02 03:04:05' AS ts0,
              CAST(NULL AS STRING) AS n, ? AS s`,
      params: [7, "it's a ? mark"],
    });
    expect(r).toEqual({
      columns: ["i", "big", "d", "dec", "b", "dt", "ts", "ts0", "n", "s"],
      column_types: ["INT", "BIGINT", "DOUBLE", "DECIMAL(10,2)", "BOOLEAN", "DATE", "TIMESTAMP", "TIMESTAMP", "STRING", "STRING"],
      rows: [[7, "9007199254740993", 2.5, "12.30", true, "2024-02-29", "2024-01-02 03:04:05.250000", "2024-01-02 03:04:05", null, "it's a ? mark"]],
    });
  });

  it("assembles a result of several chunks in order, fetching chunks 1.. by index", async () => {
    const { adapter, server } = await databricks({ server: { chunkRows: 4 } });
    const r = await adapter.result<{ rows: number[][] }>("execute_query", { sql: "SELECT i FROM range(10) t(i) ORDER BY i" });
    expect(r.rows).toEqual([[0], [1], [2], [3], [4], [5], [6], [7], [8], [9]]);
    expect(server.requests.filter((q) => q.includes("/result/chunks/")).map((q) => q.replace(/statements\/[^/]+/, "statements/ID"))).toEqual([
      "GET /api/2.0/sql/statements/ID/result/chunks/1",
      "GET /api/2.0/sql/statements/ID/result/chunks/2",
    ]);
  });

  it("pages a large result chunk by chunk: each query/fetch reads only the chunks it needs", async () => {
    const { adapter, server } = await databricks({ server: { chunkRows: 1000 } });
    const open = await adapter.result<{ cursor: string; columns: string[] }>("query/open", { sql: "SELECT i, 'row ' || i AS label FROM range(5000) t(i) ORDER BY i" });
    expect(open.columns).toEqual(["i", "label"]);
    const chunkRequests = () => server.requests.filter((q) => q.includes("/result/chunks/")).length;
    const first = await adapter.result<{ rows: unknown[][]; done: boolean }>("query/fetch", { cursor: open.cursor, max_rows: 1500 });
    expect([first.rows.length, first.rows[0], first.rows[1499], first.done, chunkRequests()]).toEqual([1500, [0, "row 0"], [1499, "row 1499"], false, 1]);
    let seen = 1500;
    let done = false;
    while (!done) {
      const batch = await adapter.result<{ rows: unknown[][]; done: boolean }>("query/fetch", { cursor: open.cursor, max_rows: 1500 });
      expect(batch.rows[0]?.[0]).toBe(seen);
      seen += batch.rows.length;
      done = batch.done;
    }
    expect([seen, chunkRequests()]).toEqual([5000, 4]);
    expect((await adapter.request("query/fetch", { cursor: open.cursor })).error?.code).toBe(-32053);
  });

  it("polls a statement that stays RUNNING for several polls", async () => {
    const { adapter, server } = await databricks();
    server.state.faults.add({ route: "execute-statement", runningPolls: 3 });
    const r = await adapter.result<{ rows: unknown[][] }>("execute_query", { sql: "SELECT 42 AS answer" });
    expect(r.rows).toEqual([[42]]);
    expect(server.requests.filter((q) => /^GET \/api\/2\.0\/sql\/statements\/[^/]+$/.test(q))).toHaveLength(4);
  });

  it("answers a failed statement -32052 with the warehouse's error, and DML with rows_affected", async () => {
    const { adapter } = await databricks();
    const bad = await adapter.request("execute_statement", { sql: "SELECT * FROM no_such_table" });
    expect(bad.error).toMatchObject({ code: -32052, data: { code: "EXECUTION_FAILED", provider_code: "BAD_REQUEST", state: "FAILED" } });
    expect(bad.error?.message).toMatch(/no_such_table/);
    await adapter.result("execute_statement", { sql: "CREATE TABLE t (id BIGINT, v STRING)" });
    expect(await adapter.result("execute_statement", { sql: "INSERT INTO t VALUES (?, ?), (?, ?)", params: [1, "a", 2, null] })).toEqual({ rows_affected: 2 });
    expect(await adapter.result("execute_statement", { sql: "UPDATE t SET v = 'b' WHERE id = ?", params: [2] })).toEqual({ rows_affected: 1 });
    expect(await adapter.result("execute_statement", { sql: "DROP TABLE t" })).toEqual({});
    const mismatch = await adapter.request("execute_query", { sql: "SELECT ?", params: [1, 2] });
    expect(mismatch.error).toMatchObject({ code: -32602, message: 'The statement has 1 "?" parameter marker(s) but 2 parameter value(s) were given' });
  });

  it("cancels the statement on the warehouse when the host sends $/cancelRequest, also while the submission waits", async () => {
    for (const wait of [0, 5]) {
      const { adapter, server } = await databricks({ config: { wait_timeout_seconds: wait } });
      const { id, answer } = adapter.call("execute_query", { sql: "SELECT count(*) FROM range(10000000000000) t(i)" });
      await new Promise((r) => setTimeout(r, 300));
      adapter.send({ method: "$/cancelRequest", params: { id } });
      expect((await answer).error?.code).toBe(-32800);
      // With a wait, the id arrives with the submission's answer (up to wait_timeout later); the cancel follows it.
      const deadline = Date.now() + (wait + 5) * 1000;
      while (server.state.statements.cancels.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const [cancelled] = server.state.statements.cancels;
      expect(server.state.statements.all.get(cancelled ?? "")?.state, `wait_timeout ${wait}s`).toBe("CANCELED");
      expect(server.requests.filter((q) => q.endsWith("/cancel"))).toHaveLength(1);
      expect(await adapter.result("ping")).toEqual({});
    }
  });
});
