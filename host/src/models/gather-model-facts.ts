import type { TableRef } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { TargetTables } from "../pipeline/target-tables.js";
import type { Dialect } from "../sql/dialect.js";
import type { ModelDefinition } from "./model-definition.js";
import { completedPartitions, type ModelState } from "./model-state.js";
import { targetRef, type ModelFacts } from "./plan-model.js";
import { batchPartitions, selectPartitions, type PartitionSelection } from "./select-partitions.js";

export interface GatherModelFactsOptions {
  readonly def: ModelDefinition;
  readonly client: AdapterClient;
  readonly dialect: Dialect;
  /** Undefined before the first run has created the state. */
  readonly state: ModelState | undefined;
  readonly selection: PartitionSelection;
  readonly now: Date;
  /** Answers whether the target exists from a bulk listing; without it, table_exists is asked. */
  readonly targets?: TargetTables | undefined;
}

/** Strategies whose plan depends on whether the target table exists. */
export function needsTarget(strategy: ModelDefinition["strategy"]["type"]): boolean {
  return strategy === "incremental" || strategy === "merge" || strategy === "time_interval";
}

/** Reads what planning a model needs, without changing anything: target existence, watermark, columns, partitions. */
export async function gatherModelFacts(o: GatherModelFactsOptions): Promise<ModelFacts> {
  const target = targetRef(o.def);
  const s = o.def.strategy;
  const targetExists = !needsTarget(s.type) ? false : o.targets ? await o.targets.exists(target) : await o.client.tableExists(target);
  switch (s.type) {
    case "incremental": {
      if (!targetExists) return { targetExists };
      const stored = o.state?.getWatermark(target);
      if (stored && stored.column === s.timestamp_column) return { targetExists, watermark: stored.value };
      // No stored watermark for this column (new state, changed column): the target's own maximum is the truth.
      return { targetExists, watermark: await maxValue(o.client, o.dialect, target, s.timestamp_column) };
    }
    case "merge":
      return targetExists ? { targetExists, columns: (await o.client.describeTable(target)).map((c) => c.name) } : { targetExists };
    case "time_interval": {
      const completed = completedPartitions(o.state, target);
      const keys = selectPartitions({ model: o.def.name, strategy: s, selection: o.selection, now: o.now, completed });
      return { targetExists, batches: batchPartitions(keys, s.granularity, s.batch_size ?? 1) };
    }
    default:
      return { targetExists };
  }
}

/** MAX(column) of a table as the adapter renders it (timestamps as 'YYYY-MM-DD HH:MM:SS'), or undefined when empty. */
export async function maxValue(client: AdapterClient, dialect: Dialect, table: TableRef, column: string): Promise<string | undefined> {
  const { rows } = await client.query(`SELECT MAX(${dialect.quote(column, "column name")}) FROM ${dialect.tableRef(table)}`);
  const value = rows[0]?.[0];
  return value === null || value === undefined ? undefined : String(value);
}
