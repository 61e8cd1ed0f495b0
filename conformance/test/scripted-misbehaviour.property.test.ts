import { execFile } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "@rocky/protocol";
import { CHECKS } from "../src/check-catalog.js";
import { formatHuman } from "../src/report/format-human.js";
import { formatJunit } from "../src/report/format-junit.js";
import { summarize } from "../src/report/summarize.js";
import { toJsonOutput } from "../src/report/to-json-output.js";
import { ADAPTER_FIXTURES, CONFORMANCE_FIXTURES, ROOT, run } from "./helpers.js";
import { processesTagged } from "./processes.js";

const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);
const TIMEOUTS = { startupMs: 2_000, requestMs: 400, graceMs: 300, cancelMs: 500, totalMs: 8_000 };
/** Killing what is left and writing the report, after the deadline. */
const WIND_DOWN_MS = 3_000;
const SCRIPTED = join(CONFORMANCE_FIXTURES, "scripted-misbehaviour.mjs");

// Each seed makes the adapter answer, exit, go silent, answer under a wrong id, answer garbage, flood stdout or close
// it, request by request. Whatever it does, the run ends with a report of every check, failed, in time, with no process left.
describe("runConformance() against an adapter that picks a misbehaviour per call from a seed", () => {
  it.each(SEEDS)("seed %i: a complete failed report within the deadline, no process left", { concurrent: true, timeout: 30_000 }, async (seed) => {
    const tag = `rocky-scripted-${process.pid}-${seed}`;
    const started = Date.now();
    const report = await run({ label: `scripted ${seed}`, command: [process.execPath, SCRIPTED, String(seed), tag], config: {} }, { timeouts: TIMEOUTS });
    expect(Date.now() - started).toBeLessThan(TIMEOUTS.totalMs + WIND_DOWN_MS);
    expect(report.results.map((r) => r.id).sort()).toEqual(CHECKS.map((c) => c.id).sort());
    expect(summarize(report).status).toBe("failed");
    for (const r of report.results.filter((x) => x.status === "failed")) expect(r.message).toMatch(/\S/);
    expect(validate("TestAdapterOutput", JSON.parse(JSON.stringify(toJsonOutput(report))))).toEqual([]);
    expect(formatJunit(report)).toMatch(/^<\?xml[\s\S]*<\/testsuites>\n?$/);
    expect(formatHuman(report)).toMatch(/\nResult: \d+ passed, [1-9]\d* failed/);
    expect(processesTagged(tag)).toEqual([]);
  });
});

describe("rocky test-adapter --timeout", () => {
  it("writes the report when the total deadline passes: the check in flight not finished, the rest not run, exit 1", async () => {
    const tag = `rocky-deadline-${process.pid}`;
    const adapter = join(ADAPTER_FIXTURES, "original_sqlite_adapter.py");
    const started = Date.now();
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = execFile(process.execPath, [join(ROOT, "host", "dist", "main.js"), "test-adapter", "--command", `python3 ${adapter} ${tag}`, "--timeout", "1500", "--output", "json"], { env: { ...process.env, ROCKY_LOG: "silent" } }, (_err, out) => resolve({ code: child.exitCode, stdout: out }));
    });
    expect(Date.now() - started).toBeLessThan(1500 + WIND_DOWN_MS + 2_000);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { results: { name: string; status: string; message: string | null }[] };
    expect(validate("TestAdapterOutput", report)).toEqual([]);
    const messages = report.results.filter((r) => r.status === "failed").map((r) => r.message);
    expect(messages.filter((m) => m === "not finished: the total deadline of 1500 ms passed")).toHaveLength(1);
    expect(messages.filter((m) => m === "not run: the total deadline of 1500 ms passed").length).toBeGreaterThan(0);
    expect(processesTagged(tag)).toEqual([]);
  });
});
