import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crashChain, KILL_KINDS, seededRandom } from "./crash-chain.js";
import { prepareScenario, type Scenario } from "./crash-project.js";

// Issue 13, from nothing: the target catalog, schemas and tables do not exist yet, so a crash can hit their creation, a
// first full copy, a first model build or the first watermark; a clean run afterwards must leave what one clean run does.
let scenario: Scenario;
const dirs: string[] = [];
const SEED = Number(process.env.ROCKY_CRASH_SEED ?? 31);

beforeAll(async () => {
  scenario = await prepareScenario({ rows: 300, nextRun: false });
  dirs.push(scenario.base, scenario.expected);
}, 120_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("crash chains on a first run", () => {
  const random = seededRandom(SEED);
  it.each(KILL_KINDS)("%s leaves the targets equal to one clean run", async (kind) => {
    const result = await crashChain(scenario, [kind], random);
    dirs.push(result.dir);
    const story = `seed ${SEED}: ${result.crashes.map((c) => `${c.kind} at ${c.at} (exit ${c.code ?? c.signal})`).join(", ")}`;
    expect(result.crashes.flatMap((c) => c.watermarksAhead), story).toEqual([]);
    expect(result.rerun.code, `${story}\n${result.rerun.stderr}`).toBe(0);
    expect(result.comparison.differences, story).toEqual([]);
    expect(result.comparison.tables).toBe(10);
  });
});
