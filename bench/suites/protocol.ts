import { Methods } from "@rocky/protocol";
import { createSuiteResult, figure, type SuiteResult } from "../lib/figure.js";
import { spawnHostAdapter } from "../lib/host-adapter.js";
import { latencySamples, pipelinedThroughput, type Call } from "../lib/measure-calls.js";
import { missing, PEERS } from "../lib/peers.js";
import { RawLineClient } from "../lib/raw-line-client.js";
import { median, quantile } from "../lib/stats.js";

const ROUNDS = 5;
const LATENCY = { warmup: 300, count: 2000 };
const THROUGHPUT = { inflight: 64, count: 20_000 };

interface Endpoint {
  readonly call: Call;
  close(): Promise<unknown>;
}
interface Measured {
  /** Pooled over all rounds. */
  readonly p50: number;
  readonly p99: number;
  /** Median over rounds. */
  readonly rps: number;
  readonly rounds: { readonly p50: number; readonly p99: number; readonly rps: number }[];
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
  const rounds = endpoints.map(() => [] as { lat: number[]; rps: number }[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, e] of endpoints.entries()) {
      const lat = await latencySamples(e.call, LATENCY);
      const rps = await pipelinedThroughput(e.call, { inflight: THROUGHPUT.inflight, count: throughputCount });
      rounds[i]?.push({ lat, rps });
    }
  }
  return rounds.map((rs) => {
    const pooled = rs.flatMap((r) => r.lat);
    return {
      p50: quantile(pooled, 0.5),
      p99: quantile(pooled, 0.99),
      rps: median(rs.map((r) => r.rps)),
      rounds: rs.map((r) => ({ p50: quantile(r.lat, 0.5), p99: quantile(r.lat, 0.99), rps: r.rps })),
    };
  });
}

/** Median over rounds of subject/baseline within the same round: robust to load that changes between rounds. */
function roundRatio(subject: Measured, baseline: Measured, key: "p50" | "p99" | "rps"): number {
  return median(subject.rounds.map((r, i) => r[key] / (baseline.rounds[i]?.[key] ?? Number.NaN)));
}

/** The targets of a comparison: latency ratios, and the least throughput ratio. */
interface Targets {
  readonly latency: boolean;
  readonly throughput?: number;
}

function compare(result: SuiteResult, label: string, baselineName: string, subject: Measured, baseline: Measured, targets: Targets): void {
  const lat = (q: "p50" | "p99") => {
    const ratio = roundRatio(subject, baseline, q);
    return figure(`${label}: ping round trip ${q}`, subject[q], "µs", {
      baseline: { name: `${baselineName} ${q}`, value: baseline[q] },
      ratio,
      ...(targets.latency ? { target: { text: "≤ 1.5x", met: ratio <= 1.5 } } : {}),
    });
  };
  const least = targets.throughput;
  const ratio = roundRatio(subject, baseline, "rps");
  result.figures.push(
    lat("p50"),
    lat("p99"),
    figure(`${label}: pipelined pings/s (${THROUGHPUT.inflight} in flight)`, subject.rps, "req/s", {
      baseline: { name: `${baselineName} req/s`, value: baseline.rps },
      ratio,
      ...(least === undefined ? {} : { target: { text: `≥ ${least}x`, met: ratio >= least } }),
    }),
  );
}

export async function protocolSuite(): Promise<SuiteResult> {
  const result = createSuiteResult("protocol", "Protocol overhead: ping through the host's adapter runtime vs raw JSON Lines");
  result.notes.push(
    `${ROUNDS} rounds; in each, every endpoint in turn does ${LATENCY.count} sequential pings (after ${LATENCY.warmup} warm-up) and then pipelined pings (${THROUGHPUT.inflight} in flight, after a warm-up pass). Latencies are pooled over rounds, throughput is the median round; the ratio is the median over rounds of subject/baseline within the round.`,
    "Baseline: a raw client (split on \\n, JSON.parse, id map; no validation, deadlines or framework) talking to the same raw echo child.",
  );

  // Node: the host's runtime vs the raw client, against the same dependency-free echo child; and the whole TS stack (host + adapter server).
  const duckdbMissing = missing("DuckDB adapter", PEERS.duckdb[1]);
  const nodeEndpoints = [await raw(PEERS.rawNodeEcho), await host("raw-echo", PEERS.rawNodeEcho)];
  if (!duckdbMissing) nodeEndpoints.push(await host("duckdb", PEERS.duckdb, { path: ":memory:" }));
  const node = await measureInterleaved(nodeEndpoints, THROUGHPUT.count);
  for (const e of nodeEndpoints) await e.close();
  const [nodeRaw, nodeHost, nodeDuck] = node as [Measured, Measured, Measured | undefined];
  compare(result, "host runtime ↔ raw Node echo", "raw client ↔ raw Node echo", nodeHost, nodeRaw, { latency: true, throughput: 0.5 });
  if (nodeDuck) compare(result, "host runtime ↔ DuckDB adapter (TS adapter server)", "raw client ↔ raw Node echo", nodeDuck, nodeRaw, { latency: false, throughput: 0.8 });
  else result.notes.push(`Skipped host ↔ DuckDB adapter: ${duckdbMissing}.`);

  // Python: the SDK's example adapter vs a raw Python echo; host ↔ raw Python echo separates host from SDK cost.
  const sdkMissing = missing("Python SDK example adapter", PEERS.pythonSdk[1]);
  const pyEndpoints = [await raw(PEERS.rawPythonEcho), await host("raw-echo-py", PEERS.rawPythonEcho)];
  if (!sdkMissing) pyEndpoints.push(await host("python-sdk", PEERS.pythonSdk, { path: ":memory:" }));
  const py = await measureInterleaved(pyEndpoints, THROUGHPUT.count / 2);
  for (const e of pyEndpoints) await e.close();
  const [pyRaw, pyHost, pySdk] = py as [Measured, Measured, Measured | undefined];
  compare(result, "host runtime ↔ raw Python echo", "raw client ↔ raw Python echo", pyHost, pyRaw, { latency: false });
  if (pySdk) compare(result, "host runtime ↔ Python SDK adapter", "raw client ↔ raw Python echo", pySdk, pyRaw, { latency: true, throughput: 0.5 });
  else result.notes.push(`Skipped host ↔ Python SDK adapter: ${sdkMissing}.`);
  result.details.raw = { node, python: py };
  return result;
}
