import type { GovernanceAction, RunModelResult, TableRef, TransformationPipelineConfig } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import { RockyError, type RockyErrorCode } from "../errors.js";
import type { PlannedModels } from "../models/plan-models.js";
import type { PipelineContext } from "../pipeline/pipeline-context.js";
import type { Dialect } from "../sql/dialect.js";
import { tableKey } from "../state/state-store.js";
import { governsAccess, type GovernanceSpec } from "./governance-spec.js";
import { applyTargetGovernance, planTargetGovernance, tagWrittenTables, type TargetGovernanceOptions } from "./pipeline-governance.js";

interface PreparedModels {
  readonly client: AdapterClient;
  readonly dialect: Dialect;
  readonly planned: PlannedModels;
  readonly governance: GovernanceSpec;
}

/** Models that build a table can be tagged; (materialized) views and dynamic tables are other securables. */
const TAGGABLE = new Set(["full_refresh", "incremental", "merge", "time_interval"]);

function options(ctx: PipelineContext<TransformationPipelineConfig>, p: PreparedModels, tables: readonly TableRef[]): TargetGovernanceOptions {
  return {
    spec: p.governance, client: p.client, dialect: p.dialect, setup: p.planned.setup, tables, state: ctx.state, logger: ctx.logger,
    fullRefresh: ctx.fullRefresh, concurrency: ctx.config.concurrency ?? 4,
  };
}

const taggable = (p: PreparedModels) => p.planned.plans.filter((m) => TAGGABLE.has(m.strategy.kind)).map((m) => m.target);

/** `rocky plan` of a transformation pipeline: the governance diff of its model catalogs, schemas and tables. */
export function modelGovernance(ctx: PipelineContext<TransformationPipelineConfig>, p: PreparedModels): Promise<GovernanceAction[] | undefined> {
  return planTargetGovernance({ ...options(ctx, p, taggable(p)), setup: p.planned.setup });
}

/** `rocky run`: govern the model schemas, build the models (withheld where governance failed), tag the tables built. */
export async function runModelGovernance(
  ctx: PipelineContext<TransformationPipelineConfig>,
  p: PreparedModels,
  build: (setupFailures: ReadonlyMap<string, unknown>) => Promise<RunModelResult[]>,
): Promise<{ models: RunModelResult[]; governance: GovernanceAction[] | undefined }> {
  const all = p.planned.plans.map((m) => m.target);
  const governed = await applyTargetGovernance(options(ctx, p, all));
  const failures = new Map([...governed.failures].map(([key, e]) => [key, new RockyError(e.code as RockyErrorCode, e.message, e.hint ? { hint: e.hint } : {})]));
  const models = await build(failures);
  const built = new Set(models.filter((m) => m.status === "succeeded").map((m) => m.target));
  const tagged = await tagWrittenTables(options(ctx, p, taggable(p).filter((t) => built.has(tableKey(t)))));
  const governance = [...governed.actions, ...tagged];
  return { models, governance: governance.length > 0 || governsAccess(p.governance) ? governance : undefined };
}
