import { Methods, type ExecuteStatementResult } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { ModelPlan } from "../ir/index.js";
import type { Logger } from "../log.js";
import type { Dialect } from "../sql/dialect.js";
import { maxValue } from "./gather-model-facts.js";
import { locateWarehouseError } from "./locate-warehouse-error.js";
import { recordPartitions, type ModelState } from "./model-state.js";
import { renderModelPlan } from "./sql/render-model-plan.js";

export interface ExecuteModelPlanOptions {
  readonly plan: ModelPlan;
  readonly client: AdapterClient;
  readonly dialect: Dialect;
  readonly state: ModelState;
  readonly runId: string;
  readonly logger: Logger;
  readonly signal?: AbortSignal | undefined;
}

export interface ModelExecution {
  /** Summed over statements; null when the adapter reports no counts. */
  readonly rowsAffected: number | null;
  readonly partitions: readonly string[];
  readonly watermarkAfter: string | null;
}

/**
 * Runs a planned model batch by batch. Each time-interval batch's partitions are recorded complete as soon as it succeeds,
 * so a failure later leaves the earlier batches recorded; an incremental model's watermark is stored after its insert.
 */
export async function executeModelPlan(o: ExecuteModelPlanOptions): Promise<ModelExecution> {
  const { plan, client } = o;
  const results: ExecuteStatementResult[] = [];
  const done: string[] = [];
  const signal = o.signal ? { signal: o.signal } : {};
  for (const batch of renderModelPlan(plan, o.dialect)) {
    if (batch.transaction) {
      o.signal?.throwIfAborted();
      o.logger.debug({ model: plan.name, statements: batch.statements }, "executing model statements in one transaction");
      const executed = await client.executeBatch(batch.statements, { transaction: true, ...signal }).catch((err: unknown) => {
        throw locateWarehouseError(err, plan, batch.statements);
      });
      results.push(...executed.results);
    } else {
      for (const statement of batch.statements) {
        o.signal?.throwIfAborted();
        o.logger.debug({ model: plan.name, sql: statement.sql, params: statement.params }, "executing model statement");
        const params = statement.params.length > 0 ? { params: [...statement.params] } : {};
        results.push(
          await client.request(Methods.executeStatement, { sql: statement.sql, ...params }, signal).catch((err: unknown) => {
            throw locateWarehouseError(err, plan, [statement]);
          }),
        );
      }
    }
    if (batch.partitions.length > 0) {
      await recordPartitions(o.state, plan.target, batch.partitions, o.runId);
      done.push(...batch.partitions);
    }
  }
  let watermarkAfter: string | null = null;
  const column = plan.timestampColumn;
  if (column !== null) {
    const value = await maxValue(client, o.dialect, plan.target, column);
    if (value !== undefined) {
      await o.state.setWatermark(plan.target, { column, value, updated_at: new Date().toISOString(), run_id: o.runId });
      watermarkAfter = value;
    }
  }
  let rowsAffected = sumRowsAffected(results);
  // CREATE TABLE ... AS reports no count on some warehouses (DuckDB): a table this run created holds exactly what it wrote.
  const created = plan.strategy.kind === "full_refresh" || (plan.strategy.kind === "time_interval" && plan.strategy.createTable);
  if (rowsAffected === null && created) rowsAffected = await countRows(client, o.dialect, plan.target);
  return { rowsAffected, partitions: done, watermarkAfter };
}

async function countRows(client: AdapterClient, dialect: Dialect, table: ModelPlan["target"]): Promise<number | null> {
  const { rows } = await client.query(`SELECT COUNT(*) FROM ${dialect.tableRef(table)}`);
  const count = Number(rows[0]?.[0]);
  return Number.isSafeInteger(count) ? count : null;
}

function sumRowsAffected(results: readonly ExecuteStatementResult[]): number | null {
  const counts = results.map((r) => r.rows_affected).filter((n): n is number => typeof n === "number");
  return counts.length === 0 ? null : counts.reduce((a, b) => a + b, 0);
}
