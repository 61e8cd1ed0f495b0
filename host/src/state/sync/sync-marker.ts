import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** What this machine's state last agreed with the remote on: the version it matches, and whether an upload is owed. */
export interface SyncMarker {
  readonly remote: string;
  readonly version: string | null;
  /** The last run's upload failed: this machine's state is newer than the remote's and goes up before anything else. */
  readonly pending_upload: boolean;
  readonly run_id: string;
}

export const markerPath = (statePath: string) => `${statePath}.sync.json`;

export function readMarker(statePath: string): SyncMarker | undefined {
  try {
    return JSON.parse(readFileSync(markerPath(statePath), "utf8")) as SyncMarker;
  } catch {
    return undefined;
  }
}

export function writeMarker(statePath: string, marker: SyncMarker): void {
  const file = markerPath(statePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(marker, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
