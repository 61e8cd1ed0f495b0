import type { ReplicationPipelineConfig, RunTableResult } from "@rocky/protocol";
import type { ReplicationPlan } from "../ir/replication-plan.js";
import type { RunContext } from "../pipeline/pipeline-context.js";
import { DEFAULT_TIMESTAMP_COLUMN } from "../pipeline/plan-replication.js";
import { dialectFor } from "../sql/dialect.js";
import { tableKey } from "../state/state-store.js";
import { checksError, emitChecks } from "./check-events.js";
import { recordRowCounts, type RowCountHistory } from "./row-count-history.js";
import { runTableChecks, type TableToCheck } from "./table-checks.js";

export const ROW_COUNT_NAMESPACE = "row-counts";

/**
 * After the copies: the pipeline's checks on every table copied, batched. A table whose error-severity check failed is
 * failed (unless fail_on_error = false) and listed in ctx.failedTables, so models reading it are skipped.
 */
export async function checkReplicatedTables(ctx: RunContext<ReplicationPipelineConfig>, plan: ReplicationPlan, tables: readonly RunTableResult[]): Promise<RunTableResult[]> {
  const config = ctx.config.checks;
  if (!config || config.enabled === false) return [...tables];
  const planned = new Map(plan.tables.map((t) => [tableKey(t.target), t]));
  const toCheck: TableToCheck[] = tables.flatMap((r) => {
    const p = planned.get(r.target);
    return r.status === "succeeded" && p ? [{ source: p.source, target: p.target, columns: [...p.columns, ...p.metadata.map((m) => m.name)] }] : [];
  });
  ctx.progress.update(`${ctx.name}: checking ${toCheck.length} tables`);
  const target = await ctx.adapters.get(ctx.config.target.adapter);
  const history = ctx.state.namespace(ROW_COUNT_NAMESPACE) as RowCountHistory;
  const { checks, counts } = await runTableChecks({
    config,
    timestampColumn: ctx.config.timestamp_column ?? DEFAULT_TIMESTAMP_COLUMN,
    tables: toCheck,
    target,
    dialect: dialectFor(target.manifest.dialect),
    history,
    concurrency: ctx.config.concurrency ?? 4,
  });
  await recordRowCounts(history, counts, ctx.runId);
  return tables.map((r) => {
    const results = checks.get(r.target);
    if (!results || results.length === 0) return r;
    emitChecks(ctx.events, ctx.name, results);
    const error = config.fail_on_error === false ? undefined : checksError(r.target, results);
    if (!error) return { ...r, checks: results };
    ctx.failedTables?.set(r.target, "failed its error-severity checks");
    return { ...r, status: "failed", checks: results, error };
  });
}
