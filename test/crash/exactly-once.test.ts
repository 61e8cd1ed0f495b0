import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareTargets, watermarksAhead } from "./compare-targets.js";
import { copyProject, prepareScenario, type Scenario } from "./crash-project.js";
import { runRocky } from "./crash-run.js";

// Issue 13: a copy committed in the warehouse just before the host died must not be committed again by the next run.
let scenario: Scenario;
const dirs: string[] = [];

beforeAll(async () => {
  scenario = await prepareScenario(300);
  dirs.push(scenario.base, scenario.expected);
}, 120_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Kills the host right after DuckDB answers the first request matching `match`, reruns, and compares with a clean run. */
async function killAfter(match: string, kill: "host" | "adapter" | "both" = "host") {
  const dir = copyProject(scenario.base);
  dirs.push(dir);
  const crashed = await runRocky(dir, { config: "faulty.toml", env: { FAULT_AT: "1", FAULT_MATCH: match, FAULT_KILL: kill } });
  const ahead = await watermarksAhead(dir);
  const rerun = await runRocky(dir);
  return { crashed, ahead, rerun, comparison: await compareTargets(scenario.expected, dir) };
}

describe("a rerun after the host died between a copy and its watermark", () => {
  it("does not copy an incremental replication's rows twice", async () => {
    const r = await killAfter('^execute_statement INSERT INTO "lake"."acme__shop"."orders"');
    expect(r.crashed.signal).toBe("SIGKILL");
    expect(r.ahead).toEqual([]);
    expect(r.rerun.code).toBe(0);
    expect(r.comparison.differences).toEqual([]);
    expect(r.comparison.tables).toBe(12);
  });

  it("does not insert an incremental model's rows twice", async () => {
    const r = await killAfter('^execute_statement INSERT INTO "lake"."silver"."m_incremental"');
    expect(r.crashed.signal).toBe("SIGKILL");
    expect(r.ahead).toEqual([]);
    expect(r.rerun.code).toBe(0);
    expect(r.comparison.differences).toEqual([]);
  });

  it("does not merge twice into a merge model", async () => {
    const r = await killAfter('^execute_statement MERGE INTO "lake"."silver"."m_merge"');
    expect(r.rerun.code).toBe(0);
    expect(r.comparison.differences).toEqual([]);
  });

  it("rebuilds a time_interval partition whose MERGE committed but was never recorded", async () => {
    const r = await killAfter('^execute_statement MERGE INTO "lake"."silver"."m_time_interval"');
    expect(r.rerun.code).toBe(0);
    expect(r.comparison.differences).toEqual([]);
  });
});
