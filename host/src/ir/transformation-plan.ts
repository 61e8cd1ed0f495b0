import type { Contract } from "../schema-change/contract.js";
import type { MaterializationStrategy as ConfiguredStrategy, TableRef } from "@rocky/protocol";
import type { ModelStrategy } from "./model-strategy.js";

/** One model as this run builds it: its SELECT and its strategy with every runtime fact (watermark, columns, partitions) resolved. */
export interface ModelPlan {
  readonly name: string;
  readonly target: TableRef;
  readonly strategy: ModelStrategy;
  /** The SELECT as written; @start_date/@end_date are bound per batch when rendered. */
  readonly select: string;
  /** The model's .sql, relative to the project: warehouse errors are located in it. */
  readonly sqlFile?: string | undefined;
  readonly dependsOn: readonly string[];
  /** The strategy in the model's .toml; differs from strategy.kind on a first run (full_refresh). */
  readonly configured: ConfiguredStrategy["type"];
  /** Why this strategy for this run: "first run: target table missing", "rows with ts after ...". */
  readonly reason: string;
  /** incremental models: the column whose maximum is stored as the watermark after the run, whatever this run's strategy. */
  readonly timestampColumn: string | null;
  /** Checked on the model's output before anything is written. */
  readonly contract?: Contract | undefined;
}

export interface TransformationPlan {
  readonly kind: "transformation";
  readonly pipeline: string;
  readonly targetAdapter: string;
  readonly models: readonly ModelPlan[];
}
