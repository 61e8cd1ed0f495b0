// Run as a child process by verifyStateFile(): opens the store read-only and reads every entry of every sub-database,
// so that a damaged file crashes this process (lmdb is native code) instead of rocky. Prints one ProbeReport line.
import { open, type Key } from "lmdb";
import { FIRST_WRITE_KEY, HEADER_KEY, type ProbeReport, type StateHeader } from "./state-header.js";
import { checksumStore, subDatabaseNames } from "./store-checksum.js";

function probe(path: string): ProbeReport {
  const root = open({ path, noSubdir: false, maxDbs: 64, readOnly: true, encoding: "json" });
  try {
    const names = subDatabaseNames(root);
    let runs = 0;
    for (const name of names) {
      // Decoding every key and value is the point: a damaged page or entry fails here, in this process.
      for (const { value } of root.openDB<unknown, Key>({ name, encoding: "json" }).getRange()) {
        if (name === "runs") runs++;
        void value;
      }
    }
    const meta = names.includes("meta") ? root.openDB<unknown, string>({ name: "meta", encoding: "json" }) : undefined;
    const header = (meta?.get(HEADER_KEY) as StateHeader | undefined) ?? undefined;
    return { header, checksum: checksumStore(root), runs, started: meta?.get(FIRST_WRITE_KEY) !== undefined };
  } finally {
    void root.close();
  }
}

let report: ProbeReport;
try {
  report = probe(process.argv[2] ?? "");
} catch (error) {
  report = { error: (error as Error)?.message ?? String(error) };
}
process.stdout.write(`${JSON.stringify(report)}\n`);
