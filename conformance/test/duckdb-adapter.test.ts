import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validate } from "@rocky/protocol";
import { formatJunit } from "../src/report/format-junit.js";
import { formatHuman } from "../src/report/format-human.js";
import { toJsonOutput } from "../src/report/to-json-output.js";
import type { ConformanceReport } from "../src/types.js";
import { DUCKDB_EXPECTED_FAILURES, DUCKDB_MAIN, duckdbConfig, idsWith, nodeLaunch, result, run, scratchDir } from "./helpers.js";

describe("runConformance() on the first-party DuckDB adapter", () => {
  const scratch = scratchDir();
  let report: ConformanceReport;
  beforeAll(async () => {
    report = await run(nodeLaunch(DUCKDB_MAIN, duckdbConfig(scratch.dir)), { expectedFailures: DUCKDB_EXPECTED_FAILURES });
  }, 120_000);
  afterAll(() => scratch.remove());

  it("passes every check and skips only governance, which it does not declare", () => {
    expect(idsWith(report, "failed")).toEqual([]);
    expect(idsWith(report, "skipped")).toEqual(["set_tags", "get_grants"]);
    expect(result(report, "set_tags").message).toBe('the adapter does not declare capability "governance"');
    expect(idsWith(report, "passed")).toHaveLength(44);
    expect(idsWith(report, "passed")).toContain("execute_batch");
    expect(report).toMatchObject({ adapter: "duckdb", adapterVersion: "0.1.0", protocolVersion: 1, legacyProtocol: false, staleExpectedFailures: [] });
  });

  it("runs the dialect checks through the adapter's dialect/* methods", () => {
    expect(result(report, "watermark_where").message).toBe(`WHERE "updated_at" > CAST(? AS TIMESTAMP) (the adapter's dialect/* methods)`);
    expect(result(report, "cancellation").message).toMatch(/^answered -32800 \d+ ms after \$\/cancelRequest$/);
    expect(result(report, "large_message").message).toBe("4.0 MB each way");
  });

  it("writes JSON output valid against TestAdapterOutput", () => {
    const out = toJsonOutput(report);
    expect(validate("TestAdapterOutput", out)).toEqual([]);
    expect(out).toMatchObject({ adapter: "duckdb", status: "passed", tests_run: 44, tests_passed: 44, tests_failed: 0, tests_skipped: 2, unexpected_failures: 0 });
    expect(out.results[0]).toMatchObject({ name: "connect", category: "connection", tier: "core", status: "passed" });
  });

  it("writes JUnit XML that an XML parser reads as 46 test cases", () => {
    const script = "import sys, xml.etree.ElementTree as ET; r = ET.fromstring(sys.stdin.read()); print(r.tag, r.get('tests'), r.get('failures'), r.get('skipped'), len(r.findall('testsuite/testcase')))";
    expect(execFileSync("python3", ["-c", script], { input: formatJunit(report), encoding: "utf8" }).trim()).toBe("testsuites 46 0 2 46");
  });

  it("prints a human report grouped by category with the totals", () => {
    const text = formatHuman(report);
    expect(text.split("\n")[0]).toBe("Adapter conformance: duckdb (0.1.0, SDK 0.1.0, protocol 1)");
    expect(text).toContain("\nGovernance:\n  - set_tags                optional  SKIPPED (the adapter does not declare capability \"governance\")\n");
    expect(text).toMatch(/\nResult: 44 passed, 0 failed, 2 skipped \(core 35\/35 passed, optional 9\/9 passed\) in \d+\.\ds\n$/);
  });
});
