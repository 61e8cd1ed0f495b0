import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DUCKDB_MAIN, idsWith, nodeLaunch, run, scratchDir } from "./helpers.js";

describe("runConformance() on DuckDB with a database file", () => {
  const scratch = scratchDir();
  afterAll(() => scratch.remove());

  it("never runs two adapter processes at once, so the file's single-writer lock does not fail the probes", async () => {
    const report = await run(nodeLaunch(DUCKDB_MAIN, { path: join(scratch.dir, "warehouse.duckdb"), catalogs_dir: scratch.dir }));
    expect(idsWith(report, "failed")).toEqual([]);
    expect(idsWith(report, "passed")).toEqual(expect.arrayContaining(["version_negotiation", "unknown_method", "malformed_json", "exit_on_eof"]));
  }, 120_000);
});
