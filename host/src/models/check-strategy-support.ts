import type { Capabilities } from "@rocky/protocol";
import { RockyError } from "../errors.js";
import type { Dialect } from "../sql/dialect.js";
import type { ConfiguredStrategy } from "./model-definition.js";
import { replacesPartitionInTransaction } from "./sql/render-time-interval.js";

export interface StrategyTarget {
  readonly dialect: Dialect;
  /** The target adapter, when known: its manifest capabilities also gate strategies. */
  readonly adapter?: { readonly name: string; readonly capabilities: Capabilities } | undefined;
}

/** Why `strategy` cannot run on the target, or undefined when it can. */
export function strategySupportProblem(model: string, strategy: ConfiguredStrategy, target: StrategyTarget): RockyError | undefined {
  const { dialect, adapter } = target;
  const refuse = (hint: string) =>
    new RockyError("PLAN_INVALID", `Model "${model}" uses strategy "${strategy.type}", which dialect "${dialect.name}" cannot express`, { hint });
  switch (strategy.type) {
    case "materialized_view":
      return dialect.features.materializedView ? undefined : refuse("materialized_view is Databricks only; use full_refresh on this target");
    case "dynamic_table":
      return dialect.features.dynamicTable ? undefined : refuse("dynamic_table is Snowflake only; use full_refresh or incremental on this target");
    case "merge":
      if (!dialect.features.merge) return refuse("Use incremental or full_refresh, or an adapter whose dialect supports MERGE");
      if (adapter && !adapter.capabilities.merge) {
        return new RockyError(
          "PLAN_INVALID",
          `Model "${model}" uses strategy "merge", but adapter "${adapter.name}" does not declare the "merge" capability`,
          { hint: "Use incremental or full_refresh, or an adapter whose manifest declares capabilities.merge = true" },
        );
      }
      return undefined;
    case "time_interval":
      // A DELETE that commits without its INSERT loses the partition: refuse rather than run them as separate requests.
      if (adapter && replacesPartitionInTransaction(dialect) && adapter.capabilities.transactions !== true) {
        return new RockyError(
          "PLAN_INVALID",
          `Model "${model}" uses strategy "time_interval", which on dialect "${dialect.name}" replaces a partition with a DELETE and an INSERT ` +
            `that must run in one transaction, but adapter "${adapter.name}" does not declare the "transactions" capability`,
          { hint: "Use an adapter whose manifest declares capabilities.transactions = true (execute_batch), or strategy incremental or full_refresh" },
        );
      }
      return undefined;
    default:
      return undefined;
  }
}

export function assertStrategySupported(model: string, strategy: ConfiguredStrategy, target: StrategyTarget): void {
  const problem = strategySupportProblem(model, strategy, target);
  if (problem) throw problem;
}
