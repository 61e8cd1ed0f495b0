import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crashChain, seededRandom, type KillKind } from "./crash-chain.js";
import { prepareScenario, type Scenario } from "./crash-project.js";

// Issue 13 for the strategies only Databricks (materialized_view) and Snowflake (dynamic_table) have: each adapter is
// the fault proxy posing as that warehouse over its own DuckDB file, so both are crashed like the DuckDB strategies.
let scenario: Scenario;
const dirs: string[] = [];
const SEED = Number(process.env.ROCKY_CRASH_SEED ?? 47);
const KINDS: readonly KillKind[] = ["host-between", "adapter-between", "host-signal"];

beforeAll(async () => {
  scenario = await prepareScenario({ rows: 300, nextRun: true, kind: "warehouses" });
  dirs.push(scenario.base, scenario.expected);
}, 120_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("crash chains over materialized_view and dynamic_table models", () => {
  const random = seededRandom(SEED);
  it.each(KINDS)("%s leaves the targets equal to one clean run", async (kind) => {
    const result = await crashChain(scenario, [kind], random);
    dirs.push(result.dir);
    const story = `seed ${SEED}: ${result.crashes.map((c) => `${c.kind} at ${c.at} (exit ${c.code ?? c.signal})`).join(", ")}`;
    expect(result.rerun.code, `${story}\n${result.rerun.stderr}`).toBe(0);
    expect(result.comparison.differences, story).toEqual([]);
    expect(result.comparison.tables).toBe(2);
    expect(result.comparison.rowsCompared).toBe(34);
  });
});
