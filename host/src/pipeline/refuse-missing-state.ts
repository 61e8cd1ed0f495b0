import { existsSync } from "node:fs";
import type { PipelineConfig } from "@rocky/protocol";
import { RockyError } from "../errors.js";
import { dataFile, lastGoodPath } from "../state/verify-state.js";
import type { PipelineContext } from "./pipeline-context.js";
import { NO_WATERMARK_REASON } from "./plan-replication.js";
import { runnerFor } from "./registry.js";

export interface RefuseMissingStateOptions extends Omit<PipelineContext, "name" | "config"> {
  readonly selected: readonly (readonly [string, PipelineConfig])[];
}

/**
 * A state that is missing or emptied while target tables exist would make the run fully refresh every one of them
 * (no watermark), silently. Plans the replication pipelines (read-only) and refuses with STATE_MISSING if so.
 */
export async function refuseMissingState(o: RefuseMissingStateOptions): Promise<void> {
  const existing: string[] = [];
  for (const [name, config] of o.selected) {
    if (config.type !== "replication") continue;
    const planned = await runnerFor(name, config).plan({ ...o, name, config });
    existing.push(...planned.tables.filter((t) => t.reason === NO_WATERMARK_REASON).map((t) => t.target));
  }
  if (existing.length === 0) return;
  const path = o.state?.path ?? o.project.statePath;
  const shown = existing.slice(0, 3).map((t) => `"${t}"`).join(", ") + (existing.length > 3 ? ", ..." : "");
  const restore = existsSync(dataFile(lastGoodPath(path))) ? "Restore the copy taken after the last successful run with: rocky state restore. " : "";
  throw new RockyError("STATE_MISSING", `State "${path}" is missing or empty, but ${existing.length} target table(s) already exist (${shown}): without their watermarks this run would fully refresh them`, {
    hint: `Nothing was changed. ${restore}Recover the watermarks from the targets' own max(timestamp_column) with: rocky state rebuild. Or reload everything deliberately with: rocky run --full-refresh`,
  });
}
