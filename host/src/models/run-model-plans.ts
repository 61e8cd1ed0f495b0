import type { RunModelResult } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { Dag } from "../dag/build-dag.js";
import { runDag } from "../dag/run-dag.js";
import type { ModelPlan, SetupStep, Statement } from "../ir/index.js";
import { violationsOf } from "../schema-change/check-contract.js";
import { enforceModelContract } from "../schema-change/model-contract.js";
import { bindMacros } from "./sql/render-time-interval.js";
import type { RunEvents } from "../events/run-events.js";
import type { Logger } from "../log.js";
import type { Progress } from "../pipeline/pipeline-context.js";
import { runSetupStep, setupKey } from "../governance/setup-steps.js";
import { toRunError } from "../pipeline/run-error.js";
import type { Dialect } from "../sql/dialect.js";
import { tableKey } from "../state/state-store.js";
import { SkipModel } from "../checks/skip-model.js";
import { executeModelPlan, type ModelExecution } from "./execute-model-plan.js";
import type { ModelState } from "./model-state.js";
import type { PlannedModels } from "./plan-models.js";

export interface RunModelPlansOptions {
  readonly planned: PlannedModels;
  readonly dag: Dag;
  readonly client: AdapterClient;
  readonly dialect: Dialect;
  readonly state: ModelState;
  readonly runId: string;
  readonly concurrency: number;
  readonly logger: Logger;
  readonly progress?: Progress | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly events?: RunEvents | undefined;
  /** The pipeline, for events. */
  readonly pipeline?: string | undefined;
  /** Catalogs and schemas (catalog.schema) already set up and failed (governance/govern-targets.ts): their models fail. */
  readonly setupFailures?: ReadonlyMap<string, unknown>;
  /** Around each build: `before` may throw SkipModel; `after` (the model's [[tests]]) throws to fail it and skip its downstream. */
  readonly hooks?: ModelHooks | undefined;
}

export interface ModelHooks {
  before?(plan: ModelPlan): void;
  after?(plan: ModelPlan): Promise<void>;
}

/** Setup steps, then the models upstream-first, independent ones concurrently; failures skip only their downstream. */
export async function runModelPlans(o: RunModelPlansOptions): Promise<RunModelResult[]> {
  const setupError = await runSetup(o.planned.setup, o);
  const plans = new Map(o.planned.plans.map((p) => [p.name, p]));
  const total = plans.size;
  let done = 0;
  const timings = new Map<string, number>();
  const results = new Map<string, RunModelResult>();
  const outcomes = await runDag<ModelExecution>({
    dag: o.dag,
    nodes: [...plans.keys()],
    concurrency: o.concurrency,
    ...(o.signal ? { signal: o.signal } : {}),
    execute: async (name, signal) => {
      const plan = plans.get(name) as ModelPlan;
      const error = setupError(plan);
      if (error !== undefined) throw error;
      o.hooks?.before?.(plan);
      const started = performance.now();
      o.events?.emit({ type: "model_started", ...(o.pipeline ? { pipeline: o.pipeline } : {}), model: plan.name, target: tableKey(plan.target), strategy: plan.strategy.kind });
      try {
        const select = plan.contract ? contractSelect(plan, o.dialect) : undefined;
        if (plan.contract && select) await enforceModelContract({ client: o.client, dialect: o.dialect, contract: plan.contract, target: plan.target, select });
        const built = await executeModelPlan({ plan, client: o.client, dialect: o.dialect, state: o.state, runId: o.runId, logger: o.logger, signal });
        await o.hooks?.after?.(plan);
        return built;
      } finally {
        timings.set(name, Math.round(performance.now() - started));
      }
    },
    onOutcome: (outcome) => {
      done++;
      const result = toResult(outcome);
      results.set(outcome.name, result);
      o.events?.emit({
        type: "model_finished", ...(o.pipeline ? { pipeline: o.pipeline } : {}), model: result.name, target: result.target, strategy: result.strategy, status: result.status,
        rows: result.rows_affected, duration_ms: result.duration_ms, watermark: result.watermark_after,
        ...(result.error ? { error: result.error } : {}), ...(result.skipped_because ? { message: result.skipped_because } : {}),
      });
      o.progress?.update(`${outcome.name} ${outcome.status}`, done, total);
    },
  });
  return outcomes.map((outcome) => results.get(outcome.name) ?? toResult(outcome));

  function toResult(outcome: (typeof outcomes)[number]): RunModelResult {
    const plan = plans.get(outcome.name) as ModelPlan;
    const base = {
      name: plan.name,
      target: tableKey(plan.target),
      strategy: plan.strategy.kind,
      configured_strategy: plan.configured,
      reason: plan.reason,
      duration_ms: timings.get(plan.name) ?? 0,
    };
    switch (outcome.status) {
      case "succeeded":
        // The contract held on what was written: say so where people look (`rocky run`'s table).
        return { ...base, ...(plan.contract ? { reason: `${plan.reason}; contract kept (${plan.contract.file})` } : {}), status: "succeeded", rows_affected: outcome.value.rowsAffected, partitions: [...outcome.value.partitions], watermark_after: outcome.value.watermarkAfter };
      case "failed":
        if (outcome.error instanceof SkipModel) {
          return { ...base, status: "skipped", rows_affected: null, partitions: [], watermark_after: null, skipped_because: outcome.error.message, failed_upstream: outcome.error.upstream };
        }
        o.logger.debug({ err: outcome.error, model: plan.name }, "model failed");
        return { ...base, status: "failed", rows_affected: null, partitions: [], watermark_after: null, error: toRunError(outcome.error), ...violationsOf(outcome.error) };
      default:
        return {
          ...base,
          status: "skipped",
          rows_affected: null,
          partitions: [],
          watermark_after: null,
          ...(outcome.reason === "upstream_failed"
            ? { skipped_because: `upstream model "${outcome.upstream}" ${results.get(outcome.upstream)?.status === "skipped" ? "was skipped" : "failed"}`, failed_upstream: outcome.upstream }
            : { skipped_because: "run cancelled" }),
        };
    }
  }
}

/** The SELECT a contract is checked on: time_interval's bound to the whole range this run builds; none when it builds nothing. */
function contractSelect(plan: ModelPlan, dialect: Dialect): Statement | undefined {
  if (plan.strategy.kind !== "time_interval") return { sql: plan.select, params: [] };
  const { batches } = plan.strategy;
  const first = batches[0];
  const last = batches.at(-1);
  return first && last ? bindMacros(plan.select, dialect, { start: first.range.start, end: last.range.end }) : undefined;
}

/** Runs the setup steps; returns, per model, the error of a failed step its target depends on. */
async function runSetup(steps: readonly SetupStep[], o: RunModelPlansOptions): Promise<(plan: ModelPlan) => unknown> {
  const failures = new Map<string, unknown>(o.setupFailures);
  for (const step of steps) {
    if (failures.has(step.catalog)) continue;
    const key = setupKey(step);
    try {
      await runSetupStep(step, o.client, o.dialect);
    } catch (err) {
      o.logger.debug({ err, step }, "model setup step failed");
      failures.set(key, err);
    }
  }
  return (plan) => failures.get(plan.target.catalog) ?? failures.get(`${plan.target.catalog}.${plan.target.schema}`);
}
