import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { createSuiteResult, figure, type SuiteResult } from "../lib/figure.js";
import { missing, PEERS } from "../lib/peers.js";
import { runWorker } from "../lib/run-worker.js";
import { median } from "../lib/stats.js";
import type { DataVariant } from "./data-worker.js";

const ROWS = 1_000_000;
const RUNS = 3;
const SQL = "SELECT * FROM bench_rows";

/** 10 columns: BIGINT, INTEGER, 2 DOUBLE, 2 VARCHAR, 2 TIMESTAMP, BOOLEAN, nullable BIGINT. */
const CREATE = `CREATE TABLE bench_rows AS SELECT
  i AS id,
  (i % 1000)::INTEGER AS small_int,
  (i * 1.5)::DOUBLE AS amount,
  ((i * 7919) % 10007) / 10007.0 AS score,
  'customer_' || (i % 50000)::VARCHAR AS name,
  md5(i::VARCHAR)[1:12] AS code,
  TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i) AS created_at,
  TIMESTAMP '2024-01-01 00:00:00.123456' + to_microseconds(i * 1013) AS updated_at,
  i % 3 = 0 AS active,
  CASE WHEN i % 10 = 0 THEN NULL ELSE i % 7 END AS maybe
FROM range(${ROWS}) r(i)`;

interface Run {
  readonly rows: number;
  readonly ms: number;
  readonly hostPeakMiB: number;
  readonly adapterPeakMiB?: number;
}

export async function dataSuite(): Promise<SuiteResult> {
  const result = createSuiteResult("data", `Data: ${ROWS.toLocaleString("en-US")} rows × 10 columns through the protocol vs DuckDB in-process`);
  const blocked = missing("DuckDB adapter", PEERS.duckdb[1]);
  if (blocked) {
    result.blocked = blocked;
    return result;
  }
  const dir = mkdtempSync(join(tmpdir(), "rocky-bench-data-"));
  try {
    const dbPath = join(dir, "rows.duckdb");
    const instance = await DuckDBInstance.create(dbPath);
    const conn = await instance.connect();
    await conn.run(CREATE);
    conn.closeSync();
    instance.closeSync();

    const variants: Record<string, { variant: DataVariant; args?: string[] }> = {
      "in-process, JS values (yieldRowsJs)": { variant: "inprocess-js" },
      "in-process, protocol JSON values (the adapter's bundled converter)": { variant: "inprocess-json" },
      "protocol, queryBatches (query/open + query/fetch, 10,000-row pages)": { variant: "paged" },
      "protocol, one execute_query message": { variant: "one-message" },
    };
    const runs: Record<string, Run[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    const failures: Record<string, string> = {};
    for (let i = 0; i < RUNS; i++) {
      for (const [name, v] of Object.entries(variants)) {
        if (failures[name]) continue;
        try {
          runs[name]?.push(await runWorker<Run>("suites/data-worker.ts", [v.variant, dbPath, SQL, ...(v.args ?? [])]));
        } catch (err) {
          failures[name] = (err as Error).message.split("\n")[0] ?? "failed";
        }
      }
    }
    const rate = (name: string) => median((runs[name] ?? []).map((r) => r.rows / (r.ms / 1000)));
    const peak = (name: string, key: "hostPeakMiB" | "adapterPeakMiB") => Math.max(...(runs[name] ?? []).map((r) => r[key] ?? 0));
    const baseName = "in-process, JS values (yieldRowsJs)";
    const base = rate(baseName);
    for (const name of Object.keys(variants)) {
      if (failures[name]) {
        result.notes.push(`${name}: failed (${failures[name]}).`);
        continue;
      }
      const r = rate(name);
      const isProtocol = name.startsWith("protocol");
      result.figures.push(
        figure(`${name}: rows/s`, r, "rows/s", {
          ...(name === baseName ? {} : { baseline: { name: baseName, value: base } }),
            ...(name.includes("queryBatches") ? { target: { text: "≥ 0.5x", met: r >= base / 2 } } : {}),
        }),
      );
      result.figures.push(
        figure(`${name}: peak RSS, ${isProtocol ? "host" : "process"}`, peak(name, "hostPeakMiB"), "MiB", {
          ...(name === baseName ? {} : { baseline: { name: `${baseName} process`, value: peak(baseName, "hostPeakMiB") } }),
        }),
      );
      if (isProtocol) result.figures.push(figure(`${name}: peak RSS, adapter`, peak(name, "adapterPeakMiB"), "MiB", { baseline: { name: `${baseName} process`, value: peak(baseName, "hostPeakMiB") } }));
    }
    result.notes.push(
      `Table of ${ROWS.toLocaleString("en-US")} rows (BIGINT, INTEGER, 2 DOUBLE, 2 VARCHAR, 2 TIMESTAMP, BOOLEAN, nullable BIGINT) in a DuckDB file; \`${SQL}\` read to the last row. Each variant runs in a fresh Node process (peak RSS = its VmHWM; the adapter's is read from /proc before close); ${RUNS} interleaved runs, median rows/s. Times include opening the database (and spawn + handshake for the protocol).`,
      "The protocol figures include the conversion to protocol JSON in the adapter (timestamps and big integers as strings); the second in-process row shows what that conversion alone costs.",
    );
    result.details.runs = runs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
