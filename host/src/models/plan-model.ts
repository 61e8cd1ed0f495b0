import type { TableRef } from "@rocky/protocol";
import { RockyError } from "../errors.js";
import { assertStrategySupported, type StrategyTarget } from "./check-strategy-support.js";
import type { ModelPlan, ModelStrategy, PartitionBatch } from "../ir/index.js";
import { uniqueKeyOf, type ModelDefinition } from "./model-definition.js";
import { normalizeTargetLag } from "./sql/render-dynamic-table.js";

/** What the warehouse and the state store say about a model's target before this run. */
export interface ModelFacts {
  readonly targetExists: boolean;
  /** incremental: the stored (or recovered) watermark; absent when the target is empty. */
  readonly watermark?: string | undefined;
  /** merge: the target's columns, in order. */
  readonly columns?: readonly string[] | undefined;
  /** time_interval: the partitions this run builds, batched. */
  readonly batches?: readonly PartitionBatch[] | undefined;
}

export function targetRef(def: Pick<ModelDefinition, "target">): TableRef {
  return { catalog: def.target.catalog ?? "", schema: def.target.schema, table: def.target.table };
}

/** Resolves a model's configured strategy against the facts of this run; refuses what the target cannot express. */
export function planModel(def: ModelDefinition, facts: ModelFacts, target: StrategyTarget): ModelPlan {
  assertStrategySupported(def.name, def.strategy, target);
  const timestampColumn = def.strategy.type === "incremental" ? def.strategy.timestamp_column : null;
  const base = {
    name: def.name, target: targetRef(def), select: def.sql, sqlFile: def.sqlFile, dependsOn: def.dependsOn, configured: def.strategy.type, timestampColumn,
    ...(def.contract ? { contract: def.contract } : {}),
  };
  const plan = (strategy: ModelStrategy, reason: string): ModelPlan => ({ ...base, strategy, reason });
  const s = def.strategy;
  switch (s.type) {
    case "full_refresh":
      return plan({ kind: "full_refresh" }, "full_refresh model: rebuilt every run");
    case "materialized_view":
      return plan({ kind: "materialized_view" }, "materialized view: refreshed by the warehouse");
    case "dynamic_table": {
      if (normalizeTargetLag(s.target_lag) === undefined) {
        throw new RockyError("MODEL_INVALID", `Model "${def.name}" has invalid target_lag "${s.target_lag}"`, {
          hint: 'Write it as "<n> seconds|minutes|hours|days", e.g. "1 hour", or "DOWNSTREAM"',
          location: { file: def.configFile },
        });
      }
      return plan({ kind: "dynamic_table", targetLag: s.target_lag, warehouse: s.warehouse }, "dynamic table: refreshed by the warehouse");
    }
    case "incremental":
      if (!facts.targetExists) return plan({ kind: "full_refresh" }, "first run: target table missing");
      if (facts.watermark === undefined) return plan({ kind: "full_refresh" }, "no watermark: target table empty");
      return plan({ kind: "incremental", timestampColumn: s.timestamp_column, watermark: facts.watermark }, `rows with ${s.timestamp_column} after ${facts.watermark}`);
    case "merge": {
      if (!facts.targetExists) return plan({ kind: "full_refresh" }, "first run: target table missing");
      const columns = facts.columns ?? [];
      const find = (c: string) => columns.find((col) => col.toLowerCase() === c.toLowerCase());
      const keys = uniqueKeyOf(s);
      for (const c of [...keys, ...(s.update_columns ?? [])]) {
        if (find(c) === undefined) {
          throw new RockyError("PLAN_INVALID", `Model "${def.name}" merges on column "${c}", which its target table does not have`, {
            hint: `The target has columns ${columns.map((x) => `"${x}"`).join(", ")}; fix unique_key/update_columns in ${def.configFile}`,
          });
        }
      }
      const isKey = (c: string) => keys.some((k) => k.toLowerCase() === c.toLowerCase());
      const updateColumns = s.update_columns?.map((c) => find(c) as string) ?? columns.filter((c) => !isKey(c));
      return plan({ kind: "merge", uniqueKey: keys.map((k) => find(k) as string), updateColumns, columns }, `upsert on ${keys.join(", ")}`);
    }
    case "time_interval": {
      const batches = facts.batches ?? [];
      const keys = batches.flatMap((b) => b.keys);
      const reason = keys.length === 0 ? "no partitions to build" : `${keys.length} ${s.granularity} partition${keys.length === 1 ? "" : "s"}: ${summarize(keys)}`;
      return plan({ kind: "time_interval", timeColumn: s.time_column, granularity: s.granularity, createTable: !facts.targetExists, batches }, reason);
    }
  }
}

function summarize(keys: readonly string[]): string {
  return keys.length <= 3 ? keys.join(", ") : `${keys[0]} … ${keys.at(-1)}`;
}
