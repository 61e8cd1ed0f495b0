import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rocky } from "../../../test/e2e/helpers.js";
import { startFixture, type Fixture } from "./snowflake-fixture.js";

let f: Fixture;

beforeAll(async () => {
  f = await startFixture({ partitionRows: 3 });
});

afterAll(async () => {
  await f.close();
});

/** Capabilities the Snowflake adapter does not declare: discovery and Databricks' workspace bindings. */
const UNDECLARED = new Set(["discover", "workspace_bindings"]);

interface Report {
  readonly status: string;
  readonly results: ReadonlyArray<{ name: string; status: string; message?: string }>;
}

describe("rocky test-adapter --adapter snowflake", () => {
  it("passes every check the adapter declares, against the test server", async () => {
    // A 429 on the way in: the suite must not notice.
    f.server.ctx.faults.rateLimit = 1;
    const config = JSON.stringify(f.config.keyPair({ database: "ROCKY", schema: "PUBLIC" }));
    const r = await rocky(f.dir, "test-adapter", "--adapter", "snowflake", "--project", "none", "--adapter-config", config, "--long-query", "SELECT SYSTEM$WAIT(60)", "--output", "json");
    const report = JSON.parse(r.stdout) as Report;
    const byStatus = (s: string) => report.results.filter((c) => c.status === s).map((c) => c.name);
    expect(byStatus("failed"), JSON.stringify(report.results.filter((c) => c.status === "failed"))).toEqual([]);
    // Only the checks of capabilities the adapter does not declare are skipped.
    expect(byStatus("skipped").filter((id) => !UNDECLARED.has(id))).toEqual([]);
    expect(byStatus("passed").length).toBe(report.results.length - byStatus("skipped").length);
    expect(byStatus("passed")).toEqual(expect.arrayContaining(["execute_batch", "query_paging", "cancellation", "set_tags", "get_grants", "create_catalog", "batch_freshness"]));
    expect(report.status).toBe("passed");
    expect(r.exitCode).toBe(0);
    expect(f.server.ctx.log.filter((e) => e.status === 429)).toHaveLength(1);
  }, 120_000);
});
