// The Databricks adapter against the local Databricks server (adapters/databricks/test/server): statements per second
// and rows per second through the adapter, each against the same queries run directly on the server's DuckDB.
import { resolve } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { startDatabricksServer } from "../../adapters/databricks/test/server/databricks-server.js";
import { createSuiteResult, figure, type SuiteResult } from "../lib/figure.js";
import { pipelinedThroughput } from "../lib/measure-calls.js";
import { missing, ROOT } from "../lib/peers.js";
import { peakRssMiB } from "../lib/proc-memory.js";
import { RawLineClient } from "../lib/raw-line-client.js";
import { median, nowMs } from "../lib/stats.js";

const ADAPTER = [process.execPath, resolve(ROOT, "adapters", "databricks", "dist", "main.js")];
const TOKEN = "dapi-bench-token";
const ROWS = 200_000;
const ROUNDS = 3;
const STATEMENTS = { count: 400, inflight: 8 };
const SCAN = "SELECT * FROM bench_rows";

/** 10 columns as the data suite's: BIGINT, INTEGER, 2 DOUBLE, 2 STRING, 2 TIMESTAMP, BOOLEAN, nullable BIGINT. */
const CREATE = `CREATE TABLE bench_rows AS SELECT
  i AS id, (i % 1000)::INTEGER AS small_int, (i * 1.5)::DOUBLE AS amount, ((i * 7919) % 10007) / 10007.0 AS score,
  'customer_' || (i % 50000)::VARCHAR AS name, md5(i::VARCHAR)[1:12] AS code,
  TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i) AS created_at, TIMESTAMP '2024-01-01 00:00:00.123456' + to_microseconds(i * 1013) AS updated_at,
  i % 3 = 0 AS active, CASE WHEN i % 10 = 0 THEN NULL ELSE i % 7 END AS maybe
FROM range(${ROWS}) r(i)`;

interface Reply {
  result?: { cursor?: string; rows?: unknown[][]; done?: boolean };
  error?: { message: string };
}

async function ok(p: Promise<unknown>): Promise<Reply["result"]> {
  const reply = (await p) as Reply;
  if (reply.error) throw new Error(reply.error.message);
  return reply.result;
}

async function pagedRows(client: RawLineClient): Promise<number> {
  const open = await ok(client.request("query/open", { sql: SCAN }));
  let rows = 0;
  for (;;) {
    const batch = await ok(client.request("query/fetch", { cursor: open?.cursor, max_rows: 10_000 }));
    rows += batch?.rows?.length ?? 0;
    if (batch?.done) return rows;
  }
}

/** The scan as a plain REST client reads it (POST, then every chunk), without the adapter: the server's own share. */
async function restRows(url: string, warehouseId: string): Promise<number> {
  const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
  const post = await fetch(`${url}/api/2.0/sql/statements`, { method: "POST", headers, body: JSON.stringify({ statement: SCAN, warehouse_id: warehouseId }) });
  const body = (await post.json()) as { statement_id: string; result?: { data_array?: unknown[]; next_chunk_index?: number } };
  let rows = body.result?.data_array?.length ?? 0;
  for (let next = body.result?.next_chunk_index; next !== undefined; ) {
    const chunk = (await (await fetch(`${url}/api/2.0/sql/statements/${body.statement_id}/result/chunks/${next}`, { headers })).json()) as { data_array?: unknown[]; next_chunk_index?: number };
    rows += chunk.data_array?.length ?? 0;
    next = chunk.next_chunk_index;
  }
  return rows;
}

async function directRows(connection: DuckDBConnection): Promise<number> {
  const result = await connection.stream(SCAN);
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return rows;
    rows += chunk.getRows().length;
  }
}

export async function databricksSuite(): Promise<SuiteResult> {
  const result = createSuiteResult("databricks", "Databricks adapter vs the local Databricks server's own DuckDB");
  const blocked = missing("Databricks adapter", ADAPTER[1] as string);
  if (blocked) {
    result.blocked = blocked;
    return result;
  }
  const server = await startDatabricksServer({ pats: [TOKEN] });
  const setup = await server.state.db.connect();
  await setup.run(CREATE);
  const client = new RawLineClient(ADAPTER);
  try {
    await ok(client.request("initialize", { config: { host: server.url, http_path: `/sql/1.0/warehouses/${server.state.warehouseId}`, token: TOKEN } }));
    let n = 0;
    const viaAdapter = () => ok(client.request("execute_query", { sql: "SELECT id, name FROM bench_rows WHERE id = ?", params: [n++ % ROWS] }));
    const direct = async () => (await setup.run("SELECT id, name FROM bench_rows WHERE id = $1", [n++ % ROWS])).getRows();
    const rates = { adapter: [] as number[], direct: [] as number[], adapterRows: [] as number[], directRows: [] as number[], restRows: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      rates.adapter.push(await pipelinedThroughput(viaAdapter, STATEMENTS));
      rates.direct.push(await pipelinedThroughput(direct, { ...STATEMENTS, inflight: 1 }));
      let t0 = nowMs();
      const paged = await pagedRows(client);
      rates.adapterRows.push(paged / ((nowMs() - t0) / 1000));
      t0 = nowMs();
      const rest = await restRows(server.url, server.state.warehouseId);
      rates.restRows.push(rest / ((nowMs() - t0) / 1000));
      t0 = nowMs();
      const read = await directRows(setup);
      rates.directRows.push(read / ((nowMs() - t0) / 1000));
      if (paged !== ROWS || read !== ROWS || rest !== ROWS) throw new Error(`Read ${paged} rows through the adapter and ${read} directly; expected ${ROWS}`);
    }
    const adapterPeak = peakRssMiB(client.pid);
    const direct1 = median(rates.direct);
    const directScan = median(rates.directRows);
    result.figures.push(
      figure("point queries: statements/s through the adapter (8 in flight)", median(rates.adapter), "statements/s", { baseline: { name: "the same queries on the server's DuckDB, one connection", value: direct1 } }),
      figure(`scan of ${ROWS.toLocaleString("en-US")} rows × 10 columns: rows/s through query/open + query/fetch`, median(rates.adapterRows), "rows/s", {
        baseline: { name: "the same scan on the server's DuckDB (fetchChunk)", value: directScan },
      }),
      figure("the same scan through the server's REST API with plain fetch (no adapter): rows/s", median(rates.restRows), "rows/s", {
        baseline: { name: "the same scan on the server's DuckDB (fetchChunk)", value: directScan },
      }),
    );
    if (adapterPeak !== undefined) {
      result.figures.push(figure("adapter peak RSS after the scans (one 10,000-row chunk held at a time)", adapterPeak, "MiB"));
    }
    result.notes.push(
      `Point query \`SELECT id, name FROM bench_rows WHERE id = ?\`: ${STATEMENTS.count} statements per round, ${STATEMENTS.inflight} in flight through the adapter (POST /api/2.0/sql/statements with wait_timeout 10s, each answered with its rows inline); the baseline runs them one after another on one DuckDB connection in the same process as the server.`,
      `Scan: the server's chunks hold 10,000 rows, fetched one chunk per query/fetch; every value is a string on the wire (JSON_ARRAY) and converted back by the manifest's types in the adapter. ${ROUNDS} interleaved rounds, medians.`,
      "The server runs in the benchmark's own process: its JSON encoding shares a core with the measuring client.",
    );
    result.details.rates = rates;
  } finally {
    await client.close();
    setup.closeSync();
    await server.close();
  }
  return result;
}
