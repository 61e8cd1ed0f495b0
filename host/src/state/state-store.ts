import { existsSync, mkdirSync } from "node:fs";
import { open, type Database, type Key, type RootDatabase } from "lmdb";
import type { RunOutput, TableRef } from "@rocky/protocol";
import { RockyError } from "../errors.js";
import { acquireRunLock, type RunLock, type RunLockInfo } from "./run-lock.js";
import { createNamespace, type StateNamespace } from "./state-namespace.js";

/** The stored high-water mark of one target table. */
export interface Watermark {
  readonly column: string;
  /** The highest value copied, as the warehouse rendered it ('YYYY-MM-DD HH:MM:SS[.ffffff]'). */
  readonly value: string;
  readonly updated_at: string;
  readonly run_id: string;
}

export interface WatermarkRecord extends Watermark {
  readonly target: string;
}

export interface ListRunsOptions {
  readonly limit?: number;
}

/** Watermarks, run history and namespaced key/value data of one project, in lmdb. */
export interface StateStore {
  readonly path: string;
  getWatermark(target: TableRef): Watermark | undefined;
  /** Committed when the promise settles. */
  setWatermark(target: TableRef, watermark: Watermark): Promise<void>;
  deleteWatermark(target: TableRef): Promise<void>;
  listWatermarks(): WatermarkRecord[];
  /** Writes a finished run's record in one transaction. */
  recordRun(run: RunOutput): Promise<void>;
  /** Newest first. */
  listRuns(options?: ListRunsOptions): RunOutput[];
  getRun(runId: string): RunOutput | undefined;
  /** Exclusive across processes until released; throws STATE_LOCKED while another live run holds it. */
  acquireRunLock(info: RunLockInfo): RunLock;
  /** A sub-database for other subsystems (model watermarks, partition completions): `store.namespace("partitions")`. */
  namespace<V = unknown>(name: string): StateNamespace<V>;
  close(): Promise<void>;
}

/** `catalog.schema.table`, without an empty catalog. */
export function tableKey(ref: TableRef): string {
  return [ref.catalog, ref.schema, ref.table].filter((p) => p !== "").join(".");
}

function stateError(path: string, err: unknown): RockyError {
  return new RockyError("STATE_ERROR", `Cannot open state database "${path}": ${(err as Error).message}`, {
    hint: "Check that the directory is writable and not on a network file system; delete it to start from an empty state",
    cause: err,
  });
}

export interface OpenStateStoreOptions {
  /** With false, a missing state directory gives undefined instead of being created (read-only commands). */
  readonly create?: boolean;
}

export function openStateStore(path: string, options: { create: false }): StateStore | undefined;
export function openStateStore(path: string, options?: OpenStateStoreOptions): StateStore;
export function openStateStore(path: string, options: OpenStateStoreOptions = {}): StateStore | undefined {
  if (options.create === false && !existsSync(path)) return undefined;
  let root: RootDatabase;
  try {
    mkdirSync(path, { recursive: true });
    root = open({ path, maxDbs: 64, encoding: "json" });
  } catch (err) {
    throw stateError(path, err);
  }
  const watermarks: Database<Watermark, string> = root.openDB({ name: "watermarks", encoding: "json" });
  const runs: Database<RunOutput, Key> = root.openDB({ name: "runs", encoding: "json" });
  const runIndex: Database<Key, string> = root.openDB({ name: "run-index", encoding: "json" });
  const meta: Database<unknown, string> = root.openDB({ name: "meta", encoding: "json" });
  const namespaces = new Map<string, StateNamespace<never>>();

  return {
    path,
    getWatermark: (target) => watermarks.get(tableKey(target)),
    async setWatermark(target, watermark) {
      await watermarks.put(tableKey(target), watermark);
    },
    async deleteWatermark(target) {
      await watermarks.remove(tableKey(target));
    },
    listWatermarks: () => [...watermarks.getRange()].map(({ key, value }) => ({ target: key, ...value })),
    async recordRun(run) {
      const key: Key = [Date.parse(run.started_at), run.run_id];
      // Inside a transaction callback, put() writes synchronously as part of that transaction.
      await root.transaction(() => {
        void runs.put(key, run);
        void runIndex.put(run.run_id, key);
      });
    },
    listRuns: (opts = {}) => [...runs.getRange({ reverse: true, ...(opts.limit !== undefined ? { limit: opts.limit } : {}) })].map((e) => e.value),
    getRun(runId) {
      const key = runIndex.get(runId);
      return key === undefined ? undefined : runs.get(key);
    },
    acquireRunLock: (info) => acquireRunLock(root, meta, path, info),
    namespace<V>(name: string): StateNamespace<V> {
      if (!/^[a-z][a-z0-9_-]*$/.test(name)) throw new RockyError("STATE_ERROR", `Invalid state namespace "${name}"`, { hint: "Use lower-case letters, digits, \"_\" and \"-\"" });
      let ns = namespaces.get(name);
      if (!ns) {
        ns = createNamespace<never>(root, root.openDB({ name: `ns:${name}`, encoding: "json" }));
        namespaces.set(name, ns);
      }
      return ns as StateNamespace<V>;
    },
    close: () => root.close(),
  };
}
