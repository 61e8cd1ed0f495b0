import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { open, type Database, type Key, type RootDatabase } from "lmdb";
import type { RunOutput, TableRef } from "@rocky/protocol";
import { RockyError } from "../errors.js";
import { redactDeep } from "../redact.js";
import { acquireRunLock, type RunLock, type RunLockInfo } from "./run-lock.js";
import { createNamespace, type StateNamespace } from "./state-namespace.js";
import { FIRST_WRITE_KEY, HEADER_KEY, STATE_FORMAT, type StateHeader } from "./state-header.js";
import { checksumStore, subDatabaseNames } from "./store-checksum.js";
import { dataFile, lastGoodPath, recoveryHint, verifyStateFile } from "./verify-state.js";

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

export interface CloseStateOptions {
  /** After a successful run: also copy the (sealed) store to `<path>.last-good`, consistently, for `rocky state restore`. */
  readonly saveLastGood?: boolean;
}

/** Watermarks, run history and namespaced key/value data of one project, in lmdb. */
export interface StateStore {
  readonly path: string;
  /**
   * No run recorded, and none ever started writing to a warehouse, when opened: just created, or emptied or deleted
   * since. (A first run that crashed midway leaves a store that is not empty: its rerun may replace what it created.)
   */
  readonly empty: boolean;
  /** Notes that a run is about to write to a warehouse: from now on the store is not empty. Idempotent. */
  markFirstWrite(runId: string): void;
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
  /** Seals the store (header with checksum) when this session changed data, then closes it. */
  close(options?: CloseStateOptions): Promise<void>;
}

/** `catalog.schema.table`, without an empty catalog. */
export function tableKey(ref: TableRef): string {
  return [ref.catalog, ref.schema, ref.table].filter((p) => p !== "").join(".");
}

/** An lmdb failure (MDB_BAD_TXN, MDB_CORRUPTED, ...) as a message naming the file instead of a native stack. */
function storageError(path: string, action: string, err: unknown): RockyError {
  if (err instanceof RockyError) return err;
  return new RockyError("STATE_ERROR", `Cannot ${action} state file "${dataFile(path)}": ${(err as Error)?.message ?? String(err)}`, {
    hint: `Check that the directory is writable, not full and not on a network file system. If the file is damaged: ${recoveryHint(path)}`,
    cause: err,
  });
}

export interface OpenStateStoreOptions {
  /** With false, a missing state gives undefined instead of being created, and the store is opened read-only (read-only commands). */
  readonly create?: boolean;
}

