import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSuiteResult, figure, type SuiteResult } from "../lib/figure.js";
import { missing, PEERS } from "../lib/peers.js";
import { runWorker } from "../lib/run-worker.js";
import { timeCommand } from "../lib/time-command.js";
import { generateLanding, generateModels } from "../generate-project.js";

const SIZES = [1_000, 10_000] as const;
const GROWTH_TARGET = 12;
/** A CLI measurement is stopped here; the figure then says "did not finish" and the growth is a lower bound. */
const CLI_TIMEOUT_MS = 60_000;

interface Measured {
  readonly ms: number;
  readonly peakMiB: number | undefined;
  readonly note?: string;
  readonly error?: string;
  readonly timedOut?: boolean;
}

/** `rocky <args>` through the built CLI, timed from outside. */
async function cli(args: readonly string[], cwd: string): Promise<Measured> {
  const r = await timeCommand([...PEERS.cli, ...args], { cwd, timeoutMs: CLI_TIMEOUT_MS });
  if (r.timedOut) return { ms: r.wallMs, peakMiB: r.peakMiB, timedOut: true };
  if (r.exitCode !== 0) {
    const lines = r.stderr.trim().split("\n");
    const first = lines.find((l) => /error/i.test(l)) ?? lines.at(-1) ?? "";
    return { ms: r.wallMs, peakMiB: r.peakMiB, error: `exit ${r.exitCode}: ${first.trim().slice(0, 300)}` };
  }
  return { ms: r.wallMs, peakMiB: r.peakMiB };
}

async function worker(args: readonly string[]): Promise<Measured & Record<string, unknown>> {
  try {
    const r = await runWorker<{ ms: number; peakMiB: number; errors?: string[] } & Record<string, unknown>>("suites/scale-worker.ts", args);
    return r.errors && r.errors.length > 0 ? { ...r, error: r.errors.join("; ") } : r;
  } catch (err) {
    return { ms: Number.NaN, peakMiB: undefined, error: (err as Error).message.split("\n").slice(0, 4).join(" ").slice(0, 400) };
  }
}

function report(result: SuiteResult, label: string, small: Measured, large: Measured, extraTarget?: { text: string; met: (m: Measured) => boolean }): void {
  for (const [size, m] of [[SIZES[0], small], [SIZES[1], large]] as const) {
    if (m.error) result.notes.push(`${label} at ${size.toLocaleString("en-US")}: failed: ${m.error}`);
  }
  if (small.error) return;
  if (large.error) {
    result.figures.push(figure(`${label}, ${SIZES[0].toLocaleString("en-US")}: wall time`, small.ms, "ms"));
    return;
  }
  const growth = large.ms / small.ms;
  const unfinished = large.timedOut ? ` (stopped at ${CLI_TIMEOUT_MS / 1000} s: did not finish; ratio is a lower bound)` : "";
  result.figures.push(
    figure(`${label}, ${SIZES[1].toLocaleString("en-US")}: wall time${unfinished}`, large.ms, "ms", {
      baseline: { name: `${SIZES[0].toLocaleString("en-US")}`, value: small.ms },
      target: { text: `growth ≤ ${GROWTH_TARGET}x${extraTarget ? `; ${extraTarget.text}` : ""}`, met: !large.timedOut && growth <= GROWTH_TARGET && (extraTarget?.met(large) ?? true) },
    }),
  );
  if (small.peakMiB !== undefined && large.peakMiB !== undefined && !large.timedOut) {
    result.figures.push(figure(`${label}, ${SIZES[1].toLocaleString("en-US")}: peak RSS`, large.peakMiB, "MiB", { baseline: { name: `${SIZES[0].toLocaleString("en-US")}`, value: small.peakMiB } }));
  }
  if (small.note) result.notes.push(small.note);
}

