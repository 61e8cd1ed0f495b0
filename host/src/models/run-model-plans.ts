import type { RunModelResult } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { Dag } from "../dag/build-dag.js";
import { runDag } from "../dag/run-dag.js";
import type { ModelPlan, SetupStep } from "../ir/index.js";
import type { RunEvents } from "../events/run-events.js";
import type { Logger } from "../log.js";
import type { Progress } from "../pipeline/pipeline-context.js";
import { runSetupStep, setupKey } from "../governance/setup-steps.js";
import { toRunError } from "../pipeline/run-error.js";
import type { Dialect } from "../sql/dialect.js";
import { tableKey } from "../state/state-store.js";
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
      const started = performance.now();
      o.events?.emit({ type: "model_started", ...(o.pipeline ? { pipeline: o.pipeline } : {}), model: plan.name, target: tableKey(plan.target), strategy: plan.strategy.kind });
      try {
        return await executeModelPlan({ plan, client: o.client, dialect: o.dialect, state: o.state, runId: o.runId, logger: o.logger, signal });
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
        return { ...base, status: "succeeded", rows_affected: outcome.value.rowsAffected, partitions: [...outcome.value.partitions], watermark_after: outcome.value.watermarkAfter };
      case "failed":
        o.logger.debug({ err: outcome.error, model: plan.name }, "model failed");
        return { ...base, status: "failed", rows_affected: null, partitions: [], watermark_after: null, error: toRunError(outcome.error) };
      default:
        return {
          ...base,
          status: "skipped",
          rows_affected: null,
          partitions: [],
          watermark_after: null,
          ...(outcome.reason === "upstream_failed"
            ? { skipped_because: `upstream model "${outcome.upstream}" failed`, failed_upstream: outcome.upstream }
            : { skipped_because: "run cancelled" }),
        };
    }
  }
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
