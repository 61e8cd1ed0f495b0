import { Methods } from "@rocky/protocol";
import { createSuiteResult, figure, type SuiteResult } from "../lib/figure.js";
import { spawnHostAdapter } from "../lib/host-adapter.js";
import { latencySamples, pipelinedThroughput, type Call } from "../lib/measure-calls.js";
import { missing, PEERS } from "../lib/peers.js";
import { RawLineClient } from "../lib/raw-line-client.js";
import { median, quantile } from "../lib/stats.js";

const ROUNDS = 3;
const LATENCY = { warmup: 300, count: 2000 };
const THROUGHPUT = { inflight: 64, count: 20_000 };

interface Endpoint {
  readonly call: Call;
  close(): Promise<unknown>;
}
interface Measured {
  readonly p50: number;
  readonly p99: number;
  readonly rps: number;
}

async function raw(command: readonly string[]): Promise<Endpoint> {
  const client = new RawLineClient(command);
  await client.request("initialize", { config: {} });
  return { call: () => client.request("ping", {}), close: () => client.close() };
}

async function host(name: string, command: readonly string[], config: Record<string, unknown> = {}): Promise<Endpoint> {
  const client = await spawnHostAdapter(name, command, config);
  return { call: () => client.request(Methods.ping, {}), close: () => client.close() };
}

/** Measures every endpoint in turn, round after round, so that drift of the machine hits all of them alike. */
async function measureInterleaved(endpoints: readonly Endpoint[], throughputCount: number): Promise<Measured[]> {
  const lat = endpoints.map(() => [] as number[]);
  const rps = endpoints.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, e] of endpoints.entries()) lat[i]?.push(...(await latencySamples(e.call, LATENCY)));
    for (const [i, e] of endpoints.entries()) rps[i]?.push(await pipelinedThroughput(e.call, { inflight: THROUGHPUT.inflight, count: throughputCount }));
  }
  return endpoints.map((_, i) => ({ p50: quantile(lat[i] ?? [], 0.5), p99: quantile(lat[i] ?? [], 0.99), rps: median(rps[i] ?? []) }));
}

function compare(result: SuiteResult, label: string, baselineName: string, subject: Measured, baseline: Measured, withTargets: boolean): void {
  const lat = (q: "p50" | "p99") =>
    figure(`${label}: ping round trip ${q}`, subject[q], "µs", {
      baseline: { name: `${baselineName} ${q}`, value: baseline[q] },
      ...(withTargets ? { target: { text: "≤ 1.5x", met: subject[q] <= 1.5 * baseline[q] } } : {}),
    });
  result.figures.push(lat("p50"), lat("p99"));
  result.figures.push(
    figure(`${label}: pipelined pings/s (${THROUGHPUT.inflight} in flight)`, subject.rps, "req/s", {
      baseline: { name: `${baselineName} req/s`, value: baseline.rps },
      ...(withTargets ? { target: { text: "≥ 0.5x", met: subject.rps >= 0.5 * baseline.rps } } : {}),
    }),
  );
}

export async function protocolSuite(): Promise<SuiteResult> {
  const result = createSuiteResult("protocol", "Protocol overhead: ping through the host's adapter runtime vs raw JSON Lines");
  result.notes.push(
    `Each figure pools ${ROUNDS} interleaved rounds of ${LATENCY.count} sequential pings (after ${LATENCY.warmup} warm-up) for latency, and takes the median of ${ROUNDS} rounds of pipelined pings (${THROUGHPUT.inflight} in flight, after a warm-up pass) for throughput.`,
    "Baseline: a raw client (split on \\n, JSON.parse, id map; no validation, deadlines or framework) talking to the same raw echo child.",
  );

  // Node: the host's runtime vs the raw client, against the same dependency-free echo child; and the whole TS stack (host + adapter server).
  const duckdbMissing = missing("DuckDB adapter", PEERS.duckdb[1]);
  const nodeEndpoints = [await raw(PEERS.rawNodeEcho), await host("raw-echo", PEERS.rawNodeEcho)];
  if (!duckdbMissing) nodeEndpoints.push(await host("duckdb", PEERS.duckdb, { path: ":memory:" }));
  const node = await measureInterleaved(nodeEndpoints, THROUGHPUT.count);
  for (const e of nodeEndpoints) await e.close();
  const [nodeRaw, nodeHost, nodeDuck] = node as [Measured, Measured, Measured | undefined];
  compare(result, "host runtime ↔ raw Node echo", "raw client ↔ raw Node echo", nodeHost, nodeRaw, true);
  if (nodeDuck) compare(result, "host runtime ↔ DuckDB adapter (TS adapter server)", "raw client ↔ raw Node echo", nodeDuck, nodeRaw, false);
  else result.notes.push(`Skipped host ↔ DuckDB adapter: ${duckdbMissing}.`);

  // Python: the SDK's example adapter vs a raw Python echo; host ↔ raw Python echo separates host from SDK cost.
  const sdkMissing = missing("Python SDK example adapter", PEERS.pythonSdk[1]);
  const pyEndpoints = [await raw(PEERS.rawPythonEcho), await host("raw-echo-py", PEERS.rawPythonEcho)];
  if (!sdkMissing) pyEndpoints.push(await host("python-sdk", PEERS.pythonSdk, { path: ":memory:" }));
  const py = await measureInterleaved(pyEndpoints, THROUGHPUT.count / 2);
  for (const e of pyEndpoints) await e.close();
  const [pyRaw, pyHost, pySdk] = py as [Measured, Measured, Measured | undefined];
  compare(result, "host runtime ↔ raw Python echo", "raw client ↔ raw Python echo", pyHost, pyRaw, false);
  if (pySdk) compare(result, "host runtime ↔ Python SDK adapter", "raw client ↔ raw Python echo", pySdk, pyRaw, true);
  else result.notes.push(`Skipped host ↔ Python SDK adapter: ${sdkMissing}.`);
  result.details.raw = { node, python: py };
  return result;
}
