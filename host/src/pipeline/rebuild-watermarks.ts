import { Methods, type ReplicationPipelineConfig } from "@rocky/protocol";
import { dialectFor } from "../sql/dialect.js";
import type { StateStore, WatermarkRecord } from "../state/state-store.js";
import { tableKey } from "../state/state-store.js";
import type { PipelineContext } from "./pipeline-context.js";
import { NO_WATERMARK_REASON } from "./plan-replication.js";
import { buildPlan } from "./replication-runner.js";
import { copiedRowsQuery } from "./replication-sql.js";

export interface RebuildWatermarksOptions extends Omit<PipelineContext<ReplicationPipelineConfig>, "state"> {
  /** An empty store: the plan sees no watermark, so every existing incremental target is a candidate. */
  readonly state: StateStore;
  readonly runId: string;
}

/**
 * `rocky state rebuild` for one replication pipeline: each target table that exists and has the timestamp column
 * gets the watermark the warehouse itself holds, max(timestamp_column), read through the target adapter.
 */
export async function rebuildWatermarks(o: RebuildWatermarksOptions): Promise<WatermarkRecord[]> {
  const { plan } = await buildPlan(o);
  const target = await o.adapters.get(plan.targetAdapter);
  const dialect = dialectFor(target.manifest.dialect);
  const recovered: WatermarkRecord[] = [];
  for (const table of plan.tables) {
    if (table.timestampColumn === null || table.reason !== NO_WATERMARK_REASON) continue;
    o.progress.update(`${o.name}: reading max(${table.timestampColumn}) of ${tableKey(table.target)}`, recovered.length, plan.tables.length);
    const query = copiedRowsQuery({ ...table, strategy: { kind: "full_refresh" } }, dialect);
    const { rows } = await target.request(Methods.executeQuery, { sql: query.sql, params: [...query.params] });
    const max = rows[0]?.[1];
    if (max === null || max === undefined) continue;
    const watermark = { column: table.timestampColumn, value: String(max), updated_at: new Date().toISOString(), run_id: o.runId };
    await o.state.setWatermark(table.target, watermark);
    recovered.push({ target: tableKey(table.target), ...watermark });
  }
  return recovered;
}
