import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { CommandModule } from "yargs";
import type { StateOutput } from "@rocky/protocol";
import { loadConfig } from "../config/load-config.js";
import { RockyError } from "../errors.js";
import { createAdapterPool } from "../pipeline/adapter-pool.js";
import { rebuildWatermarks } from "../pipeline/rebuild-watermarks.js";
import { newRunId } from "../pipeline/run-id.js";
import { selectPipelines } from "../pipeline/select-pipelines.js";
import { openStateStore, type WatermarkRecord } from "../state/state-store.js";
import { dataFile, lastGoodPath, verifyStateFile } from "../state/verify-state.js";
import type { CliIo } from "./cli-io.js";
import { openProject, withCommonOptions, type CommonArgs } from "./common-options.js";
import { renderTable, writeJson } from "./output.js";
import { createProgress } from "./progress.js";

export type StateAction = "show" | "restore" | "rebuild";

export interface StateArgs extends CommonArgs {
  readonly action?: StateAction | undefined;
}

/** show: the stored watermark of every target table (read-only); restore / rebuild: recover a damaged or lost state. */
export async function state(args: StateArgs, io: CliIo): Promise<StateOutput> {
  const action = args.action ?? "show";
  let result: StateOutput;
  if (action === "restore") result = await restoreState(args);
  else if (action === "rebuild") result = await rebuildState(args, io);
  else {
    const config = await loadConfig(args.config);
    const store = openStateStore(config.statePath, { create: false });
    try {
      result = { command: "state", status: "succeeded", state_path: config.statePath, watermarks: store?.listWatermarks() ?? [] };
    } finally {
      await store?.close();
    }
  }
  if (args.output === "json") writeJson(io, result);
  else if (action !== "show") io.stdout.write(`${action === "restore" ? "restored" : "rebuilt"} ${result.state_path}: ${result.watermarks.length} watermark(s)\n${formatWatermarks(result.watermarks)}`);
  else if (result.watermarks.length === 0) io.stdout.write(`no watermarks in ${result.state_path}\n`);
  else io.stdout.write(formatWatermarks(result.watermarks));
  return result;
}

function formatWatermarks(watermarks: readonly WatermarkRecord[]): string {
  if (watermarks.length === 0) return "";
  return renderTable(watermarks, [
    { header: "TARGET", value: (w) => w.target },
    { header: "COLUMN", value: (w) => w.column },
    { header: "WATERMARK", value: (w) => w.value },
    { header: "UPDATED", value: (w) => w.updated_at },
    { header: "RUN", value: (w) => w.run_id },
  ]);
}

/**
 * Moves the current data file aside (kept, never deleted) so a fresh or restored one can take its place; refused
 * (STATE_LOCKED) while a live run holds a readable store's lock. A damaged store's lock cannot be read.
 */
async function setAside(path: string): Promise<void> {
  if (!existsSync(dataFile(path))) return;
  let store: ReturnType<typeof openStateStore> | undefined;
  try {
    store = openStateStore(path);
  } catch (err) {
    if (!(err instanceof RockyError && err.code === "STATE_DAMAGED")) throw err;
  }
  if (store) {
    try {
      store.acquireRunLock({ runId: "state-recovery", command: "state" }).release();
    } finally {
      await store.close();
    }
  }
  renameSync(dataFile(path), `${dataFile(path)}.replaced-${new Date().toISOString().replace(/[:.]/g, "")}`);
  rmSync(join(path, "lock.mdb"), { force: true });
}

async function restoreState(args: StateArgs): Promise<StateOutput> {
  const config = await loadConfig(args.config);
  const copy = lastGoodPath(config.statePath);
  if (!existsSync(dataFile(copy))) {
    throw new RockyError("STATE_ERROR", `No last-good copy of the state at "${copy}"`, {
      hint: "One is written after every successful run; recover the watermarks from the target tables instead with: rocky state rebuild",
    });
  }
  verifyStateFile(copy);
  await setAside(config.statePath);
  mkdirSync(config.statePath, { recursive: true });
  copyFileSync(dataFile(copy), dataFile(config.statePath));
  const store = openStateStore(config.statePath, { create: false });
  try {
    return { command: "state", status: "succeeded", state_path: config.statePath, watermarks: store?.listWatermarks() ?? [] };
  } finally {
    await store?.close();
  }
}

async function rebuildState(args: StateArgs, io: CliIo): Promise<StateOutput> {
  const { config, logger } = await openProject(args);
  const selected = selectPipelines(config, undefined);
  await setAside(config.statePath);
  const store = openStateStore(config.statePath);
  const runId = newRunId();
  const progress = createProgress(io, args.output);
  const startedAt = new Date();
  const watermarks: WatermarkRecord[] = [];
  try {
    const lock = store.acquireRunLock({ runId, command: "state rebuild" });
    const adapters = createAdapterPool(config, logger);
    try {
      for (const [name, pipeline] of selected) {
        if (pipeline.type !== "replication") continue;
        watermarks.push(...(await rebuildWatermarks({ name, config: pipeline, project: config, adapters, state: store, logger, progress, runId })));
      }
      // Recorded even when nothing was recovered: the state then exists, so the next run knows it was rebuilt on purpose.
      await store.recordRun({ run_id: runId, command: "state rebuild", status: "succeeded", started_at: startedAt.toISOString(), finished_at: new Date().toISOString(), duration_ms: Date.now() - startedAt.getTime(), pipelines: [] });
    } finally {
      progress.done();
      await adapters.closeAll();
      lock.release();
    }
  } finally {
    await store.close();
  }
  return { command: "state", status: "succeeded", state_path: config.statePath, watermarks };
}

export function stateCommand(io: CliIo): CommandModule<object, StateArgs> {
  return {
    command: "state [action]",
    describe: "Show the stored watermarks; restore the last-good copy, or rebuild them from the target tables",
    builder: (y) =>
      withCommonOptions(y).positional("action", {
        choices: ["show", "restore", "rebuild"] as const,
        default: "show" as StateAction,
        describe: "show (default, read-only); restore: the copy taken after the last successful run; rebuild: watermarks from max(timestamp_column) of each target",
      }) as never,
    handler: async (args) => {
      await state(args, io);
    },
  };
}
