import type { MaterializationStrategy, SqlParam } from "@rocky/protocol";
import type { TableName } from "../sql/dialect.js";

export type { MaterializationStrategy } from "@rocky/protocol";
export type StrategyType = MaterializationStrategy["type"];

/** One model, loaded and resolved: everything SQL generation needs, nothing about the run. */
export interface ModelPlan {
  readonly name: string;
  /** Paths relative to the project root, for messages. */
  readonly sqlFile: string;
  readonly configFile: string;
  /** The SELECT as written, trailing semicolons removed; @start_date/@end_date still in place. */
  readonly sql: string;
  readonly target: TableName;
  readonly strategy: MaterializationStrategy;
  /** Upstream models, from the SQL's table references and from depends_on. */
  readonly dependsOn: readonly string[];
  /** Tables the SQL reads that no model builds, as written. */
  readonly sources: readonly string[];
  readonly tags: readonly string[];
}

/** One statement to execute, with its positional `?` parameters. */
export interface Statement {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

/** Half-open time range [start, end) of one partition or batch, as 'YYYY-MM-DD HH:MM:SS' UTC timestamps. */
export interface TimeRange {
  readonly start: string;
  readonly end: string;
}

/** What the run knows when it renders a model: facts from the warehouse and the state store. */
export interface RenderContext {
  readonly targetExists: boolean;
  /** incremental: the stored watermark; absent means copy every row. */
  readonly watermark?: string | undefined;
  /** merge: the target's columns, in order. */
  readonly columns?: readonly string[] | undefined;
  /** time_interval: the bounds of the batch being built. */
  readonly range?: TimeRange | undefined;
}

export function uniqueKeyOf(strategy: { readonly unique_key: string | readonly string[] }): readonly string[] {
  return typeof strategy.unique_key === "string" ? [strategy.unique_key] : strategy.unique_key;
}
