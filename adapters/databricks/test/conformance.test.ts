import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAIN } from "./adapter-process.js";
import { startDatabricksServer, type DatabricksServer } from "./server/databricks-server.js";

const ROCKY = join(resolve(import.meta.dirname, "..", "..", ".."), "host", "dist", "main.js");
const TOKEN = "dapi-CONFORMANCE-7a6b5c4d3e2f1a0b";

interface Report {
  status: string;
  tests_failed: number;
  results: Array<{ name: string; status: string; message?: string }>;
}

describe("rocky test-adapter against the local Databricks server", () => {
  let server: DatabricksServer;
  let dir: string;
  beforeAll(async () => {
    server = await startDatabricksServer({ pats: [TOKEN], chunkRows: 2 });
    dir = mkdtempSync(join(tmpdir(), "rocky-dbx-conf-"));
    writeFileSync(join(dir, "databricks.json"), JSON.stringify({ host: server.url, http_path: `/sql/1.0/warehouses/${server.state.warehouseId}`, wait_timeout_seconds: 5 }));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("passes every check the adapter declares, governance, batch describes and workspace bindings included", async () => {
    const { stdout, code } = await new Promise<{ stdout: string; code: number }>((done) =>
      execFile(
        process.execPath,
        [ROCKY, "test-adapter", "--command", `${process.execPath} ${MAIN}`, "--config", join(dir, "databricks.json"), "--output", "json"],
        { env: { ...process.env, DATABRICKS_TOKEN: TOKEN, ROCKY_LOG: "warn" } },
        (err, out) => done({ stdout: out, code: err && typeof err.code === "number" ? err.code : err ? 1 : 0 }),
      ),
    );
    const report = JSON.parse(stdout) as Report;
    const failed = report.results.filter((r) => r.status === "failed").map((r) => `${r.name}: ${r.message}`);
    expect(failed).toEqual([]);
    expect(report.results.filter((r) => r.status === "skipped").map((r) => r.name)).toEqual(["execute_batch"]);
    for (const id of ["set_tags", "get_grants", "apply_grants", "workspace_bindings", "batch_describe", "query_paging", "cancellation", "discover"]) {
      expect(report.results.find((r) => r.name === id)?.status, id).toBe("passed");
    }
    expect(code).toBe(0);
    expect(stdout).not.toContain(TOKEN);
  });
});
