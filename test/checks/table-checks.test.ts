import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckResult, ChecksConfig, ReplicationPipelineConfig, RunTableResult } from "@rocky/protocol";
import { resolveAdapter } from "../../host/src/adapter/resolve-adapter.js";
import { spawnAdapter } from "../../host/src/adapter/spawn-adapter.js";
import type { AdapterClient } from "../../host/src/adapter/types.js";
import { CHECK_BATCH_SIZE } from "../../host/src/checks/batch-checks.js";
import { checkReplicatedTables } from "../../host/src/checks/replication-checks.js";
import { recordRowCounts, type RowCountHistory } from "../../host/src/checks/row-count-history.js";
import type { RunEventInput } from "../../host/src/events/run-events.js";
import type { ReplicationPlan } from "../../host/src/ir/replication-plan.js";
import type { RunContext } from "../../host/src/pipeline/pipeline-context.js";
import { runAssertion, runTableChecks, type TableToCheck } from "../../host/src/checks/table-checks.js";
import { silentLogger } from "../../host/src/log.js";
import { DUCKDB } from "../../host/src/sql/dialect.js";
import { openStateStore, type StateStore } from "../../host/src/state/state-store.js";

// One DuckDB adapter process and one lmdb store for the whole file.
let dir: string;
let client: AdapterClient;
let state: StateStore;
const calls: Array<[string, number]> = [];
const queries: string[] = [];
let tablesample = true;
let batchChecks = true;
/** The adapter behind a recording proxy: each request's method and the number of tables it carried. */
let counting: AdapterClient;

