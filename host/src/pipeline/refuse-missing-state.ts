import { existsSync } from "node:fs";
import { RockyError } from "../errors.js";
import type { ReplicationPlan } from "../ir/replication-plan.js";
import { tableKey } from "../state/state-store.js";
import { dataFile, lastGoodPath } from "../state/verify-state.js";
import { NO_WATERMARK_REASON } from "./plan-replication.js";

/**
 * A state without any recorded run (missing, emptied, or never finished) while target tables exist would make the run
 * fully refresh every one of them, silently. Throws STATE_MISSING, before anything is written, when the plan would.
 */
export function refuseMissingState(plan: ReplicationPlan, statePath: string): void {
  const existing = plan.tables.filter((t) => t.reason === NO_WATERMARK_REASON).map((t) => tableKey(t.target));
  if (existing.length === 0) return;
  const shown = existing.slice(0, 3).map((t) => `"${t}"`).join(", ") + (existing.length > 3 ? ", ..." : "");
  const restore = existsSync(dataFile(lastGoodPath(statePath))) ? "Restore the copy taken after the last successful run with: rocky state restore. " : "";
  throw new RockyError("STATE_MISSING", `State "${statePath}" is missing or empty, but ${existing.length} target table(s) already exist (${shown}): without their watermarks this run would fully refresh them`, {
    hint: `Nothing was changed. ${restore}Recover the watermarks from the targets' own max(timestamp_column) with: rocky state rebuild. Or reload everything deliberately with: rocky run --full-refresh`,
  });
}
