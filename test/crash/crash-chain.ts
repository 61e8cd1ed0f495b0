import { compareTargets, watermarksAhead, type Comparison } from "./compare-targets.js";
import { copyProject, type Scenario } from "./crash-project.js";
import { runRocky, type RockyRun } from "./crash-run.js";

/**
 * How a run dies. *-between: the fault proxy kills at an exact point between two answers (or, FAULT_WHEN=before, just
 * before a request reaches DuckDB); *-signal: SIGKILL from outside after a random delay.
 */
export const KILL_KINDS = ["host-between", "adapter-between", "machine-between", "host-signal", "adapter-signal"] as const;
export type KillKind = (typeof KILL_KINDS)[number];

export interface Crash {
  readonly kind: KillKind;
  /** FAULT_AT (with "before"/"after") or the delay in ms. */
  readonly at: string;
  readonly code: number | null;
  readonly signal: string | null;
  /** Watermarks found beyond their target's data right after this crash. */
  readonly watermarksAhead: readonly string[];
}

export interface ChainResult {
  readonly dir: string;
  readonly crashes: readonly Crash[];
  readonly rerun: RockyRun;
  readonly comparison: Comparison;
}

/** A small seeded generator (mulberry32), so a failing chain can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function crashOnce(dir: string, scenario: Scenario, kind: KillKind, random: () => number): Promise<Crash> {
  let run: RockyRun;
  let at: string;
  if (kind.endsWith("-between")) {
    const point = 1 + Math.floor(random() * scenario.points);
    const when = random() < 0.5 ? "before" : "after";
    at = `${when} ${point}`;
    const kill = kind === "host-between" ? "host" : kind === "adapter-between" ? "adapter" : "both";
    run = await runRocky(dir, { config: "faulty.toml", env: { FAULT_AT: String(point), FAULT_WHEN: when, FAULT_KILL: kill } });
  } else {
    const delay = Math.round(random() * scenario.cleanMs);
    at = `${delay} ms`;
    run = await runRocky(dir, { killAfterMs: delay, kill: kind === "host-signal" ? "host" : "adapter" });
  }
  return { kind, at, code: run.code, signal: run.signal, watermarksAhead: await watermarksAhead(dir) };
}

/** On a fresh copy of the scenario's base: `kinds.length` crashed runs in a row, then one clean run, compared with the expected. */
export async function crashChain(scenario: Scenario, kinds: readonly KillKind[], random: () => number): Promise<ChainResult> {
  const dir = copyProject(scenario.base);
  const crashes: Crash[] = [];
  for (const kind of kinds) crashes.push(await crashOnce(dir, scenario, kind, random));
  const rerun = await runRocky(dir);
  return { dir, crashes, rerun, comparison: await compareTargets(scenario.expected, dir) };
}