const COLUMNS = "id INTEGER, status VARCHAR, amount DOUBLE, parent_id INTEGER, ts TIMESTAMP, shipped_at TIMESTAMP, note VARCHAR";
const GOOD_ROWS = [1, 2, 3, 4, 5].map((i) => `(${i}, '${["paid", "pending", "shipped"][i % 3]}', ${i * 10}, ${(i % 2) + 1}, TIMESTAMP '2026-01-01 00:00:00' - INTERVAL ${i} MINUTE, NULL, 'n')`).join(", ");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rocky-checks-"));
  const spec = resolveAdapter({ name: "warehouse", type: "duckdb", config: { path: join(dir, "w.duckdb") }, baseDir: dir });
  client = await spawnAdapter({ spec, logger: silentLogger() });
  state = openStateStore(join(dir, "state"));
  counting = new Proxy(client, {
    get(target, key) {
      if (key === "request") {
        return (method: { method: string }, params: { tables?: unknown[] }, options?: unknown) => {
          calls.push([method.method, params.tables?.length ?? 0]);
          return (target.request as (...a: unknown[]) => unknown)(method, params, options);
        };
      }
      if (key === "query") {
        return (sql: string, params?: unknown[]) => {
          queries.push(sql);
          return target.query(sql, params as never);
        };
      }
      if (key === "has") return (capability: string) => (capability === "tablesample" ? tablesample : capability === "batch_checks" ? batchChecks : target.has(capability as never));
      const value = Reflect.get(target, key) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const many = Array.from({ length: 450 }, (_, i) => ({ sql: `CREATE TABLE many.t${i} AS SELECT ${i} AS id, TIMESTAMP '2026-01-01 00:00:00' AS ts FROM range(${i % 3})` }));
  await client.executeBatch([
    { sql: "CREATE SCHEMA src" }, { sql: "CREATE SCHEMA dst" }, { sql: "CREATE SCHEMA many" },
    { sql: `CREATE TABLE src.good (${COLUMNS})` }, { sql: `INSERT INTO src.good VALUES ${GOOD_ROWS}` },
    { sql: "CREATE TABLE dst.good AS SELECT * FROM src.good" },
    { sql: "CREATE TABLE src.bad AS SELECT * FROM src.good" },
    { sql: "CREATE TABLE dst.bad (id INTEGER, status VARCHAR, amount DOUBLE, parent_id INTEGER, ts TIMESTAMP, shipped_at TIMESTAMP)" },
    {
      sql: `INSERT INTO dst.bad VALUES
        (1, 'paid', 10, 1, TIMESTAMP '2025-12-30 00:00:00', NULL),
        (1, 'bogus', -5, 9, TIMESTAMP '2025-12-31 00:00:00', NULL),
        (NULL, 'paid', 200, NULL, TIMESTAMP '2025-12-29 00:00:00', TIMESTAMP '2999-01-01 00:00:00'),
        (3, 'pending', 30, 2, TIMESTAMP '2025-12-29 00:00:00', NULL)`,
    },
    { sql: "CREATE TABLE dst.wide AS SELECT CASE WHEN range % 10 = 0 THEN NULL ELSE range END AS id FROM range(20000)" },
    { sql: "CREATE TABLE dst.parent AS SELECT * FROM (VALUES (1), (2)) AS p(id)" },
    ...many,
  ]);
});

afterAll(async () => {
  await client?.close();
  await state?.close();
  rmSync(dir, { recursive: true, force: true });
});

const table = (schema: string, name: string) => ({ catalog: "", schema, table: name });
const pairs: TableToCheck[] = [
  { source: table("src", "good"), target: table("dst", "good"), columns: null },
  { source: table("src", "bad"), target: table("dst", "bad"), columns: null },
];

const EVERY_CHECK: ChecksConfig = {
  row_count: true,
  column_match: true,
  freshness: { column: "ts", threshold_seconds: 3600, severity: "warning" },
  null_rate: { columns: ["id", "status"], threshold: 0.2, sample_percent: 100 },
  custom: [{ name: "no_negative", sql: "SELECT * FROM {target} WHERE amount < 0;" }, { name: "few_pending", sql: "SELECT * FROM {schema}.{table} WHERE status = 'pending'", threshold: 1, severity: "warn" }],
  anomaly_threshold_pct: 0,
  assertions: [
    { type: "not_null", column: "id" },
    { type: "unique", column: "id" },
    { type: "accepted_values", column: "status", values: ["paid", "pending", "shipped"] },
    { type: "relationships", column: "parent_id", to_table: "dst.parent", to_column: "id" },
    { type: "expression", expression: "amount <= 100", name: "amount_at_most_100" },
    { type: "row_count_range", min: 5, max: 10 },
    { type: "in_range", column: "amount", min: 0, max: 100 },
    { type: "not_in_future", column: "shipped_at" },
  ],
};

const summary = (checks: readonly CheckResult[]) => checks.map((c) => [c.name, c.kind, c.severity, c.status, c.observed, c.threshold]);

describe("runTableChecks() on real DuckDB", () => {
  it("passes every check kind on a clean table and fails each on a table that breaks it, with the exact counts and severities", async () => {
    const now = new Date("2026-01-01T00:10:00Z");
    const { checks } = await runTableChecks({ config: EVERY_CHECK, timestampColumn: "ts", tables: pairs, target: client, dialect: DUCKDB, concurrency: 2, now });
    expect(summary(checks.get("dst.good") ?? [])).toEqual([
      ["row_count", "row_count", "error", "passed", 5, 5],
      ["freshness", "freshness", "warn", "passed", 660, 3600],
      ["column_match", "column_match", "error", "passed", 0, 0],
      ["null_rate_id", "null_rate", "error", "passed", 0, 0.2],
      ["null_rate_status", "null_rate", "error", "passed", 0, 0.2],
      ["no_negative", "custom", "error", "passed", 0, 0],
      ["few_pending", "custom", "warn", "failed", 2, 1],
      ["not_null_id", "not_null", "error", "passed", 0, 0],
      ["unique_id", "unique", "error", "passed", 0, 0],
      ["accepted_values_status", "accepted_values", "error", "passed", 0, 0],
      ["relationships_parent_id", "relationships", "error", "passed", 0, 0],
      ["amount_at_most_100", "expression", "error", "passed", 0, 0],
      ["row_count_range", "row_count_range", "error", "passed", 5, null],
      ["in_range_amount", "in_range", "error", "passed", 0, 0],
      ["not_in_future_shipped_at", "not_in_future", "error", "passed", 0, 0],
    ]);
    const bad = checks.get("dst.bad") ?? [];
    expect(summary(bad)).toEqual([
      ["row_count", "row_count", "error", "failed", 4, 5],
      ["freshness", "freshness", "warn", "failed", 87000, 3600],
      ["column_match", "column_match", "error", "failed", 1, 0],
      ["null_rate_id", "null_rate", "error", "failed", 0.25, 0.2],
      ["null_rate_status", "null_rate", "error", "passed", 0, 0.2],
      ["no_negative", "custom", "error", "failed", 1, 0],
      ["few_pending", "custom", "warn", "passed", 1, 1],
      ["not_null_id", "not_null", "error", "failed", 1, 0],
      ["unique_id", "unique", "error", "failed", 1, 0],
      ["accepted_values_status", "accepted_values", "error", "failed", 1, 0],
      ["relationships_parent_id", "relationships", "error", "failed", 1, 0],
      ["amount_at_most_100", "expression", "error", "failed", 1, 0],
      ["row_count_range", "row_count_range", "error", "failed", 4, null],
      ["in_range_amount", "in_range", "error", "failed", 2, 0],
      ["not_in_future_shipped_at", "not_in_future", "error", "failed", 1, 0],
    ]);
    expect(bad.find((c) => c.name === "column_match")?.message).toBe("missing in target: note");
    expect(bad.find((c) => c.name === "row_count")?.message).toBe("source 5 rows, target 4 (differ by 1, 0 allowed)");
  });

  it("runs the original Rocky's other assertion kinds: unique_expr, composite, regex_match, aggregate, older_than_n_days", async () => {
    const verdict = async (a: Parameters<typeof runAssertion>[0], schema: string, name: string) => {
      const r = await runAssertion(a, table(schema, name), client, DUCKDB);
      return [r.name, r.status, r.observed, r.message];
    };
    expect(await verdict({ type: "unique_expr", key_expr: "id * 2" }, "dst", "good")).toEqual(["unique_expr", "passed", 0, "no duplicated keys"]);
    expect(await verdict({ type: "unique_expr", key_expr: "id * 2" }, "dst", "bad")).toEqual(["unique_expr", "failed", 1, "1 duplicated key"]);
    expect(await verdict({ type: "composite", kind: "unique", columns: ["id", "ts"] }, "many", "t1")).toEqual(["composite_id_ts", "passed", 0, "no duplicated keys"]);
    expect(await verdict({ type: "composite", kind: "unique", columns: ["id", "ts"] }, "many", "t2")).toEqual(["composite_id_ts", "failed", 1, "1 duplicated key"]);
    const statuses = { type: "regex_match", column: "status", pattern: "^(paid|pending|shipped)$" } as const;
    expect(await verdict(statuses, "dst", "good")).toEqual(["regex_match_status", "passed", 0, "no offending rows"]);
    expect(await verdict(statuses, "dst", "bad")).toEqual(["regex_match_status", "failed", 1, "1 offending row"]);
    const total = { type: "aggregate", column: "amount", op: "sum", cmp: "lte", value: 200 } as const;
    expect(await verdict(total, "dst", "good")).toEqual(["aggregate_amount", "passed", 150, "sum(amount) = 150 (expected sum(amount) <= 200)"]);
    expect(await verdict(total, "dst", "bad")).toEqual(["aggregate_amount", "failed", 235, "sum(amount) = 235 (expected sum(amount) <= 200)"]);
    expect(await verdict({ type: "aggregate", column: "id", op: "max", cmp: "gt", value: 0 }, "many", "t0")).toEqual(["aggregate_id", "failed", null, "max(id) is NULL (no rows to aggregate; expected max(id) > 0)"]);
    // Every ts is in late December 2025: at least a day old, not 10,000 days old.
    expect(await verdict({ type: "older_than_n_days", column: "ts", days: 1 }, "dst", "good")).toEqual(["older_than_n_days_ts", "passed", 0, "no offending rows"]);
    expect(await verdict({ type: "older_than_n_days", column: "ts", days: 10_000 }, "dst", "bad")).toEqual(["older_than_n_days_ts", "failed", 4, "4 offending rows"]);
  });

  it("allows a row count difference within tolerance_pct, and fails a check that cannot run with the reason instead of throwing", async () => {
    const config: ChecksConfig = {
      row_count: { tolerance_pct: 20 }, freshness: { threshold_seconds: 60, overrides: { "ba*": 100000 } }, anomaly_threshold_pct: 0,
      assertions: [{ type: "not_null", column: "no_such_column" }],
    };
    const now = new Date("2026-01-01T00:10:00Z");
    const { checks } = await runTableChecks({ config, timestampColumn: "ts", tables: [pairs[1] as TableToCheck], target: client, dialect: DUCKDB, concurrency: 1, now });
    const [rowCount, freshness, broken] = checks.get("dst.bad") ?? [];
    expect([rowCount?.status, rowCount?.observed]).toEqual(["passed", 4]);
    expect([freshness?.status, freshness?.observed, freshness?.threshold]).toEqual(["passed", 87000, 100000]);
    expect(broken?.status).toBe("failed");
    expect(broken?.message).toMatch(/^could not run: .*no_such_column/);
  });

  it("refuses an invalid identifier in a check before any SQL reaches the warehouse", async () => {
    const result = await runAssertion({ type: "not_null", column: 'id" OR 1=1 --' }, table("dst", "good"), client, DUCKDB);
    expect(result.status).toBe("failed");
    expect(result.message).toContain("identifiers must match ^[a-zA-Z0-9_]+$");
  });

  it("binds accepted values as parameters, so a quote in a value is data", async () => {
    const result = await runAssertion({ type: "accepted_values", column: "status", values: ["paid", "pending", "shipped", "x' OR 'a'='a"] }, table("dst", "bad"), client, DUCKDB);
    expect([result.status, result.observed]).toEqual(["failed", 1]);
  });

  it("flags a row count more than anomaly_threshold_pct from the average in the state store's history, and keeps the last 10 counts", async () => {
    const history = state.namespace("row-counts") as RowCountHistory;
    await recordRowCounts(history, new Map([["dst.good", 10], ["dst.bad", 10]]), "r1");
    await recordRowCounts(history, new Map([["dst.good", 10], ["dst.bad", 10]]), "r2");
    const { checks, counts } = await runTableChecks({ config: { anomaly_threshold_pct: 50 }, timestampColumn: "ts", tables: pairs, target: client, dialect: DUCKDB, history, concurrency: 2 });
    expect(summary(checks.get("dst.good") ?? [])).toEqual([["anomaly", "anomaly", "warn", "passed", 5, 50]]);
    expect(summary(checks.get("dst.bad") ?? [])).toEqual([["anomaly", "anomaly", "warn", "failed", 4, 50]]);
    expect(checks.get("dst.bad")?.[0]?.message).toBe("4 rows vs an average of 10.0 over the last 2 runs (60.0%; limit 50%)");
    expect(checks.get("dst.good")?.[0]?.message).toBe("5 rows vs an average of 10.0 over the last 2 runs (50.0%; limit 50%)");
    expect([...counts]).toEqual([["dst.good", 5], ["dst.bad", 4]]);
    for (let i = 0; i < 12; i++) await recordRowCounts(history, new Map([["dst.good", i]]), `n${i}`);
    expect(history.get("dst.good")?.counts.map((c) => c.count)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const off = await runTableChecks({ config: { anomaly_threshold_pct: 0 }, timestampColumn: "ts", tables: pairs, target: client, dialect: DUCKDB, history, concurrency: 2 });
    expect([...off.checks.values()].flat()).toEqual([]);
  });

  it(`batches row counts and freshness of 450 tables into requests of at most ${CHECK_BATCH_SIZE} tables: 3 per measurement`, async () => {
    calls.length = 0;
    const tables = Array.from({ length: 450 }, (_, i) => ({ source: table("many", `t${i}`), target: table("many", `t${i}`), columns: ["id", "ts"] }));
    const { checks } = await runTableChecks({
      config: { row_count: true, freshness: { threshold_seconds: 3600 }, anomaly_threshold_pct: 0 },
      timestampColumn: "ts", tables, target: counting, dialect: DUCKDB, concurrency: 4, now: new Date("2026-01-01T00:30:00Z"),
    });
    // Source counts, then target counts (the warehouse reads the landed tables, as the copies do), then freshness; nothing else.
    expect(calls).toEqual([
      ["checks/row_counts", 200], ["checks/row_counts", 200], ["checks/row_counts", 50],
      ["checks/row_counts", 200], ["checks/row_counts", 200], ["checks/row_counts", 50],
      ["checks/freshness", 200], ["checks/freshness", 200], ["checks/freshness", 50],
    ]);
    expect(checks.get("many.t7")?.map((c) => [c.name, c.status, c.observed])).toEqual([["row_count", "passed", 1], ["freshness", "passed", 1800]]);
    // Without batch_checks: one query per table and measurement, the same results.
    batchChecks = false;
    calls.length = 0;
    queries.length = 0;
    const few = tables.slice(6, 9);
    const unbatched = await runTableChecks({
      config: { row_count: true, freshness: { threshold_seconds: 3600 }, anomaly_threshold_pct: 0 },
      timestampColumn: "ts", tables: few, target: counting, dialect: DUCKDB, concurrency: 4, now: new Date("2026-01-01T00:30:00Z"),
    });
    batchChecks = true;
    expect(calls).toEqual([]);
    expect(queries).toHaveLength(9);
    expect(queries[0]).toBe('SELECT COUNT(*) FROM "many"."t6"');
    expect(queries[6]).toBe('SELECT CAST(MAX("ts") AS VARCHAR) FROM "many"."t6"');
    for (const t of few) expect(unbatched.checks.get(`many.${t.target.table}`)).toEqual(checks.get(`many.${t.target.table}`)?.map((c) => ({ ...c, duration_ms: expect.any(Number) })));
    // t0, t3, ... are empty: no latest value.
    expect(checks.get("many.t3")?.map((c) => [c.name, c.status, c.message])).toEqual([["row_count", "passed", "source 0 rows, target 0"], ["freshness", "failed", 'no rows: "ts" has no latest value']]);
  });

  it("samples null rates with TABLESAMPLE only where the adapter declares it", async () => {
    const config: ChecksConfig = { null_rate: { columns: ["id"], threshold: 0.15, sample_percent: 50 }, anomaly_threshold_pct: 0 };
    const wide = [{ source: null, target: table("dst", "wide"), columns: ["id"] }];
    queries.length = 0;
    const sampled = await runTableChecks({ config, timestampColumn: "ts", tables: wide, target: counting, dialect: DUCKDB, concurrency: 1 });
    expect(queries).toEqual(['SELECT COUNT(*), COUNT("id") FROM "dst"."wide" TABLESAMPLE 50 PERCENT (bernoulli)']);
    const [check] = sampled.checks.get("dst.wide") ?? [];
    expect(check?.status).toBe("passed");
    // About 10% NULL in a sample of about 10000 of the 20000 rows.
    expect(check?.observed).toBeGreaterThan(0.08);
    expect(check?.observed).toBeLessThan(0.12);
    expect(check?.message).toMatch(/^\d+\.\d\d% NULL in \d+ sampled rows \(limit 15\.00%\)$/);
    tablesample = false;
    queries.length = 0;
    const full = await runTableChecks({ config, timestampColumn: "ts", tables: wide, target: counting, dialect: DUCKDB, concurrency: 1 });
    tablesample = true;
    expect(queries).toEqual(['SELECT COUNT(*), COUNT("id") FROM "dst"."wide"']);
    expect(full.checks.get("dst.wide")?.map((c) => [c.status, c.observed, c.message])).toEqual([["passed", 0.1, "10.00% NULL in 20000 rows (limit 15.00%)"]]);
  });

  it("checkReplicatedTables() fails a copied table on an error check, notes it for the models, emits check_finished, and reports only with fail_on_error = false", async () => {
    const copied = (target: string): RunTableResult => ({ source: null, target, strategy: "full_refresh", reason: "r", status: "succeeded", rows_copied: 4, duration_ms: 1, watermark_before: null, watermark_after: null, notes: [] });
    const plan = { tables: pairs.map((p) => ({ source: p.source, target: p.target, columns: ["id"], metadata: [] })) } as unknown as ReplicationPlan;
    const attempt = async (failOnError: boolean) => {
      const events: RunEventInput[] = [];
      const failedTables = new Map<string, string>();
      const config = { type: "replication", target: { adapter: "warehouse" }, checks: { fail_on_error: failOnError, anomaly_threshold_pct: 0, assertions: [{ type: "not_null", column: "id" }] } } as unknown as ReplicationPipelineConfig;
      const ctx = {
        name: "bronze", config, runId: `run-${failOnError}`, state, failedTables, progress: { update: () => undefined },
        events: { emit: (e: RunEventInput) => void events.push(e), close: async () => undefined },
        adapters: { get: async () => client },
      } as unknown as RunContext<ReplicationPipelineConfig>;
      return { tables: await checkReplicatedTables(ctx, plan, [copied("dst.good"), copied("dst.bad")]), events, failedTables };
    };
    const strict = await attempt(true);
    expect(strict.tables.map((t) => [t.target, t.status, t.error?.code ?? null])).toEqual([["dst.good", "succeeded", null], ["dst.bad", "failed", "CHECK_FAILED"]]);
    expect(strict.tables[1]?.error?.message).toBe("1 error-severity check failed on dst.bad: not_null_id (1 offending row)");
    expect([...strict.failedTables]).toEqual([["dst.bad", "failed its error-severity checks"]]);
    expect(strict.events).toEqual([
      { type: "check_finished", pipeline: "bronze", target: "dst.good", check: "not_null_id", severity: "error", status: "succeeded", message: "no offending rows", duration_ms: expect.any(Number) },
      { type: "check_finished", pipeline: "bronze", target: "dst.bad", check: "not_null_id", severity: "error", status: "failed", message: "1 offending row", duration_ms: expect.any(Number) },
    ]);
    const lenient = await attempt(false);
    expect(lenient.tables.map((t) => [t.target, t.status, t.checks?.map((c) => c.status)])).toEqual([["dst.good", "succeeded", ["passed"]], ["dst.bad", "succeeded", ["failed"]]]);
    expect(lenient.failedTables.size).toBe(0);
  });
});
