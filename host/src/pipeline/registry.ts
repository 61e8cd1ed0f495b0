import type { DiscoveredPipeline, PipelineConfig, PlannedPipeline, RunPipelineResult } from "@rocky/protocol";
import { RockyError } from "../errors.js";
import type { PipelineContext, RunContext } from "./pipeline-context.js";
import { replicationRunner } from "./replication-runner.js";
import { transformationRunner } from "../models/transformation-runner.js";

/** What `rocky discover`, `plan` and `run` do for one pipeline type. */
export interface PipelineRunner<C extends PipelineConfig = PipelineConfig> {
  /** Optional: pipelines without sources to discover leave it out and are not listed by `rocky discover`. */
  discover?(ctx: PipelineContext<C>): Promise<DiscoveredPipeline>;
  /** Every statement `run` would execute, without changing anything. */
  plan(ctx: PipelineContext<C>): Promise<PlannedPipeline>;
  /** Runs the pipeline; a failed table or model is reported in the result, not thrown. */
  run(ctx: RunContext<C>): Promise<RunPipelineResult>;
}

type Runners = { readonly [T in PipelineConfig["type"]]?: PipelineRunner<Extract<PipelineConfig, { type: T }>> };

/** One entry per pipeline type in rocky.toml. */
export const PIPELINE_RUNNERS: Runners = {
  replication: replicationRunner,
  transformation: transformationRunner,
};

export function runnerFor(name: string, config: PipelineConfig): PipelineRunner {
  const runner = PIPELINE_RUNNERS[config.type] as PipelineRunner | undefined;
  if (!runner) {
    throw new RockyError("PLAN_INVALID", `Pipeline "${name}" has type "${config.type}", which this version of rocky cannot run yet`, {
      hint: `Supported pipeline types: ${Object.keys(PIPELINE_RUNNERS).join(", ")}`,
    });
  }
  return runner;
}
