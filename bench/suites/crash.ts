import { rmSync } from "node:fs";
import { crashChain, KILL_KINDS, seededRandom, type ChainResult } from "../../test/crash/crash-chain.js";
import { prepareScenario, type Scenario } from "../../test/crash/crash-project.js";
import { createSuiteResult, figure, type SuiteResult } from "../lib/figure.js";
import { nowMs } from "../lib/stats.js";

// The soak version of test/crash: many chains of crashed runs (a random kill kind and point each), each chain ending in a
// clean run whose targets are compared with one clean run, row for row. Sized by environment variables.
const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
const KILL_POINTS = envInt("ROCKY_CRASH_POINTS", 1000);
const CHAIN = envInt("ROCKY_CRASH_CHAIN", 10);
const ROWS = envInt("ROCKY_CRASH_ROWS", 20_000);
const PARALLEL = envInt("ROCKY_CRASH_PARALLEL", 2);
const SEED = envInt("ROCKY_CRASH_SEED", 1);

interface Totals {
  chains: number;
  crashes: number;
  rowsCompared: number;
  mismatchedRows: number;
  watermarksAhead: number;
  failedReruns: number;
  failures: string[];
}

function tally(totals: Totals, result: ChainResult, story: string): void {
  totals.chains++;
  totals.crashes += result.crashes.length;
  totals.rowsCompared += result.comparison.rowsCompared;
  const ahead = result.crashes.flatMap((c) => c.watermarksAhead);
  totals.watermarksAhead += ahead.length;
  const mismatched = result.comparison.differences.reduce((n, d) => n + Math.abs(d.missing) + Math.abs(d.extra), 0);
  totals.mismatchedRows += mismatched;
  if (result.rerun.code !== 0) totals.failedReruns++;
  if (mismatched > 0 || ahead.length > 0 || result.rerun.code !== 0) {
    const rerun = result.rerun.code === 0 ? 0 : `${result.rerun.code}: ${result.rerun.stderr.slice(0, 2000)}`;
    totals.failures.push(`${story} → ${JSON.stringify({ differences: result.comparison.differences, ahead, rerun, dir: result.dir })}`);
  } else {
    rmSync(result.dir, { recursive: true, force: true });
  }
}

export async function crashSuite(): Promise<SuiteResult> {
  const result = createSuiteResult("crash", `Crash soak: ${KILL_POINTS} kill points in chains of ${CHAIN}, ${ROWS.toLocaleString("en-US")} rows per landing table and batch`);
  const t0 = nowMs();
  const scenarios: Scenario[] = [await prepareScenario({ rows: ROWS, nextRun: true }), await prepareScenario({ rows: ROWS, nextRun: false })];
  const setupMs = nowMs() - t0;
  const totals: Totals = { chains: 0, crashes: 0, rowsCompared: 0, mismatchedRows: 0, watermarksAhead: 0, failedReruns: 0, failures: [] };
  const random = seededRandom(SEED);
  const chains = Array.from({ length: Math.ceil(KILL_POINTS / CHAIN) }, (_, i) => ({
    scenario: scenarios[i % scenarios.length] as Scenario,
    kinds: Array.from({ length: CHAIN }, () => KILL_KINDS[Math.floor(random() * KILL_KINDS.length)] as (typeof KILL_KINDS)[number]),
    seed: Math.floor(random() * 2 ** 31),
  }));
  let next = 0;
  const worker = async () => {
    while (next < chains.length) {
      const chain = chains[next++] as (typeof chains)[number];
      const name = `chain seed ${chain.seed} (${chain.scenario === scenarios[0] ? "next run" : "first run"})`;
      try {
        const r = await crashChain(chain.scenario, chain.kinds, seededRandom(chain.seed));
        tally(totals, r, `${name}: ${r.crashes.map((c) => `${c.kind} at ${c.at}`).join(", ")}`);
      } catch (err) {
        totals.chains++;
        totals.failedReruns++;
        totals.failures.push(`${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
      if (totals.chains % 10 === 0) process.stderr.write(`bench: crash ${totals.crashes}/${KILL_POINTS} kill points, ${totals.mismatchedRows} mismatched rows\n`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const soakMs = nowMs() - t0 - setupMs;

  const zero = (n: number) => ({ text: "0", met: n === 0 });
  result.figures.push(
    figure("kill points (crashed runs)", totals.crashes, "runs"),
    figure("rows compared with a clean run", totals.rowsCompared, "rows"),
    figure("mismatched rows", totals.mismatchedRows, "rows", { target: zero(totals.mismatchedRows) }),
    figure("watermarks past their target's data after a crash", totals.watermarksAhead, "", { target: zero(totals.watermarksAhead) }),
    figure("clean reruns that failed", totals.failedReruns, "runs", { target: zero(totals.failedReruns) }),
    figure("soak time per kill point", soakMs / Math.max(1, totals.crashes), "ms"),
  );
  result.notes.push(
    `${totals.chains} chains of ${CHAIN} crashed runs each (kill kinds drawn uniformly from ${KILL_KINDS.join(", ")}), then one clean run; half start from a first run, half from a second run; ${PARALLEL} chains at a time; seed ${SEED}.`,
    `Two scenarios prepared in ${(setupMs / 1000).toFixed(1)} s: 4 landing tables × 2 batches of ${ROWS.toLocaleString("en-US")} rows, replicated incrementally and by full refresh, models full_refresh, incremental, merge and time_interval; compared as multisets (EXCEPT ALL both ways, counts) over every column but _loaded_at and _run_id.`,
    "Size with ROCKY_CRASH_POINTS, ROCKY_CRASH_CHAIN, ROCKY_CRASH_ROWS, ROCKY_CRASH_PARALLEL, ROCKY_CRASH_SEED.",
    ...totals.failures.slice(0, 20).map((f) => `FAILED ${f}`),
  );
  result.details.totals = totals;
  for (const s of scenarios) for (const dir of [s.base, s.expected]) rmSync(dir, { recursive: true, force: true });
  return result;
}
