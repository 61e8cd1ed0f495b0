import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { RockyError } from "../errors.js";
import { STATE_FORMAT, type ProbeReport, type StateHeader } from "./state-header.js";

/** The lmdb data file of a state directory: what a message about damage names. */
export const dataFile = (path: string) => join(path, "data.mdb");

/** Where the copy taken after the last successful run lives: beside the state directory. */
export const lastGoodPath = (path: string) => `${path}-last-good`;

// state/ in the tsc output, bundle/ next to it when the CLI runs from the bundle, or the source under tsx (tests).
const PROBE = [
  { file: "./probe-state.js", args: [] },
  { file: "../state/probe-state.js", args: [] },
  { file: "./probe-state.ts", args: ["--import", "tsx"] },
]
  .map((p) => ({ ...p, file: fileURLToPath(new URL(p.file, import.meta.url)) }))
  .find((p) => existsSync(p.file));

export interface VerifiedState {
  readonly header: StateHeader | undefined;
  /** No run recorded nor ever started writing: a store just created, or emptied or deleted since. */
  readonly empty: boolean;
}

/** How to get going again, for every damage message. */
export function recoveryHint(path: string): string {
  const copy = lastGoodPath(path);
  const restore = existsSync(dataFile(copy))
    ? `Restore the copy taken after the last successful run (${statSync(dataFile(copy)).mtime.toISOString()}) with: rocky state restore`
    : `There is no last-good copy ("${copy}" is missing)`;
  return `${restore}; or recover every watermark from the target tables' own max(timestamp_column) with: rocky state rebuild. Either keeps the damaged file beside the new one as data.mdb.replaced-<time>`;
}

export function damaged(path: string, why: string, cause?: unknown): RockyError {
  return new RockyError("STATE_DAMAGED", `State file "${dataFile(path)}" is damaged: ${why}`, { hint: recoveryHint(path), cause });
}

/**
 * Reads the whole store in a child process before rocky opens it: lmdb is native code, and a damaged page crashes
 * whoever reads it (SIGSEGV, SIGBUS). A crash, an unreadable entry or a checksum mismatch becomes STATE_DAMAGED.
 */
export function verifyStateFile(path: string): VerifiedState {
  if (!PROBE) throw new RockyError("STATE_ERROR", "Cannot verify the state: probe-state.js is missing from this installation", { hint: "Rebuild rocky: npm run build" });
  const child = spawnSync(process.execPath, [...PROBE.args, PROBE.file, path], { encoding: "utf8", timeout: 120_000, maxBuffer: 1 << 20 });
  if (child.error) throw new RockyError("STATE_ERROR", `Cannot verify state "${path}": ${child.error.message}`, { cause: child.error });
  if (child.signal) throw damaged(path, `reading it crashes the storage library (${child.signal})`);
  let report: ProbeReport;
  try {
    report = JSON.parse(child.stdout) as ProbeReport;
  } catch {
    throw damaged(path, `reading it fails (exit code ${child.status ?? "unknown"}): ${child.stderr.trim().split("\n").pop() ?? ""}`);
  }
  if (report.error !== undefined) throw damaged(path, report.error);
  const header = report.header;
  if (header && header.format > STATE_FORMAT) {
    throw new RockyError("STATE_ERROR", `State "${path}" has format ${header.format}, written by a newer rocky; this one reads format ${STATE_FORMAT}`, { hint: "Upgrade rocky" });
  }
  if (header?.sealed && header.checksum !== report.checksum) throw damaged(path, "its contents do not match the checksum written when it was last closed");
  return { header, empty: report.runs === 0 && report.started !== true };
}
