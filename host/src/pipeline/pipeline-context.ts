import type { PipelineConfig } from "@rocky/protocol";
import type { LoadedConfig } from "../config/load-config.js";
import type { Logger } from "../log.js";
import type { StateStore } from "../state/state-store.js";
import type { AdapterPool } from "./adapter-pool.js";
import type { ModelRunOptions } from "../models/transformation-runner.js";
import type { RunEvents } from "../events/run-events.js";

/** Progress for a human watching a terminal; a no-op everywhere else. */
export interface Progress {
  update(message: string, current?: number, total?: number): void;
}

export const SILENT_PROGRESS: Progress = { update: () => undefined };

/** What every pipeline runner gets: its own config section and the shared adapters, state and logger. */
export interface PipelineContext<C extends PipelineConfig = PipelineConfig> {
  readonly name: string;
  readonly config: C;
  readonly project: LoadedConfig;
  readonly adapters: AdapterPool;
  /** Undefined for read-only commands (discover, plan) before any run has created the state. */
  readonly state: StateStore | undefined;
  readonly logger: Logger;
  readonly progress: Progress;
  /** `--select`, `--partition`, ... for transformation pipelines. */
  readonly models?: ModelRunOptions | undefined;
  /** --full-refresh: plan every replicated table as a full refresh, whatever its stored watermark. */
  readonly fullRefresh?: boolean | undefined;
}

export interface RunContext<C extends PipelineConfig = PipelineConfig> extends PipelineContext<C> {
  readonly runId: string;
  readonly state: StateStore;
  /** Lifecycle events of tables, models and checks, for --events, Valkey and Dagster Pipes. */
  readonly events: RunEvents;
  /** Target tables (catalog.schema.table) whose error-severity checks failed in this run: models reading them are skipped. */
  readonly failedTables?: Map<string, string> | undefined;
}
