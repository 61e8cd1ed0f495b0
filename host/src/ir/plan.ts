import type { ReplicationPlan } from "./replication-plan.js";
import type { TransformationPlan } from "./transformation-plan.js";

/** Any pipeline's plan; `kind` matches the pipeline type in rocky.toml. */
export type PipelinePlan = ReplicationPlan | TransformationPlan;
