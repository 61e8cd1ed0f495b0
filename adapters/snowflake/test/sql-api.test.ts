import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startAdapterProcess as startAdapter, type AdapterProcess } from "../../../test/support/adapter-process.js";
import { MAIN, startFixture, type Fixture } from "./snowflake-fixture.js";

// One server and one adapter process for the file; each test uses its own tables.
let f: Fixture;
let a: AdapterProcess;

beforeAll(async () => {
  f = await startFixture({ partitionRows: 2 });
  a = startAdapter(MAIN);
  await a.initialize(f.config.pat({ max_concurrency: 4 }));
});

afterAll(async () => {
  expect(a.junk).toEqual([]);
  await a.stop();
  await f.close();
});

afterEach(() => {
  Object.assign(f.server.ctx.faults, { rateLimit: 0, unavailable: 0, resuming: 0, runningPolls: 0 });
});

const statementPosts = () => f.server.ctx.log.filter((e) => e.method === "POST" && e.path.startsWith("/api/v2/statements?"));

describe("Snowflake adapter results", () => {
  it("assembles a 3-partition result in order, and pages it partition by partition", async () => {
    await a.result("execute_statement", { sql: "CREATE TABLE parts (id BIGINT, name VARCHAR)" });
    await a.result("execute_statement", { sql: "INSERT INTO parts VALUES (5, 'e'), (3, 'c'), (1, 'a'), (4, 'd'), (2, 'b')" });
    f.server.ctx.log.length = 0;
    const all = await a.result("execute_query", { sql: "SELECT id, name FROM parts ORDER BY id" });
    expect(all).toEqual({ columns: ["ID", "NAME"], column_types: ["NUMBER(38,0)", "VARCHAR"], rows: [[1, "a"], [2, "b"], [3, "c"], [4, "d"], [5, "e"]] });
    const partitionGets = f.server.ctx.log.filter((e) => /partition=/.test(e.path)).map((e) => /partition=(\d+)/.exec(e.path)?.[1]);
    expect(partitionGets).toEqual(["1", "2"]);

    const opened = await a.result<{ cursor: string; columns: string[] }>("query/open", { sql: "SELECT id FROM parts ORDER BY id", batch_rows: 3 });
    expect(opened.columns).toEqual(["ID"]);
    // Partitions are read as the fetches need them, not ahead.
    const partitionsRead = () => f.server.ctx.log.filter((e) => /partition=/.test(e.path)).length;
    f.server.ctx.log.length = 0;
    const pages: unknown[] = [];
    const read: number[] = [];
    for (;;) {
      const page = await a.result<{ rows: unknown[][]; done: boolean }>("query/fetch", { cursor: opened.cursor, max_rows: 3 });
      pages.push(page);
      read.push(partitionsRead());
      if (page.done) break;
    }
    expect(pages).toEqual([{ rows: [[1], [2], [3]], done: false }, { rows: [[4], [5]], done: true }]);
    expect(read).toEqual([1, 2]);
  });

  it("converts every value by its rowType", async () => {
    const r = await a.result("execute_query", {
      sql:
        "SELECT 42 AS i, 9007199254740993 AS big, CAST(1.50 AS NUMBER(10,2)) AS dec, CAST(3.5 AS DOUBLE) AS f, TRUE AS b, CAST('2024-02-29' AS DATE) AS d, " +
        "CAST('2024-02-29 13:45:30.123456' AS TIMESTAMP_NTZ) AS ts, CAST('1969-12-31 23:59:59.5' AS TIMESTAMP_NTZ) AS old, CAST(NULL AS VARCHAR) AS n, 'żółć' AS s",
    });
    expect(r).toEqual({
      columns: ["I", "BIG", "DEC", "F", "B", "D", "TS", "OLD", "N", "S"],
      column_types: ["NUMBER(38,0)", "NUMBER(38,0)", "NUMBER(10,2)", "FLOAT", "BOOLEAN", "DATE", "TIMESTAMP_NTZ", "TIMESTAMP_NTZ", "VARCHAR", "VARCHAR"],
      rows: [[42, "9007199254740993", "1.50", 3.5, true, "2024-02-29", "2024-02-29 13:45:30.123456", "1969-12-31 23:59:59.500000", null, "żółć"]],
    });
  });

  it("binds parameters by type", async () => {
    const r = await a.result("execute_query", { sql: "SELECT ? AS a, ? AS b, ? AS c, ? AS d, ? AS e", params: [7, 2.25, "x'y", true, null] });
    expect(r.rows).toEqual([[7, 2.25, "x'y", true, null]]);
  });

  it("polls a long-running statement until it finishes", async () => {
    f.server.ctx.faults.runningPolls = 4;
    f.server.ctx.log.length = 0;
    expect((await a.result("execute_query", { sql: "SELECT 1 AS X" })).rows).toEqual([[1]]);
    const polls = f.server.ctx.log.filter((e) => e.method === "GET").map((e) => e.status);
    expect(polls).toEqual([202, 202, 202, 202, 200]);
  });
});

