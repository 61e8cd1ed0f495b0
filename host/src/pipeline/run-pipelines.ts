import type { PipelineConfig, RunError, RunOutput, RunPipelineResult } from "@rocky/protocol";
import type { LoadedConfig } from "../config/load-config.js";
import type { CacheFlags } from "../cache/cache-settings.js";
import { RockyError } from "../errors.js";
import { SILENT_EVENTS, type RunEvents } from "../events/run-events.js";
import type { Logger } from "../log.js";
import type { ModelRunOptions } from "../models/transformation-runner.js";
import { createCallRecorder, runMetrics } from "../metrics/run-metrics.js";
import { openStateStore, type StateStore } from "../state/state-store.js";
import { createAdapterPool, type AdapterPool } from "./adapter-pool.js";
import { SILENT_PROGRESS, type Progress } from "./pipeline-context.js";
import { runnerFor } from "./registry.js";
import { newRunId } from "./run-id.js";
import { toRunError } from "./run-error.js";
import { selectPipelines } from "./select-pipelines.js";

export interface RunPipelinesOptions {
  readonly config: LoadedConfig;
  /** Only this pipeline; all of them when undefined. */
  readonly pipeline?: string | undefined;
  readonly logger: Logger;
  readonly progress?: Progress;
  readonly runId?: string;
  /** --select / --partition choices for transformation pipelines. */
  readonly models?: ModelRunOptions | undefined;
  /** --no-cache / --cache-ttl */
  readonly cache?: CacheFlags;
  /** --full-refresh: replication ignores stored watermarks (and may start from a missing state). */
  readonly fullRefresh?: boolean | undefined;
  /** Where lifecycle events go (--events, Valkey, Dagster Pipes); the caller closes it. */
  readonly events?: RunEvents | undefined;
}

/** Tables and models a pipeline did not write as asked, for the models of later pipelines that read them. */
function noteFailures(result: RunPipelineResult, failed: Map<string, string>): void {
  const where = `in pipeline "${result.pipeline}"`;
  for (const t of result.tables) if (t.status === "failed" && !failed.has(t.target)) failed.set(t.target, `failed ${where}${t.error ? ` (${t.error.code})` : ""}`);
  for (const m of result.models ?? []) {
    if (m.status === "failed" && !failed.has(m.target)) failed.set(m.target, `failed ${where}${m.error ? ` (${m.error.code})` : ""}`);
    else if (m.status === "skipped" && !failed.has(m.target)) failed.set(m.target, `was skipped ${where}`);
  }
}

/**
 * Why a pipeline must not run: one in its depends_on failed as a whole or was skipped earlier in this run (building on
 * its partial output could record work as done that the next run would not redo). A dependency outside this run (--pipeline) is
 * taken as the user's choice.
 */
function upstreamFailure(name: string, config: PipelineConfig, done: readonly RunPipelineResult[]): RunError | undefined {
  for (const dep of config.depends_on ?? []) {
    const result = done.find((p) => p.pipeline === dep);
    // Failed tables and models are known one by one (models reading them are skipped); a pipeline that failed as a whole
    // or was skipped left nothing that can be trusted.
    if (result && (result.status === "skipped" || (result.status === "failed" && result.error !== undefined))) {
      return {
        code: "UPSTREAM_FAILED",
        message: `not run: pipeline "${dep}" in its depends_on ${result.status}`,
        hint: `Fix "${dep}" (see its errors above), then run again; or run this pipeline alone with --pipeline ${name}`,
      };
    }
  }
  return undefined;
}

interface PipelineRunContext extends RunPipelinesOptions {
  readonly adapters: AdapterPool;
  readonly state: StateStore;
  readonly progress: Progress;
  readonly runId: string;
  readonly events: RunEvents;
  readonly failedTables: Map<string, string>;
}

/** One pipeline; its failure is in the result, except a lost state, which stops the run before anything is written. */
async function runPipeline(name: string, config: PipelineConfig, c: PipelineRunContext): Promise<RunPipelineResult> {
  const started = performance.now();
  try {
    const runner = runnerFor(name, config);
    return await runner.run({ name, config, project: c.config, adapters: c.adapters, state: c.state, logger: c.logger, progress: c.progress, runId: c.runId, models: c.models, events: c.events, fullRefresh: c.fullRefresh, failedTables: c.failedTables });
  } catch (err) {
    // The run is not recorded then: the next one stops too.
    if (err instanceof RockyError && err.code === "STATE_MISSING") throw err;
    c.logger.debug({ err, pipeline: name }, "pipeline failed");
    return { pipeline: name, type: config.type, status: "failed", duration_ms: Math.round(performance.now() - started), tables: [], skipped: [], error: toRunError(err) };
  }
}

/**
 * `rocky run`: takes the run lock, runs each pipeline in rocky.toml order, records the run in one
 * transaction at the end. Failures of tables or pipelines are in the result, not thrown.
 */
export async function runPipelines(o: RunPipelinesOptions): Promise<RunOutput> {
  const selected = selectPipelines(o.config, o.pipeline);
  const runId = o.runId ?? newRunId();
  const progress = o.progress ?? SILENT_PROGRESS;
  const events = o.events ?? SILENT_EVENTS;
  const state = openStateStore(o.config.statePath);
  let record: RunOutput | undefined;
  try {
    const lock = state.acquireRunLock({ runId, command: "run" });
    const calls = createCallRecorder();
    const adapters = createAdapterPool(o.config, o.logger, { measure: calls, cache: o.cache });
    const startedAt = new Date();
    const started = performance.now();
    const pipelines: RunPipelineResult[] = [];
    const failedTables = new Map<string, string>();
    events.emit({ type: "run_started" });
    try {
      for (const [name, config] of selected) {
        events.emit({ type: "pipeline_started", pipeline: name, pipeline_type: config.type });
        const blocked = upstreamFailure(name, config, pipelines);
        pipelines.push(
          blocked
            ? { pipeline: name, type: config.type, status: "skipped", duration_ms: 0, tables: [], skipped: [], error: blocked }
            : await runPipeline(name, config, { ...o, adapters, state, progress, runId, events, failedTables }),
        );
        const done = pipelines[pipelines.length - 1] as RunPipelineResult;
        noteFailures(done, failedTables);
        events.emit({
          type: "pipeline_finished", pipeline: name, pipeline_type: config.type, status: done.status, duration_ms: done.duration_ms,
          ...(done.error ? { error: done.error } : {}),
        });
      }
      record = {
        run_id: runId,
        command: "run",
        status: pipelines.every((p) => p.status === "succeeded") ? "succeeded" : "failed",
        started_at: startedAt.toISOString(),
        finished_at: new Date().toISOString(),
        duration_ms: Math.round(performance.now() - started),
        pipelines,
        metrics: runMetrics({ pipelines }, calls.stats()),
      };
      const cache = adapters.cacheStats();
      if (cache) record.cache = cache;
      await state.recordRun(record);
      events.emit({ type: "run_finished", status: record.status, duration_ms: record.duration_ms });
      return record;
    } finally {
      await adapters.closeAll();
      lock.release();
    }
  } finally {
    await state.close({ saveLastGood: record?.status === "succeeded" });
  }
}
