import { afterAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { CONFORMANCE_FIXTURES, DUCKDB_EXPECTED_FAILURES, duckdbConfig, idsWith, nodeLaunch, result, run, scratchDir } from "./helpers.js";
import { processesTagged } from "./processes.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());
const fixture = (name: string) => run(nodeLaunch(join(CONFORMANCE_FIXTURES, `${name}.mjs`), duckdbConfig(scratch.dir)), { expectedFailures: DUCKDB_EXPECTED_FAILURES });

describe("runConformance() on adapters with one fault", () => {
  it("fails merge_into and discover when the adapter declares them but they do not work", async () => {
    const report = await fixture("lies-about-capabilities");
    expect(idsWith(report, "failed")).toEqual(["merge_into", "discover"]);
    expect(result(report, "merge_into").message).toBe('"execute_statement" answered error -32052 (EXECUTION_FAILED): Parser Error: syntax error at or near "MERGE"');
    expect(result(report, "discover").message).toBe('"discovery/list" answered error -32603 (InternalError): discovery is not wired up yet');
  });

  it("fails only execute_batch when the adapter declares transactions but runs a batch statement by statement", async () => {
    const report = await fixture("batch-not-atomic");
    expect(idsWith(report, "failed")).toEqual(["execute_batch"]);
    expect(result(report, "execute_batch").message).toBe(
      'rows after a transactional batch whose statement 1 deleted every row and whose statement 2 failed (statement 1 must be rolled back): expected [[2,"b"],[3,"c"]], got []',
    );
    expect(result(report, "execute_batch").hint).toMatch(/^With transaction true, run the statements between BEGIN and COMMIT on one connection/);
  });

  it("fails only no_orphans when a process the adapter started outlives it, and leaves none behind itself", async () => {
    const tag = `rocky-orphan-${process.pid}-${Date.now()}`;
    const launch = { ...nodeLaunch(join(CONFORMANCE_FIXTURES, "leaves-child-behind.mjs"), duckdbConfig(scratch.dir)), env: { ORPHAN_TAG: tag } };
    const report = await run(launch, { expectedFailures: DUCKDB_EXPECTED_FAILURES });
    expect(idsWith(report, "failed")).toEqual(["no_orphans"]);
    expect(result(report, "no_orphans").message).toMatch(/^1 process\(es\) started by the adapter still ran 1000 ms after it exited: pid \d+ \(node\)$/);
    // Every session started a helper (main, probes); the runner ended them all.
    expect(processesTagged(tag)).toEqual([]);
  });

  it("fails only version_negotiation when the adapter accepts a range it does not speak", async () => {
    const report = await fixture("ignores-version-range");
    expect(idsWith(report, "failed")).toEqual(["version_negotiation"]);
    expect(result(report, "version_negotiation").message).toBe(
      "offered protocol versions 90..99, the adapter accepted (protocol_version 1); it must refuse with error -32050 (ProtocolVersionMismatch)",
    );
  });

  it("fails only malformed_json when a malformed line kills the adapter", async () => {
    const report = await fixture("dies-on-malformed-line");
    expect(idsWith(report, "failed")).toEqual(["malformed_json"]);
    expect(result(report, "malformed_json").message).toMatch(/^the adapter exited after a malformed line; last stderr: \["SyntaxError: Unexpected end of JSON input/);
  });
});
