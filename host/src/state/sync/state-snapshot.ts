import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { open } from "lmdb";

/** A consistent copy of the state database's data file, taken through lmdb; undefined when there is no state. */
export async function snapshotState(statePath: string): Promise<Buffer | undefined> {
  if (!existsSync(join(statePath, "data.mdb"))) return undefined;
  const tmp = mkdtempSync(`${statePath}-snapshot-`);
  const root = open({ path: statePath, maxDbs: 64, encoding: "json" });
  try {
    await root.backup(tmp, false);
    return readFileSync(join(tmp, "data.mdb"));
  } finally {
    await root.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Puts a downloaded snapshot in place of the local state, which is kept beside it as `<state>-previous`. Called while
 * no process has the state open (before the run opens it, under the remote lease).
 */
export function installSnapshot(statePath: string, bytes: Buffer): void {
  mkdirSync(dirname(statePath), { recursive: true });
  const incoming = `${statePath}-incoming`;
  rmSync(incoming, { recursive: true, force: true });
  mkdirSync(incoming);
  writeFileSync(join(incoming, "data.mdb"), bytes);
  const previous = `${statePath}-previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(statePath)) renameSync(statePath, previous);
  renameSync(incoming, statePath);
}
