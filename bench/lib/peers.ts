import { existsSync } from "node:fs";
import { resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const BENCH = resolve(ROOT, "bench");

/** The programs the suites talk to; each command is spawned without a shell. */
export const PEERS = {
  rawNodeEcho: [process.execPath, resolve(BENCH, "fixtures", "raw-echo.mjs")],
  rawPythonEcho: ["python3", resolve(BENCH, "fixtures", "raw_echo.py")],
  duckdb: [process.execPath, resolve(ROOT, "adapters", "duckdb", "dist", "main.js")],
  pythonSdk: ["python3", resolve(ROOT, "sdk-python", "examples", "sqlite_adapter.py")],
  cli: [process.execPath, resolve(ROOT, "host", "dist", "main.js")],
} as const;

/** A reason the suite cannot run yet, naming the missing files; undefined when all exist. */
export function missing(what: string, ...paths: string[]): string | undefined {
  const absent = paths.filter((p) => !existsSync(p));
  return absent.length === 0 ? undefined : `${what} has not landed (missing ${absent.map((p) => p.replace(`${ROOT}/`, "")).join(", ")})`;
}
