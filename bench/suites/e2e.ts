import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createSuiteResult, figure, type SuiteResult } from "../lib/figure.js";
import { BENCH, missing, PEERS, ROOT } from "../lib/peers.js";
import { median, round } from "../lib/stats.js";
import { timeCommand } from "../lib/time-command.js";
import { busyUnion, replaySql, type ProxyLog, type ProxyRequest } from "./e2e-analysis.js";

const PLAYGROUND = resolve(ROOT, "examples", "playground");
const RUNS = 3;

/** A fresh copy of the playground with newly landed data; `proxyPrefix` routes every adapter through the timing proxy. */
function freshProject(base: string, name: string, proxyPrefix?: string): string {
  const dir = join(base, name);
  cpSync(PLAYGROUND, dir, { recursive: true, filter: (src) => !/\/(data|\.rocky)(\/|$)/.test(src.slice(PLAYGROUND.length)) });
  if (proxyPrefix) {
    const proxy = [PEERS.duckdb[0], join(BENCH, "fixtures", "timing-proxy.mjs"), proxyPrefix, ...PEERS.duckdb];
    const toml = readFileSync(join(dir, "rocky.toml"), "utf8").replace(/^(\[adapter\.[^\]]+\])$/gm, `$1\ncommand = ${JSON.stringify(proxy)}`);
    writeFileSync(join(dir, "rocky.toml"), toml);
  }
  return dir;
}

async function land(dir: string): Promise<void> {
  const r = await timeCommand([process.execPath, join(PLAYGROUND, "generate.mjs"), "--dir", dir]);
  if (r.exitCode !== 0) throw new Error(`generate.mjs failed: ${r.stderr.slice(-500)}`);
}

const rockyRun = (dir: string) => timeCommand([...PEERS.cli, "run", "--config", join(dir, "rocky.toml")], { cwd: dir });

export async function e2eSuite(): Promise<SuiteResult> {
  const result = createSuiteResult("e2e", "End to end: `rocky run` of examples/playground on DuckDB");
  const blocked = missing("CLI", PEERS.cli[1]) ?? missing("DuckDB adapter", PEERS.duckdb[1]) ?? missing("examples/playground", join(PLAYGROUND, "rocky.toml"));
  if (blocked) {
    result.blocked = blocked;
    return result;
  }
  const base = mkdtempSync(join(tmpdir(), "rocky-bench-e2e-"));
  try {
    const plain: number[] = [];
    const proxied: { wall: number; start: number; logs: ProxyLog[]; replayDir: string }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = freshProject(base, `plain-${i}`);
      await land(a);
      const ra = await rockyRun(a);
      if (ra.exitCode !== 0) throw new Error(`rocky run failed (exit ${ra.exitCode}): ${ra.stderr.slice(-800)}`);
      plain.push(ra.wallMs);

      const logDir = join(base, `logs-${i}`);
      mkdirSync(logDir);
      const b = freshProject(base, `proxied-${i}`, join(logDir, "adapter"));
      await land(b);
      const replayDir = join(base, `replay-${i}`);
      cpSync(join(b, "data"), replayDir, { recursive: true });
      const start = performance.timeOrigin + performance.now();
      const rb = await rockyRun(b);
      if (rb.exitCode !== 0) throw new Error(`rocky run (through the timing proxy) failed (exit ${rb.exitCode}): ${rb.stderr.slice(-800)}`);
      const logs = readdirSync(logDir).map((f) => JSON.parse(readFileSync(join(logDir, f), "utf8")) as ProxyLog);
      proxied.push({ wall: rb.wallMs, start, logs, replayDir });
    }

    // The median proxied run is analysed; its SQL is replayed in-process on the copy of its data taken before it ran.
    const sorted = [...proxied].sort((x, y) => x.wall - y.wall);
    const run = sorted[Math.floor(sorted.length / 2)] as (typeof proxied)[number];
    const requests: ProxyRequest[] = run.logs.flatMap((l) => l.requests).filter((r) => r.end !== undefined);
    const init = requests.filter((r) => r.method === "initialize");
    const work = requests.filter((r) => r.method !== "initialize" && r.method !== "shutdown");
    const busy = busyUnion(work);
    const startup = busyUnion(init);
    const replay = await replaySql(work, run.replayDir);
    const W = run.wall;
    const firstSpawn = Math.min(...run.logs.map((l) => l.spawnedAt));
    const lastAnswer = Math.max(...requests.map((r) => r.end as number));
    const beforeSpawn = firstSpawn - run.start;
    const afterLastAnswer = run.start + W - lastAnswer;
    const wPlain = median(plain);

    result.figures.push(
      figure("rocky run, wall time (median)", wPlain, "ms"),
      figure("rocky run through the timing proxy, wall time (median)", median(proxied.map((p) => p.wall)), "ms", { baseline: { name: "without proxy", value: wPlain } }),
      figure("adapter start-up (initialize outstanding, union)", startup, "ms", { baseline: { name: "wall of the analysed run", value: W } }),
      figure("adapter busy: ≥ 1 request outstanding (union, excl. initialize)", busy, "ms", { baseline: { name: "wall of the analysed run", value: W } }),
      figure("DuckDB: the run's SQL replayed in-process, sequentially", replay.ms, "ms", { baseline: { name: "wall of the analysed run", value: W } }),
      figure("host only: no request outstanding (wall − busy − start-up)", W - busy - startup, "ms", { baseline: { name: "wall of the analysed run", value: W } }),
      figure("  of which: CLI start to first adapter spawn", beforeSpawn, "ms", { baseline: { name: "wall of the analysed run", value: W } }),
      figure("  of which: last answer to CLI exit (shutdown, state, exit)", afterLastAnswer, "ms", { baseline: { name: "wall of the analysed run", value: W } }),
      figure("  of which: between requests", W - busy - startup - beforeSpawn - afterLastAnswer, "ms", { baseline: { name: "wall of the analysed run", value: W } }),
    );
    const byMethod = new Map<string, { n: number; ms: number }>();
    for (const r of work) {
      const m = byMethod.get(r.method) ?? { n: 0, ms: 0 };
      m.n++;
      m.ms += (r.end as number) - r.start;
      byMethod.set(r.method, m);
    }
    result.notes.push(
      `Method: ${RUNS} fresh copies of the playground (data landed by generate.mjs) run plainly and ${RUNS} through bench/fixtures/timing-proxy.mjs, interleaved. The proxy forwards JSON Lines unchanged and records when each request reached the adapter and when its answer left it; the median proxied run is analysed. "Busy" is the union of request intervals (concurrent requests counted once). The SQL of that run (execute_statement, execute_query, query/open, with parameters and catalog attachments) is then replayed in one in-process DuckDB on a copy of the data taken before the run: that is DuckDB's own execution time, without host, protocol or adapter. Ratios are shares of the analysed run's wall time (spawn of the CLI to its exit).`,
      `Requests by method (count, summed duration at the proxy): ${[...byMethod].map(([m, v]) => `${m} ${v.n} / ${round(v.ms, 3)} ms`).join("; ")}.`,
      `Replay: ${replay.statements} statements, ${replay.failed} failed${replay.firstError ? ` (first: ${replay.firstError})` : ""}.`,
    );
    result.details.e2e = { plain, proxied: proxied.map((p) => p.wall), analysedWall: W, busy, startup, replay, byMethod: Object.fromEntries(byMethod) };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  return result;
}
