import { hostname } from "node:os";
import { renameSync, rmSync } from "node:fs";
import type { LoadedConfig } from "../../config/load-config.js";
import { RockyError } from "../../errors.js";
import type { Logger } from "../../log.js";
import { openRemote } from "./open-remote.js";
import { type LeaseHolder, type RemoteState, RemoteVersionConflict } from "./remote-state.js";
import { installSnapshot, snapshotState } from "./state-snapshot.js";
import { readMarker, writeMarker } from "./sync-marker.js";
import { DurableCopyFailed } from "./tiered-remote.js";

export interface BeginStateSyncOptions {
  readonly config: LoadedConfig;
  readonly runId: string;
  readonly logger: Logger;
  /** --wait: queue behind a runner holding the lease instead of failing. */
  readonly wait?: boolean | undefined;
  /** How long --wait waits (default: no limit but the holder's lease). */
  readonly waitTimeoutMs?: number | undefined;
}

/** A run's hold on the remote state: the lease, renewed while the run goes on, and the upload at its end. */
export interface StateSync {
  readonly remote: string;
  /** Uploads the state conditional on the version downloaded, then gives the lease back; throws STATE_SYNC_* when the upload fails. */
  finish(): Promise<void>;
}

function leased(remote: string, h: LeaseHolder): RockyError {
  return new RockyError("STATE_LEASED", `The state at ${remote} is held by run "${h.run_id}" (pid ${h.pid} on ${h.host}, since ${h.started_at})`, {
    hint: "Wait for that run to finish, or pass --wait to start when it does; a lease its holder stops renewing expires after [state] lease_ttl_seconds",
  });
}

async function acquire(remote: RemoteState, holder: LeaseHolder, ttlMs: number, o: BeginStateSyncOptions): Promise<void> {
  const deadline = o.waitTimeoutMs === undefined ? Infinity : Date.now() + o.waitTimeoutMs;
  let announced = false;
  for (;;) {
    const current = await remote.tryAcquireLease(holder, ttlMs);
    if (!current) return;
    if (!o.wait || Date.now() > deadline) throw leased(remote.describe, current);
    if (!announced) o.logger.warn({ holder: current }, `Waiting for run ${current.run_id} on ${current.host} to release the state at ${remote.describe}`);
    announced = true;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Before a run on a remote [state] backend: takes the run lease, uploads what an earlier run here could not, else
 * downloads the remote state in place of the local one. Undefined for the local backend.
 */
export async function beginStateSync(o: BeginStateSyncOptions): Promise<StateSync | undefined> {
  const state = o.config.raw.state;
  const remote = await openRemote(state, o.logger);
  if (!remote) return undefined;
  const statePath = o.config.statePath;
  const ttlMs = (state?.lease_ttl_seconds ?? 120) * 1000;
  const holder: LeaseHolder = { run_id: o.runId, host: hostname(), pid: process.pid, started_at: new Date().toISOString() };
  const failOnUpload = (state?.on_upload_failure ?? "fail") === "fail";
  let renewal: NodeJS.Timeout | undefined;
  let leaseLost = false;

  const release = async () => {
    clearInterval(renewal);
    await remote.releaseLease(holder).catch((err: unknown) => o.logger.warn({ err }, "Cannot release the state lease; it expires by itself"));
    await remote.close();
  };

  /** Uploads the local state conditional on `expected`; records the outcome in the marker. */
  const upload = async (expected: string | null): Promise<void> => {
    const bytes = await snapshotState(statePath);
    if (!bytes) return;
    try {
      const version = await remote.upload(bytes, expected);
      writeMarker(statePath, { remote: remote.describe, version, pending_upload: false, run_id: o.runId });
      o.logger.debug({ remote: remote.describe, version }, "state uploaded");
    } catch (err) {
      if (err instanceof RemoteVersionConflict) {
        const kept = `${statePath}-conflict-${o.runId}`;
        rmSync(kept, { recursive: true, force: true });
        renameSync(statePath, kept);
        writeMarker(statePath, { remote: remote.describe, version: null, pending_upload: false, run_id: o.runId });
        throw new RockyError("STATE_SYNC_CONFLICT", `The state at ${remote.describe} changed while this run held it (${err.message})${leaseLost ? ": this run's lease had expired and another runner took it" : ""}; nothing was overwritten`, {
          hint: `This run's state is kept in "${kept}"; the next run starts from the remote state, and copies resume from each target's own high-water mark`,
        });
      }
      const version = err instanceof DurableCopyFailed ? err.version : expected;
      writeMarker(statePath, { remote: remote.describe, version, pending_upload: true, run_id: o.runId });
      const failure = new RockyError("STATE_SYNC_FAILED", `Cannot upload the state to ${remote.describe}: ${err instanceof Error ? err.message : String(err)}`, {
        hint: `The local state in "${statePath}" is kept and marked for upload: the next rocky run uploads it before anything else`,
        cause: err,
      });
      if (failOnUpload) throw failure;
      o.logger.warn({ err }, `${failure.message} (${failure.hint ?? ""})`);
    }
  };

  try {
    await acquire(remote, holder, ttlMs, o);
    renewal = setInterval(() => {
      remote.renewLease(holder, ttlMs).then(
        (kept) => {
          if (!kept && !leaseLost) o.logger.error({ remote: remote.describe }, "This run lost its lease on the remote state; its upload will be refused if another runner wrote meanwhile");
          leaseLost ||= !kept;
        },
        (err: unknown) => o.logger.warn({ err }, "Cannot renew the state lease"),
      );
    }, Math.max(1000, Math.floor(ttlMs / 3))).unref();

    const marker = readMarker(statePath);
    let version: string | null;
    if (marker?.pending_upload && marker.remote === remote.describe) {
      o.logger.warn({ run: marker.run_id }, `Uploading the state that run ${marker.run_id} could not upload`);
      await upload(marker.version);
      version = readMarker(statePath)?.version ?? null;
    } else {
      const snapshot = await remote.download();
      if (snapshot && (snapshot.version !== marker?.version || marker.remote !== remote.describe)) {
        installSnapshot(statePath, snapshot.bytes);
        o.logger.debug({ remote: remote.describe, version: snapshot.version }, "state downloaded");
      }
      version = snapshot?.version ?? null;
      writeMarker(statePath, { remote: remote.describe, version, pending_upload: false, run_id: marker?.run_id ?? o.runId });
    }
    return {
      remote: remote.describe,
      async finish() {
        try {
          await upload(version);
        } finally {
          await release();
        }
      },
    };
  } catch (err) {
    await release();
    if (err instanceof RockyError) throw err;
    throw new RockyError("STATE_SYNC_FAILED", `Cannot sync the state with ${remote.describe}: ${err instanceof Error ? err.message : String(err)}`, {
      hint: "Check that the remote is reachable; nothing ran and the local state is unchanged",
      cause: err,
    });
  }
}
