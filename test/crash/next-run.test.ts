import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crashChain, KILL_KINDS, seededRandom, type ChainResult } from "./crash-chain.js";
import { compareTargets, watermarksAhead } from "./compare-targets.js";
import { copyProject, prepareScenario, type Scenario } from "./crash-project.js";
import { runRocky } from "./crash-run.js";

// Issue 13: whatever dies when, a crashed run followed by a clean one leaves every target equal, row for row, to one
// clean run. The scenario is a second run: incremental replication, full refresh, and the models incremental, merge,
// full_refresh and time_interval (--missing) all past their first run.
let scenario: Scenario;
const dirs: string[] = [];
const SEED = Number(process.env.ROCKY_CRASH_SEED ?? 13);

beforeAll(async () => {
  scenario = await prepareScenario({ rows: 300, nextRun: true });
  dirs.push(scenario.base, scenario.expected);
}, 120_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Kills what `kill` names right after DuckDB answers the first request matching `match`, reruns, compares with a clean run. */
async function killAfter(match: string, kill: "host" | "adapter" | "both" = "host") {
  const dir = copyProject(scenario.base);
  dirs.push(dir);
  const crashed = await runRocky(dir, { config: "faulty.toml", env: { FAULT_AT: "1", FAULT_MATCH: match, FAULT_KILL: kill } });
  const ahead = await watermarksAhead(dir);
  const rerun = await runRocky(dir);
  return { crashed, ahead, rerun, comparison: await compareTargets(scenario.expected, dir) };
}

describe("a rerun after the host died between a committed statement and what follows it", () => {
  it("does not copy an incremental replication's rows twice", async () => {
    const r = await killAfter('^execute_statement INSERT INTO "lake"."acme__shop"."orders"');
    expect(r.crashed.signal).toBe("SIGKILL");
    expect(r.ahead).toEqual([]);
    expect(r.rerun.code).toBe(0);
    expect(r.comparison.differences).toEqual([]);
    expect(r.comparison.tables).toBe(10);
  });

  it("does not insert an incremental model's rows twice", async () => {
    const r = await killAfter('^execute_statement INSERT INTO "lake"."silver"."m_incremental"');
    expect(r.crashed.signal).toBe("SIGKILL");
    expect(r.ahead).toEqual([]);
    expect(r.rerun.code).toBe(0);
    expect(r.comparison.differences).toEqual([]);
  });

  it("leaves a merge model as one merge would", async () => {
    const r = await killAfter('^execute_statement MERGE INTO "lake"."silver"."m_merge"');
    expect(r.crashed.signal).toBe("SIGKILL");
    expect(r.rerun.code).toBe(0);
    expect(r.comparison.differences).toEqual([]);
  });

  it("rebuilds a time_interval partition whose MERGE committed but was never recorded", async () => {
    const r = await killAfter('^execute_statement MERGE INTO "lake"."silver"."m_time_interval"');
    expect(r.crashed.signal).toBe("SIGKILL");
    expect(r.rerun.code).toBe(0);
    expect(r.comparison.differences).toEqual([]);
  });
});

describe("crash chains: runs killed at random points, then one clean run", () => {
  const random = seededRandom(SEED);
  // Each chain: a crashed run, then a clean one (`npm run bench crash` runs thousands, several crashes in a row).
  it.each(KILL_KINDS)("%s leaves the targets equal to one clean run", async (kind) => {
    const result: ChainResult = await crashChain(scenario, [kind], random);
    dirs.push(result.dir);
    const story = `seed ${SEED}: ${result.crashes.map((c) => `${c.kind} at ${c.at} (exit ${c.code ?? c.signal})`).join(", ")}`;
    expect(result.crashes.flatMap((c) => c.watermarksAhead), story).toEqual([]);
    expect(result.rerun.code, `${story}\n${result.rerun.stderr}`).toBe(0);
    expect(result.comparison.differences, story).toEqual([]);
    expect(result.comparison.tables).toBe(10);
  });
});
