import { afterAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { CONFORMANCE_FIXTURES, DUCKDB_EXPECTED_FAILURES, duckdbConfig, idsWith, nodeLaunch, result, run, scratchDir } from "./helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());
const fixture = (name: string) => run(nodeLaunch(join(CONFORMANCE_FIXTURES, `${name}.mjs`), duckdbConfig(scratch.dir)), { expectedFailures: DUCKDB_EXPECTED_FAILURES });

// Each fixture is the DuckDB adapter with one fault; the named checks, and only they, must fail.
describe("runConformance() on adapters with one fault", () => {
  it("fails only stdout_clean when the adapter prints a line on stdout", async () => {
    const report = await fixture("junk-on-stdout");
    expect(idsWith(report, "failed")).toEqual(["stdout_clean"]);
    expect(result(report, "stdout_clean").message).toMatch(/^\d line\(s\) on stdout are not protocol messages: not json "Connecting to warehouse\.\.\. done" \(during startup\)/);
  });

  it("fails only shutdown when the adapter never answers shutdown", async () => {
    const report = await fixture("ignores-shutdown");
    expect(idsWith(report, "failed")).toEqual(["shutdown"]);
    expect(result(report, "shutdown").message).toBe('no answer to "shutdown" within 1000 ms');
  });

  it("fails only describe_table when the adapter dies serving it, and carries on in a new process", async () => {
    const report = await fixture("crashes-mid-request");
    expect(idsWith(report, "failed")).toEqual(["describe_table"]);
    expect(result(report, "describe_table").message).toBe('the adapter exited with code 3 during "describe_table"; last stderr lines: "fatal: segfault in the warehouse driver"');
  });

  it("fails only describe_table when the adapter never answers it", async () => {
    const report = await fixture("never-answers");
    expect(idsWith(report, "failed")).toEqual(["describe_table"]);
    expect(result(report, "describe_table").message).toBe('no answer to "describe_table" within 4000 ms');
  });

  it("fails describe_table and responses_valid when the adapter answers with the wrong id", async () => {
    const report = await fixture("answers-wrong-id");
    expect(idsWith(report, "failed")).toEqual(["describe_table", "responses_valid"]);
    expect(result(report, "describe_table").message).toMatch(/^no answer to "describe_table" within 4000 ms; meanwhile a response matching no request arrived: \{"jsonrpc":"2\.0","id":10\d\d,/);
    expect(result(report, "responses_valid").message).toMatch(/^1 invalid response\(s\): a response to no request in flight: .* \(during describe_table\)$/);
  });
});
