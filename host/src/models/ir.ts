import type { SqlParam, TableRef } from "@rocky/protocol";
import type { Granularity } from "./partitions.js";
import type { StrategyType } from "./model-definition.js";

// The plan IR of transformation models: what one run will do to each model, with every runtime fact
// (watermark, target columns, partitions) resolved. FullRefresh and Incremental have the replication IR's shape.

export interface FullRefresh {
  readonly kind: "full_refresh";
}

/** Appends rows whose `timestampColumn` is beyond `watermark`, a bound parameter. */
export interface Incremental {
  readonly kind: "incremental";
  readonly timestampColumn: string;
  readonly watermark: string;
}

/** Upserts on `uniqueKey`; `columns` are the target's, `updateColumns` those set on a match. */
export interface Merge {
  readonly kind: "merge";
  readonly uniqueKey: readonly string[];
  readonly updateColumns: readonly string[];
  readonly columns: readonly string[];
}

export interface MaterializedView {
  readonly kind: "materialized_view";
}

export interface DynamicTable {
  readonly kind: "dynamic_table";
  /** Already validated: "<n> <unit>" or "DOWNSTREAM". */
  readonly targetLag: string;
  readonly warehouse: string;
}

/** Half-open [start, end), as 'YYYY-MM-DD HH:MM:SS' UTC timestamps. */
export interface TimeRange {
  readonly start: string;
  readonly end: string;
}

/** Consecutive partitions built by one statement (batch_size of them at most). */
export interface PartitionBatch {
  readonly keys: readonly string[];
  readonly range: TimeRange;
}

export interface TimeInterval {
  readonly kind: "time_interval";
  readonly timeColumn: string;
  readonly granularity: Granularity;
  /** The target is missing: the first batch creates it. */
  readonly createTable: boolean;
  readonly batches: readonly PartitionBatch[];
}

export type ModelStrategy = FullRefresh | Incremental | Merge | MaterializedView | DynamicTable | TimeInterval;

/** One model as this run will build it. */
export interface ModelPlan {
  readonly name: string;
  readonly target: TableRef;
  readonly strategy: ModelStrategy;
  /** The SELECT as written; @start_date/@end_date are bound per batch when rendered. */
  readonly select: string;
  readonly dependsOn: readonly string[];
  /** The strategy in the model's .toml; differs from strategy.kind on a first run (full_refresh). */
  readonly configured: StrategyType;
  /** Why this strategy for this run: "first run: target missing", "rows after 2024-03-01 12:30:00", ... */
  readonly reason: string;
}

/** One SQL statement and the values bound to its `?` placeholders, in order. */
export interface Statement {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

/** Statements that succeed or fail together; `partitions` are recorded complete when they succeed. */
export interface StatementBatch {
  readonly statements: readonly Statement[];
  readonly partitions: readonly string[];
}