export function openStateStore(path: string, options: { create: false }): StateStore | undefined;
export function openStateStore(path: string, options?: OpenStateStoreOptions): StateStore;
export function openStateStore(path: string, options: OpenStateStoreOptions = {}): StateStore | undefined {
  const readOnly = options.create === false;
  // A zero-byte data file is an emptied store, not a damaged one: lmdb initialises it again when opened for writing.
  const exists = existsSync(dataFile(path)) && statSync(dataFile(path)).size > 0;
  if (readOnly && !exists) return undefined;
  // Verified in a child process first: a damaged file must crash that process, not this one.
  const verified = exists ? verifyStateFile(path) : { header: undefined, empty: true };
  let root: RootDatabase;
  try {
    if (!readOnly) mkdirSync(path, { recursive: true });
    root = open({ path, noSubdir: false, maxDbs: 64, encoding: "json", ...(readOnly ? { readOnly: true } : {}) });
  } catch (err) {
    throw storageError(path, "open", err);
  }
  const present = new Set(subDatabaseNames(root));
  // Read-only, a sub-database that was never written cannot be created: it reads as empty.
  const sub = <V, K extends Key>(name: string): Database<V, K> | undefined => (readOnly && !present.has(name) ? undefined : root.openDB<V, K>({ name, encoding: "json" }));
  const watermarks = sub<Watermark, string>("watermarks");
  const runs = sub<RunOutput, Key>("runs");
  const runIndex = sub<Key, string>("run-index");
  const meta = sub<unknown, string>("meta");
  const namespaces = new Map<string, StateNamespace<never>>();
  let header = verified.header;
  let dirty = false;

  const writable = <D>(db: D | undefined): D => {
    if (readOnly || db === undefined) throw new RockyError("STATE_ERROR", `State "${path}" is open read-only`, { hint: "This is a bug in rocky: a read-only command tried to write" });
    return db;
  };
  /** The first change of a session unseals the header, so a crash before close() leaves no stale checksum behind. */
  const touch = () => {
    if (dirty) return;
    writable(meta).putSync(HEADER_KEY, { format: STATE_FORMAT, sealed: false, checksum: null, written_at: new Date().toISOString() } satisfies StateHeader);
    dirty = true;
  };
  const guard = async <T>(action: string, fn: () => Promise<T> | T): Promise<T> => {
    try {
      touch();
      return await fn();
    } catch (err) {
      throw storageError(path, action, err);
    }
  };
  const read = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      throw storageError(path, "read", err);
    }
  };

  return {
    path,
    empty: verified.empty,
    getWatermark: (target) => read(() => watermarks?.get(tableKey(target))),
    setWatermark: (target, watermark) => guard("write", async () => void (await writable(watermarks).put(tableKey(target), redactDeep(watermark)))),
    deleteWatermark: (target) => guard("write", async () => void (await writable(watermarks).remove(tableKey(target)))),
    listWatermarks: () => read(() => [...(watermarks?.getRange() ?? [])].map(({ key, value }) => ({ target: key, ...value }))),
    recordRun: (run) =>
      guard("write", async () => {
        const key: Key = [Date.parse(run.started_at), run.run_id];
        const record = redactDeep(run);
        // Inside a transaction callback, put() writes synchronously as part of that transaction.
        await root.transaction(() => {
          void writable(runs).put(key, record);
          void writable(runIndex).put(run.run_id, key);
        });
      }),
    listRuns: (opts = {}) => read(() => [...(runs?.getRange({ reverse: true, ...(opts.limit !== undefined ? { limit: opts.limit } : {}) }) ?? [])].map((e) => e.value)),
    getRun(runId) {
      return read(() => {
        const key = runIndex?.get(runId);
        return key === undefined ? undefined : runs?.get(key);
      });
    },
    markFirstWrite(runId) {
      try {
        const m = writable(meta);
        if (m.get(FIRST_WRITE_KEY) === undefined) m.putSync(FIRST_WRITE_KEY, { run_id: runId, at: new Date().toISOString() });
      } catch (err) {
        throw storageError(path, "write", err);
      }
    },
    acquireRunLock: (info) => {
      try {
        return acquireRunLock(root, writable(meta), path, info);
      } catch (err) {
        throw storageError(path, "lock", err);
      }
    },
    namespace<V>(name: string): StateNamespace<V> {
      if (!/^[a-z][a-z0-9_-]*$/.test(name)) throw new RockyError("STATE_ERROR", `Invalid state namespace "${name}"`, { hint: "Use lower-case letters, digits, \"_\" and \"-\"" });
      let ns = namespaces.get(name);
      if (!ns) {
        // Creating a sub-database changes the file: unseal first, or a crash before close() leaves a stale checksum.
        if (!readOnly && !present.has(`ns:${name}`)) touch();
        const db = sub<never, Key>(`ns:${name}`);
        ns = createNamespace<never>(root, db, () => {
          writable(db);
          touch();
        });
        namespaces.set(name, ns);
      }
      return ns as StateNamespace<V>;
    },
    async close(closeOptions = {}) {
      try {
        if (dirty) {
          await root.flushed;
          header = { format: STATE_FORMAT, sealed: true, checksum: checksumStore(root), written_at: new Date().toISOString() };
          writable(meta).putSync(HEADER_KEY, header);
        }
        if (closeOptions.saveLastGood && !readOnly) await saveLastGood(root, path);
      } catch (err) {
        throw storageError(path, "close", err);
      } finally {
        await root.close();
      }
    },
  };
}

/** lmdb's consistent copy (mdb_env_copy) into a fresh directory, then swapped in, so a crash midway leaves the old copy. */
async function saveLastGood(root: RootDatabase, path: string): Promise<void> {
  const target = lastGoodPath(path);
  const next = `${target}.next`;
  rmSync(next, { recursive: true, force: true });
  mkdirSync(next, { recursive: true });
  await root.backup(next, false);
  rmSync(target, { recursive: true, force: true });
  renameSync(next, target);
}