describe("Snowflake adapter transient failures", () => {
  it("retries 429 and 503 after Retry-After, running the statement once", async () => {
    await a.result("execute_statement", { sql: "CREATE TABLE retried (id BIGINT)" });
    Object.assign(f.server.ctx.faults, { rateLimit: 2, unavailable: 1 });
    f.server.ctx.log.length = 0;
    expect(await a.result("execute_statement", { sql: "INSERT INTO retried VALUES (1)" })).toEqual({ rows_affected: 1 });
    expect(statementPosts().map((e) => e.status)).toEqual([429, 429, 503, 202]);
    expect(await f.sql("SELECT COUNT(*) FROM retried")).toEqual([["1"]]);
    // One request id for the three attempts (retry=true), and the shared AIMD window halved by the rate limit.
    expect(new Set(statementPosts().map((e) => /requestId=([^&]+)/.exec(e.path)?.[1])).size).toBe(1);
    const windows = a.received.filter((m) => m.method === "$/log" && /concurrency window/.test(String(m.params?.message))).map((m) => m.params?.message);
    expect(windows).toContain("Snowflake concurrency window 4 → 2 (rate_limited)");
  });

  it("submits again, under a new request id, a statement refused while the warehouse resumes", async () => {
    await a.result("execute_statement", { sql: "CREATE TABLE resumed (id BIGINT)" });
    f.server.ctx.faults.resuming = 2;
    f.server.ctx.log.length = 0;
    expect(await a.result("execute_statement", { sql: "INSERT INTO resumed VALUES (1)" })).toEqual({ rows_affected: 1 });
    expect(new Set(statementPosts().map((e) => /requestId=([^&]+)/.exec(e.path)?.[1])).size).toBe(3);
    expect(f.server.ctx.log.filter((e) => e.method === "GET").map((e) => e.status).filter((s) => s !== 202)).toEqual([422, 422, 200]);
    expect(await f.sql("SELECT COUNT(*) FROM resumed")).toEqual([["1"]]);
  });

  it("answers Unavailable once the attempts are spent", async () => {
    f.server.ctx.faults.rateLimit = 10;
    const answer = await a.request("execute_statement", { sql: "SELECT 1" });
    expect(answer.error?.code).toBe(-32055);
    expect(answer.error?.message).toMatch(/HTTP 429 000429: Too many requests\. Please retry later\. \(gave up after 4 attempts\)$/);
  });
});

