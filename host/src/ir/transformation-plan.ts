import type { TableRef } from "@rocky/protocol";
import type { MaterializationStrategy } from "./materialization-strategy.js";

/** One model: its compiled SELECT and how it is materialized. The transformation pipeline fills this in. */
export interface ModelPlan {
  readonly name: string;
  readonly target: TableRef;
  readonly strategy: MaterializationStrategy;
  readonly select: string;
  readonly dependsOn: readonly string[];
}

export interface TransformationPlan {
  readonly kind: "transformation";
  readonly pipeline: string;
  readonly targetAdapter: string;
  readonly models: readonly ModelPlan[];
}