export async function scaleSuite(): Promise<SuiteResult> {
  const result = createSuiteResult("scale", "Scale: 1,000 vs 10,000 models and landing tables (ratio = growth factor)");
  const blocked = missing("DuckDB adapter", PEERS.duckdb[1]);
  if (blocked) {
    result.blocked = blocked;
    return result;
  }
  const hasCli = !missing("CLI", PEERS.cli[1]);
  const dir = mkdtempSync(join(tmpdir(), "rocky-bench-scale-"));
  try {
    const models: Record<number, string> = {};
    const landing: Record<number, string> = {};
    for (const n of SIZES) {
      models[n] = join(dir, `models-${n}`);
      const made = generateModels(models[n] as string, n);
      landing[n] = join(dir, `landing-${n}`);
      await generateLanding(landing[n] as string, n);
      result.details[`models-${n}`] = made;
    }

    const compile = async (n: number): Promise<Measured> =>
      hasCli ? cli(["compile", "--config", "rocky.toml", "--output", "json"], models[n] as string) : worker(["compile", join(models[n] as string, "rocky.toml")]);
    const [c1, c10] = [await compile(SIZES[0]), await compile(SIZES[1])];
    report(result, hasCli ? "rocky compile (CLI)" : "compileProject() in-process (CLI not landed)", c1, c10);

    if (hasCli) {
      const plan = (n: number) => cli(["plan", "--config", "rocky.toml", "--output", "json"], models[n] as string);
      // Cold: no .rocky/cache (a fresh clone, CI), so every model's SQL is checked; the plan then writes the cache.
      const coldPlan = (n: number) => {
        rmSync(join(models[n] as string, ".rocky", "cache"), { recursive: true, force: true });
        return plan(n);
      };
      report(result, "rocky plan, transformation (CLI), cold: no .rocky/cache", await coldPlan(SIZES[0]), await coldPlan(SIZES[1]), { text: "< 2000 ms", met: (m) => m.ms < 2000 });
      report(result, "rocky plan, transformation (CLI), warm: parse cache from the previous plan", await plan(SIZES[0]), await plan(SIZES[1]), { text: "< 2000 ms", met: (m) => m.ms < 2000 });
      const discoverCli = (n: number) => cli(["discover", "--config", "rocky.toml", "--output", "json"], landing[n] as string);
      report(result, "rocky discover (CLI)", await discoverCli(SIZES[0]), await discoverCli(SIZES[1]));
      const planRepl = (n: number) => cli(["plan", "--config", "rocky.toml", "--output", "json"], landing[n] as string);
      report(result, "rocky plan, replication over discovered tables (CLI)", await planRepl(SIZES[0]), await planRepl(SIZES[1]));
    } else {
      result.notes.push(`rocky plan (models and replication) not measured: ${missing("CLI", PEERS.cli[1])}.`);
    }

    const discover = (n: number) => worker(["discover", join(landing[n] as string, "data", "landing.duckdb")]);
    const [d1, d10] = [await discover(SIZES[0]), await discover(SIZES[1])];
    report(result, "discovery/list through the DuckDB adapter", d1, d10);
    if (!d10.error) result.figures.push(figure(`discovery/list, ${SIZES[1].toLocaleString("en-US")} tables: adapter peak RSS`, Number(d10.adapterPeakMiB), "MiB", { baseline: { name: "1,000", value: Number(d1.adapterPeakMiB) } }));
    result.details.discovery = { d1, d10 };
    result.notes.push(
      `Projects from bench/generate-project.ts: models join three uniformly random earlier models (seed 1); landing databases hold empty 3-column tables, 100 per schema. One run per size.`,
      hasCli
        ? "CLI figures: wall time of the whole process (start-up included) measured around the spawn; peak RSS from /usr/bin/time -v, which reports the largest process among the CLI and the adapters it waited for."
        : "In-process figures: wall time of the call; peak RSS of the worker process (tsx loader included).",
      `Growth target: ≤ ${GROWTH_TARGET}x for 10x the input (close to linear).`,
    );
  } finally {
    if (!existsSync(join(dir, "keep"))) rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