describe("Snowflake adapter execute_batch", () => {
  it("runs a batch as one multi-statement request and rolls all of it back when a statement fails", async () => {
    await a.result("execute_statement", { sql: "CREATE TABLE acct (id BIGINT, v VARCHAR)" });
    await a.result("execute_statement", { sql: "INSERT INTO acct VALUES (1, 'a'), (2, 'b')" });
    f.server.ctx.log.length = 0;
    const ok = await a.result("execute_batch", {
      statements: [
        { sql: "DELETE FROM acct WHERE id = ?", params: [1] },
        { sql: "INSERT INTO acct\nSELECT ? AS id, ? AS v -- a trailing comment ?", params: [3, "c"] },
        { sql: "INSERT INTO acct VALUES (?, ?), (?, '?')", params: [7, "it's a \\ back\nslash", null] },
      ],
    });
    expect(ok).toEqual({ results: [{ rows_affected: 1 }, { rows_affected: 1 }, { rows_affected: 2 }] });
    expect(statementPosts()).toHaveLength(1);
    // Params travel as escaped literals (the SQL API binds nothing in a multi-statement request).
    expect((await a.result("execute_query", { sql: "SELECT id, v FROM acct WHERE id >= 7 OR v = '?' ORDER BY id" })).rows).toEqual([[7, "it's a \\ back\nslash"], [null, "?"]]);
    await a.result("execute_statement", { sql: "DELETE FROM acct WHERE id >= 7 OR id IS NULL" });

    const failed = await a.request("execute_batch", {
      statements: [{ sql: "DELETE FROM acct" }, { sql: "INSERT INTO acct\nVALUES (9, 'z')" }, { sql: "INSERT INTO missing_table VALUES (1)" }, { sql: "DELETE FROM acct" }],
    });
    expect(failed.error).toMatchObject({ code: -32052, data: { code: "EXECUTION_FAILED", statement_index: 2 } });
    expect(failed.error?.message).toMatch(/^Uncaught Execution of multiple statements failed on statement "INSERT INTO missing_table VALU\.\.\." \(at line 10, position 0\)\.\nSQL compilation error:\nCatalog Error: Table with name MISSING_TABLE does not exist/);
    expect(await f.sql("SELECT id, v FROM acct ORDER BY id")).toEqual([["2", "b"], ["3", "c"]]);
  });

  it("without a transaction keeps what ran before the failure and stops there", async () => {
    await a.result("execute_statement", { sql: "CREATE TABLE loose (id BIGINT)" });
    const failed = await a.request("execute_batch", { transaction: false, statements: [{ sql: "INSERT INTO loose VALUES (1)" }, { sql: "INSERT INTO nope VALUES (1)" }, { sql: "INSERT INTO loose VALUES (2)" }] });
    expect(failed.error).toMatchObject({ code: -32052, data: { statement_index: 1 } });
    expect(await f.sql("SELECT id FROM loose")).toEqual([["1"]]);
    expect(await a.result("execute_batch", { transaction: false, statements: [{ sql: "INSERT INTO loose VALUES (?), (?)", params: [2, 3] }] })).toEqual({ results: [{ rows_affected: 2 }] });
  });

  it("refuses DDL in a transactional batch before running anything", async () => {
    const refused = await a.request("execute_batch", { statements: [{ sql: "DELETE FROM acct" }, { sql: "CREATE TABLE x (id BIGINT)" }] });
    expect(refused.error).toMatchObject({ code: -32602, data: { statement_index: 1 } });
    expect(await f.sql("SELECT COUNT(*) FROM acct")).toEqual([["2"]]);
  });
});

describe("Snowflake adapter statement timeout", () => {
  it("answers ExecutionFailed with Snowflake's message when a statement outlives statement_timeout_seconds (HTTP 408)", async () => {
    const b = startAdapter(MAIN);
    try {
      await b.initialize(f.config.pat({ statement_timeout_seconds: 1 }));
      const answer = await b.request("execute_query", { sql: "SELECT SYSTEM$WAIT(20) AS W" });
      expect(answer.error).toMatchObject({
        code: -32052,
        message: "Statement reached its statement or warehouse timeout of 1 second(s) and was canceled.",
        data: { code: "EXECUTION_FAILED", provider_code: "000630", timeout: true },
      });
      expect(f.server.ctx.log.some((e) => e.status === 408)).toBe(true);
    } finally {
      await b.stop();
    }
  });
});

