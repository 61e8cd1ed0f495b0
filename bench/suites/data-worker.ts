// One data-suite variant in a fresh process, so that its peak RSS is its own: prints {rows, ms, hostPeakMiB, adapterPeakMiB}.
import { DuckDBInstance } from "@duckdb/node-api";
import { Methods } from "@rocky/protocol";
import { spawnHostAdapter } from "../lib/host-adapter.js";
import { PEERS, ROOT } from "../lib/peers.js";
import { peakRssMiB, selfPeakRssMiB } from "../lib/proc-memory.js";
import { nowMs } from "../lib/stats.js";

export type DataVariant = "inprocess-js" | "inprocess-json" | "paged" | "one-message";
const [variant, dbPath, sql, batchArg] = process.argv.slice(2) as [DataVariant, string, string, string | undefined];

async function inProcess(json: boolean): Promise<number> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  let rows = 0;
  const result = await conn.stream(sql);
  if (json) {
    // The converter as it ships: from the adapter's bundle, where module boundaries cost what they cost in production.
    const dist = `${ROOT}/adapters/duckdb/dist`;
    const { loadBundle } = (await import(`${dist}/load-bundle.js`)) as typeof import("../../adapters/duckdb/src/load-bundle.js");
    const { chunkRows, columnWriter } = loadBundle(`${dist}/serve-duckdb.bundle.cjs`).exports as typeof import("../../adapters/duckdb/src/serve-duckdb.js");
    const writers = result.columnTypes().map(columnWriter);
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) rows += chunkRows(chunk, writers).length;
  } else {
    for await (const batch of result.yieldRowsJs()) rows += batch.length;
  }
  conn.closeSync();
  instance.closeSync();
  return rows;
}

let adapterPeakMiB: number | undefined;
async function throughProtocol(paged: boolean): Promise<number> {
  // e.g. ROCKY_BENCH_ADAPTER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the adapter side.
  const nodeArgs = process.env.ROCKY_BENCH_ADAPTER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const [node, ...entry] = PEERS.duckdb;
  const client = await spawnHostAdapter("duckdb", [node, ...nodeArgs, ...entry], { path: dbPath, read_only: true });
  let rows = 0;
  if (paged) {
    const batchRows = batchArg ? Number(batchArg) : undefined;
    for await (const batch of client.queryBatches(sql, [], batchRows ? { batchRows } : {})) rows += batch.rows.length;
  } else {
    rows = (await client.request(Methods.executeQuery, { sql })).rows.length;
  }
  adapterPeakMiB = peakRssMiB(client.pid);
  await client.close();
  return rows;
}

const t0 = nowMs();
const rows = variant === "inprocess-js" ? await inProcess(false) : variant === "inprocess-json" ? await inProcess(true) : await throughProtocol(variant === "paged");
const ms = nowMs() - t0;
process.stdout.write(`${JSON.stringify({ rows, ms, hostPeakMiB: selfPeakRssMiB(), adapterPeakMiB })}\n`);
