export type { MaterializationStrategy, FullRefresh, Incremental } from "./materialization-strategy.js";
export type { PipelinePlan } from "./plan.js";
export type { ReplicationPlan, ReplicationTablePlan, MetadataColumn, MetadataValue, ColumnToAdd, SetupStep, UnplannedTable } from "./replication-plan.js";
export type { ModelPlan, TransformationPlan } from "./transformation-plan.js";
export type { Statement } from "./statement.js";
export type { ModelStrategy, Merge, MaterializedView, DynamicTable, TimeInterval, PartitionBatch, TimeRange, Granularity } from "./model-strategy.js";
export type { StatementBatch } from "./statement-batch.js";
