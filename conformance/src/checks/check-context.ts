import type { AdapterManifest, Capabilities, TableRef } from "@rocky/protocol";
import type { Caller, ScratchSql } from "../scratch-sql.js";
import type { BuiltinDialect, ConformanceOptions, ConformanceTimeouts } from "../types.js";
import type { WireSession } from "../wire/wire-session.js";

/** What a check gets: the live adapter, its manifest, and scratch SQL. */
export interface CheckContext {
  readonly options: ConformanceOptions;
  readonly timeouts: ConformanceTimeouts;
  readonly manifest: AdapterManifest;
  readonly legacy: boolean;
  readonly builtin: BuiltinDialect;
  readonly sql: ScratchSql;
  /** Requests on the main session, results validated against the schemas. */
  readonly call: Caller;
  has(capability: keyof Capabilities): boolean;
  /** The main session (replaced when the adapter died during an earlier check). */
  session(): WireSession;
  /** An initialized second session for probes that may break it; replaced when it has exited. */
  probeSession(): Promise<WireSession>;
  /** A new process, not yet initialized; killed at the end of the run. */
  spawnSession(): WireSession;
  /** `initialize` params with the adapter's config and the given version range. */
  initializeParams(range?: { min: number; max: number }): Record<string, unknown>;
}

/** A check: resolves with an optional note on success, throws CheckFailure / CheckSkipped / wire faults otherwise. */
export type CheckRun = (ctx: CheckContext) => Promise<string | void>;

export function show(ref: TableRef): string {
  return [ref.catalog, ref.schema, ref.table].filter((p) => p !== "").join(".");
}
