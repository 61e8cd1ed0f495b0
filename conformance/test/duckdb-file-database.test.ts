import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DUCKDB_EXPECTED_FAILURES, DUCKDB_MAIN, idsWith, nodeLaunch, run, scratchDir } from "./helpers.js";

describe("runConformance() on DuckDB with a database file", () => {
  const scratch = scratchDir();
  afterAll(() => scratch.remove());

  it("never runs two adapter processes at once, so the file's single-writer lock does not fail the probes", async () => {
    const report = await run(nodeLaunch(DUCKDB_MAIN, { path: join(scratch.dir, "warehouse.duckdb"), catalogs_dir: scratch.dir }), { expectedFailures: DUCKDB_EXPECTED_FAILURES });
    expect(idsWith(report, "failed")).toEqual([]);
    expect(idsWith(report, "passed")).toEqual(expect.arrayContaining(["version_negotiation", "unknown_method", "malformed_json", "exit_on_eof"]));
    expect(report.results.find((r) => r.id === "create_catalog")?.message).toMatch(/; dropped it with catalog\/drop, twice$/);
    expect(readdirSync(scratch.dir).filter((f) => f.startsWith("rc_"))).toEqual([]);
  }, 120_000);
});
