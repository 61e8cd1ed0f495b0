/** Who holds a run lease on a remote state: shown to the runner that finds it taken. */
export interface LeaseHolder {
  readonly run_id: string;
  readonly host: string;
  readonly pid: number;
  readonly started_at: string;
}

/** A snapshot of the state database as stored remotely, and the version a conditional upload must name. */
export interface RemoteSnapshot {
  readonly bytes: Buffer;
  readonly version: string;
}

/** Thrown by upload() when the remote is no longer at the expected version: another runner uploaded in between. */
export class RemoteVersionConflict extends Error {
  constructor(readonly expected: string | null, readonly found: string | null) {
    super(`expected version ${expected ?? "(none)"}, found ${found ?? "(none, or unknown)"}`);
    this.name = "RemoteVersionConflict";
  }
}

/** Where the state lives between runs: S3, Valkey, or both. */
export interface RemoteState {
  /** For messages: bucket and prefix, or host and prefix; never credentials. */
  readonly describe: string;
  download(): Promise<RemoteSnapshot | undefined>;
  /** Stores `bytes` only if the remote is still at `expected` (null: only if there is none yet); returns the new version. */
  upload(bytes: Buffer, expected: string | null): Promise<string>;
  /** Takes the lease, or returns who holds it. */
  tryAcquireLease(holder: LeaseHolder, ttlMs: number): Promise<LeaseHolder | undefined>;
  /** False when the lease was lost (expired and taken by another runner). */
  renewLease(holder: LeaseHolder, ttlMs: number): Promise<boolean>;
  releaseLease(holder: LeaseHolder): Promise<void>;
  /** Who holds the lease now, without taking it (rocky doctor). */
  leaseHolder(): Promise<LeaseHolder | undefined>;
  close(): Promise<void>;
}
