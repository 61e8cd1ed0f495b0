import { Methods, type RunError, type RunTableResult } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { NullChecks, ReplicationPlan, ReplicationTablePlan } from "../ir/replication-plan.js";
import type { RunEvents } from "../events/run-events.js";
import type { Logger } from "../log.js";
import type { Dialect } from "../sql/dialect.js";
import { tableKey, type StateStore } from "../state/state-store.js";
import { mapConcurrent } from "./map-concurrent.js";
import type { Progress } from "./pipeline-context.js";
import { assertContract, nullViolations, violationsOf } from "../schema-change/check-contract.js";
import { writeDroppedColumns, writeSourceColumns } from "../schema-change/dropped-columns.js";
import { copiedRowsQuery, nullRowsQuery, tableStatements } from "./replication-sql.js";
import { runSetupStep, setupKey } from "../governance/setup-steps.js";
import { toRunError } from "./run-error.js";

export interface RunReplicationOptions {
  readonly plan: ReplicationPlan;
  readonly target: AdapterClient;
  readonly dialect: Dialect;
  readonly state: StateStore;
  readonly runId: string;
  readonly concurrency: number;
  readonly logger: Logger;
  readonly progress: Progress;
  readonly events?: RunEvents | undefined;
  /** Catalogs and schemas (catalog.schema) already set up and failed (governance/govern-targets.ts): their tables fail. */
  readonly setupFailures?: ReadonlyMap<string, RunError>;
}

/** Copies one table; the watermark is read back from the target only after the copy has committed. */
async function copyTable(table: ReplicationTablePlan, o: RunReplicationOptions): Promise<{ rows: number | null; watermark: string | null }> {
  if (table.nullChecks) await assertNoNulls(table, table.nullChecks, o);
  if (table.schemaChanges) await writeDroppedColumns(o.state, table.target, table.schemaChanges.missing);
  let copied: number | null | undefined;
  for (const statement of tableStatements(table, { dialect: o.dialect, pipeline: o.plan.pipeline, runId: o.runId })) {
    copied = (await o.target.request(Methods.executeStatement, { sql: statement.sql, params: [...statement.params] })).rows_affected;
  }
  const check = copiedRowsQuery(table, o.dialect);
  // One aggregate row: execute_query is one round trip where query/open + query/fetch are two.
  const { rows } = await o.target.request(Methods.executeQuery, { sql: check.sql, params: [...check.params] });
  const [count, max] = rows[0] ?? [];
  const counted = count === null || count === undefined ? null : Number(count);
  return { rows: table.strategy.kind === "incremental" && typeof copied === "number" ? copied : counted, watermark: max === null || max === undefined ? null : String(max) };
}

/** A contract's nullable = false, on the rows about to be copied: any NULL fails the table before it is written. */
async function assertNoNulls(table: ReplicationTablePlan, checks: NullChecks, o: RunReplicationOptions): Promise<void> {
  const probe = nullRowsQuery(table, checks.columns, o.dialect);
  const { rows } = await o.target.request(Methods.executeQuery, { sql: probe.sql, params: [...probe.params] });
  assertContract(tableKey(table.target), nullViolations(checks, rows[0] ?? []));
}

/** Runs a replication plan: setup steps in order, then tables concurrently; a failed table is reported, the others go on. */
export async function runReplication(o: RunReplicationOptions): Promise<RunTableResult[]> {
  const setupFailures = new Map<string, RunError>(o.setupFailures);
  for (const step of o.plan.setup) {
    const key = setupKey(step);
    if (setupFailures.has(step.catalog)) continue;
    try {
      await runSetupStep(step, o.target, o.dialect);
    } catch (err) {
      o.logger.debug({ err, step }, "setup step failed");
      setupFailures.set(key, toRunError(err));
    }
  }

  const total = o.plan.tables.length + o.plan.unplanned.length;
  let done = 0;
  const finished = (result: RunTableResult): RunTableResult => {
    done++;
    o.events?.emit({
      type: "table_finished", pipeline: o.plan.pipeline, source: result.source, target: result.target, strategy: result.strategy, status: result.status,
      rows: result.rows_copied, duration_ms: result.duration_ms, watermark: result.watermark_after, ...(result.error ? { error: result.error } : {}),
    });
    o.progress.update(`${result.target} ${result.status === "succeeded" ? `${result.rows_copied ?? "?"} rows` : "FAILED"}`, done, total);
    return result;
  };

  const unplanned = o.plan.unplanned.map((u) =>
    finished({
      source: tableKey(u.source), target: tableKey(u.target), strategy: "none", reason: "could not be planned", status: "failed",
      rows_copied: null, duration_ms: 0, watermark_before: null, watermark_after: null, notes: [], error: toRunError(u.error),
      ...(u.drift ? { drift: [...u.drift] } : {}), ...violationsOf(u.error),
    }),
  );

  const copied = await mapConcurrent(o.plan.tables, o.concurrency, async (table): Promise<RunTableResult> => {
    const started = performance.now();
    const before = table.strategy.kind === "incremental" ? table.strategy.watermark : null;
    const base = {
      source: tableKey(table.source), target: tableKey(table.target), strategy: table.strategy.kind, reason: table.reason,
      watermark_before: before, notes: [...table.notes], ...(table.drift ? { drift: [...table.drift] } : {}),
    };
    const elapsed = () => Math.round(performance.now() - started);
    o.events?.emit({ type: "table_started", pipeline: o.plan.pipeline, source: base.source, target: base.target, strategy: base.strategy });
    const setupError = setupFailures.get(table.target.catalog) ?? setupFailures.get(`${table.target.catalog}.${table.target.schema}`);
    if (setupError) return finished({ ...base, status: "failed", rows_copied: null, duration_ms: 0, watermark_after: before, error: setupError });
    try {
      const copy = await copyTable(table, o);
      await writeSourceColumns(o.state, table.target, table.columns);
      const after = copy.watermark ?? before;
      if (table.timestampColumn !== null && after !== null) {
        await o.state.setWatermark(table.target, { column: table.timestampColumn, value: after, updated_at: new Date().toISOString(), run_id: o.runId });
      } else if (table.timestampColumn === null) {
        await o.state.deleteWatermark(table.target);
      }
      return finished({ ...base, status: "succeeded", rows_copied: copy.rows, duration_ms: elapsed(), watermark_after: after });
    } catch (err) {
      o.logger.debug({ err, target: base.target }, "table copy failed");
      return finished({ ...base, status: "failed", rows_copied: null, duration_ms: elapsed(), watermark_after: before, error: toRunError(err), ...violationsOf(err) });
    }
  });
  return [...unplanned, ...copied];
}