describe("Snowflake adapter cancellation", () => {
  it("cancels the running statement in the warehouse on $/cancelRequest", async () => {
    const { id, answer } = a.call("execute_query", { sql: "SELECT SYSTEM$WAIT(30) AS W" });
    await new Promise((r) => setTimeout(r, 500));
    a.send({ method: "$/cancelRequest", params: { id } });
    expect((await answer).error?.code).toBe(-32800);
    await expect.poll(() => f.server.ctx.log.some((e) => /\/cancel$/.test(e.path) && e.status === 200)).toBe(true);
    const waits = [...f.server.ctx.store.records.values()].filter((r) => r.state.status === "failed" && r.state.failure.kind === "canceled");
    expect(waits).toHaveLength(1);
  });
});

describe("Snowflake adapter metadata and governance", () => {
  it("describes several tables in one query per catalog, a missing table or catalog as exists: false", async () => {
    await a.result("execute_statement", { sql: "CREATE TABLE described (id BIGINT NOT NULL, name VARCHAR)" });
    f.server.ctx.log.length = 0;
    const { tables } = await a.result<{ tables: unknown[] }>("describe_tables", {
      tables: [
        { catalog: "", schema: "public", table: "described" },
        { catalog: "", schema: "public", table: "absent" },
        { catalog: "no_such_db", schema: "public", table: "described" },
      ],
    });
    expect(tables).toEqual([
      { catalog: "", schema: "public", table: "described", exists: true, columns: [{ name: "ID", data_type: "NUMBER", nullable: false }, { name: "NAME", data_type: "TEXT", nullable: true }] },
      { catalog: "", schema: "public", table: "absent", exists: false, columns: [] },
      { catalog: "no_such_db", schema: "public", table: "described", exists: false, columns: [] },
    ]);
    expect(statementPosts()).toHaveLength(2);
  });

  it("counts the rows of 201 tables in two UNION ALL queries of at most 200 tables", async () => {
    await a.result("execute_statement", { sql: "CREATE SCHEMA many" });
    const names = Array.from({ length: 201 }, (_, i) => `t${i}`);
    await a.result("execute_batch", { transaction: false, statements: names.map((n, i) => ({ sql: `CREATE TABLE many.${n} AS SELECT x FROM (VALUES (1), (2)) AS v(x) LIMIT ${i % 3}` })) });
    f.server.ctx.log.length = 0;
    const { counts } = await a.result<{ counts: Array<{ table: string; row_count: number }> }>("checks/row_counts", { tables: names.map((table) => ({ catalog: "", schema: "many", table })) });
    expect(counts.map((c) => [c.table, c.row_count])).toEqual(names.map((n, i) => [n, i % 3]));
    expect(statementPosts()).toHaveLength(2);
  });

  it("grants and revokes privileges to roles, idempotently, and lists them", async () => {
    await a.result("execute_statement", { sql: "CREATE TABLE granted (id BIGINT)" });
    const target = { catalog: "", schema: "public", table: "granted" };
    const grant = [{ principal: "analyst", privilege: "SELECT" }, { principal: "loader", privilege: "insert" }];
    await a.result("governance/apply_grants", { target, grant });
    await a.result("governance/apply_grants", { target, grant });
    expect(await a.result("governance/get_grants", { target })).toEqual({ grants: [{ principal: "ANALYST", privilege: "SELECT" }, { principal: "LOADER", privilege: "INSERT" }] });
    await a.result("governance/apply_grants", { target, revoke: [{ principal: "analyst", privilege: "SELECT" }] });
    expect(await a.result("governance/get_grants", { target })).toEqual({ grants: [{ principal: "LOADER", privilege: "INSERT" }] });
    const refused = await a.request("governance/apply_grants", { target, grant: [{ principal: "analyst; DROP TABLE granted", privilege: "SELECT" }] });
    expect(refused.error).toMatchObject({ code: -32602, message: 'Invalid role name "analyst; DROP TABLE granted": names must match ^[a-zA-Z0-9_]+$' });
  });
});
