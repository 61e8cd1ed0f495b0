import type { MaterializationStrategy } from "./materialization-strategy.js";

export type Granularity = "hour" | "day" | "month" | "year";

/** Upserts on `uniqueKey`; `columns` are the target's, `updateColumns` those set when a key matches. */
export interface Merge {
  readonly kind: "merge";
  readonly uniqueKey: readonly string[];
  readonly updateColumns: readonly string[];
  readonly columns: readonly string[];
}

/** Databricks only. */
export interface MaterializedView {
  readonly kind: "materialized_view";
}

/** Snowflake only. */
export interface DynamicTable {
  readonly kind: "dynamic_table";
  /** "<n> <unit>" or "DOWNSTREAM", validated before it reaches SQL. */
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

/** Partitions by `timeColumn`; each batch's range is replaced, never duplicated. */
export interface TimeInterval {
  readonly kind: "time_interval";
  readonly timeColumn: string;
  readonly granularity: Granularity;
  /** The target is missing: the first batch creates it. */
  readonly createTable: boolean;
  readonly batches: readonly PartitionBatch[];
}

/** Every way a transformation model is built: replication's strategies plus the model-only kinds. */
export type ModelStrategy = MaterializationStrategy | Merge | MaterializedView | DynamicTable | TimeInterval;
