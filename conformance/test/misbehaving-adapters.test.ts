import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { validate } from "@rocky/protocol";
import { testAdapter } from "../../host/src/cli/test-adapter.js";
import { silentLogger } from "../../host/src/log.js";
import { CONFORMANCE_FIXTURES } from "./helpers.js";
import { processesTagged } from "./processes.js";

const TOTAL_MS = 20_000;

/** `rocky test-adapter --output json` on a fixture: the report, the error it ended with, and how long it took. */
async function testFixture(name: string, tag: string) {
  let stdout = "";
  const sink = new Writable({ write(chunk, _enc, cb) { stdout += String(chunk); cb(); } });
  const started = Date.now();
  const command = `"${process.execPath}" ${join(CONFORMANCE_FIXTURES, `${name}.mjs`)} ${tag}`;
  const args = { command, output: "json", timeout: TOTAL_MS, "request-timeout": 500, "startup-timeout": 3000, grace: 300 } as const;
  const error = await testAdapter(args, { stdout: sink, logger: silentLogger() }).then(() => undefined, (err: unknown) => err as { code: string; message: string });
  return { report: JSON.parse(stdout) as { status: string; results: { name: string; status: string; message: string | null }[] }, error, ms: Date.now() - started };
}

const message = (report: Awaited<ReturnType<typeof testFixture>>["report"], id: string) => report.results.find((r) => r.name === id)?.message;
const NOT_RUN_AFTER_3 = "3 adapter processes in a row broke, so no more are started";

describe.concurrent("rocky test-adapter on an adapter that misbehaves at every call", () => {
  it.each([
    ["exits-after-initialize", 'the adapter exited with code 3 during "ping"', `not run: the adapter exited with code 3 during "execute_statement"; ${NOT_RUN_AFTER_3}`],
    ["never-answers-after-initialize", 'no answer to "ping" within 500 ms', `not run: no answer to "execute_statement" within 500 ms; ${NOT_RUN_AFTER_3}`],
    ["answers-garbage", 'no answer to "ping" within 500 ms', `not run: no answer to "execute_statement" within 500 ms; ${NOT_RUN_AFTER_3}`],
    // Whichever comes first on a busy machine: the 64 MiB line limit or the request deadline.
    [
      "floods-stdout",
      /^(the adapter wrote more than 64 MiB on stdout without a newline \(during connect\)|no answer to "ping" within 500 ms)$/,
      new RegExp(`^not run: (the adapter wrote more than 64 MiB on stdout without a newline \\(during drop_table\\)|no answer to "execute_statement" within 500 ms); ${NOT_RUN_AFTER_3}$`),
    ],
    ["closes-stdout-keeps-running", "the adapter closed its stdout but kept running (during connect)", `not run: the adapter closed its stdout but kept running (during drop_table); ${NOT_RUN_AFTER_3}`],
  ])("%s: prints the full report with each cause, exits 1, within the deadline, leaving no process", async (name, connect, later) => {
    const tag = `rocky-misbehaves-${name}-${process.pid}`;
    const { report, error, ms } = await testFixture(name, tag);
    expect(error).toMatchObject({ code: "CONFORMANCE_FAILED" });
    expect(validate("TestAdapterOutput", report)).toEqual([]);
    expect(report.status).toBe("failed");
    for (const [id, expected] of [["connect", connect], ["insert_into", later], ["shutdown", later], ["unknown_method", later]] as const) {
      if (typeof expected === "string") expect(message(report, id)).toBe(expected);
      else expect(message(report, id)).toMatch(expected);
    }
    expect(report.results.find((r) => r.name === "stdout_clean")?.status).toBe(name === "answers-garbage" || name === "floods-stdout" ? "failed" : "passed");
    expect(ms).toBeLessThan(TOTAL_MS);
    expect(processesTagged(tag)).toEqual([]);
  });

  it("answers-every-call-wrong-id: fails startup and responses_valid, naming the stray answer", async () => {
    const tag = `rocky-misbehaves-wrong-id-${process.pid}`;
    const { report, error, ms } = await testFixture("answers-every-call-wrong-id", tag);
    expect(error).toMatchObject({ code: "CONFORMANCE_FAILED" });
    expect(report.results.filter((r) => r.status === "failed").map((r) => r.name)).toEqual(["responses_valid", "startup"]);
    expect(message(report, "startup")).toBe("no answer to initialize within 3000 ms");
    expect(message(report, "responses_valid")).toMatch(/^1 invalid response\(s\): a response to no request in flight: "\{\\"jsonrpc\\":\\"2\.0\\",\\"id\\":1001,/);
    expect(ms).toBeLessThan(TOTAL_MS);
    expect(processesTagged(tag)).toEqual([]);
  });
});
