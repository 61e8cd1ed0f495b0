import { hostname } from "node:os";
import type { Database, RootDatabase } from "lmdb";
import { RockyError } from "../errors.js";

export interface RunLockInfo {
  readonly runId: string;
  readonly command: string;
}

export interface RunLockRecord extends RunLockInfo {
  readonly pid: number;
  readonly host: string;
  readonly acquired_at: string;
}

export interface RunLock {
  readonly record: RunLockRecord;
  /** Idempotent; only removes the lock if this run still holds it. */
  release(): void;
}

const LOCK_KEY = "run_lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A lock held by a process that no longer exists on this host is stale and taken over. */
function isStale(lock: RunLockRecord): boolean {
  return lock.host === hostname() && !isAlive(lock.pid);
}

/** Check-and-set inside one lmdb write transaction, which lmdb serialises across processes. */
export function acquireRunLock(root: RootDatabase, meta: Database<unknown, string>, path: string, info: RunLockInfo): RunLock {
  const record: RunLockRecord = { ...info, pid: process.pid, host: hostname(), acquired_at: new Date().toISOString() };
  const held = root.transactionSync(() => {
    const current = meta.get(LOCK_KEY) as RunLockRecord | undefined;
    if (current && !isStale(current)) return current;
    meta.putSync(LOCK_KEY, record);
    return undefined;
  });
  if (held) {
    throw new RockyError("STATE_LOCKED", `State "${path}" is locked by run "${held.runId}" (rocky ${held.command}, pid ${held.pid} on ${held.host}, since ${held.acquired_at})`, {
      hint: "Wait for that run to finish; a lock left by a process that has exited is released automatically",
    });
  }
  let released = false;
  return {
    record,
    release() {
      if (released) return;
      released = true;
      root.transactionSync(() => {
        const current = meta.get(LOCK_KEY) as RunLockRecord | undefined;
        if (current?.runId === record.runId && current.pid === record.pid) meta.removeSync(LOCK_KEY);
      });
    },
  };
}
