import { createHash } from "node:crypto";
import type { RootDatabase } from "lmdb";

/** Sub-databases outside the checksum: meta holds the header itself and the run lock. */
const UNSUMMED = new Set(["meta"]);

/** Names of every sub-database of the store, sorted (lmdb lists them as the keys of the unnamed database). */
export function subDatabaseNames(root: RootDatabase): string[] {
  return [...root.getKeys()].map(String).sort();
}

/**
 * sha256 over the raw bytes of every key and value of every sub-database except meta, in key order: what the
 * header's checksum is compared with on open. Every entry is read, so a damaged page is met here first.
 */
export function checksumStore(root: RootDatabase): string {
  const hash = createHash("sha256");
  for (const name of subDatabaseNames(root)) {
    if (UNSUMMED.has(name)) continue;
    hash.update(`${name}\0`);
    const raw = root.openDB<Buffer, Buffer>({ name, encoding: "binary", keyEncoding: "binary" });
    for (const { key, value } of raw.getRange()) {
      hash.update(`${key.length}:`).update(key).update(`${value.length}:`).update(value);
    }
  }
  return hash.digest("hex");
}
