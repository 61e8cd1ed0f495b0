import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { validate } from "@rocky/protocol";
import { CHECKS } from "../src/check-catalog.js";
import { formatHuman } from "../src/report/format-human.js";
import { formatJunit } from "../src/report/format-junit.js";
import { summarize } from "../src/report/summarize.js";
import { toJsonOutput } from "../src/report/to-json-output.js";
import type { CheckResult, ConformanceReport } from "../src/types.js";

function report(overrides: Record<string, Partial<CheckResult>>, stale: string[] = []): ConformanceReport {
  const results = CHECKS.map((c): CheckResult => ({
    id: c.id, category: c.category, tier: c.tier, status: "passed", message: null, hint: null, durationMs: 2, expected: false, ...overrides[c.id],
  }));
  return { adapter: "demo", adapterVersion: "1.0.0", sdkVersion: "0.1.0", protocolVersion: 1, legacyProtocol: false, manifest: null, results, staleExpectedFailures: stale, durationMs: 1234 };
}

const allSkipped = Object.fromEntries(CHECKS.map((c) => [c.id, { status: "skipped" as const, message: "not selected" }]));

describe("summarize()", () => {
  it("fails on an unexpected failure", () => {
    expect(summarize(report({ merge_into: { status: "failed", message: "boom" } })).status).toBe("failed");
  });

  it("passes when every failure is expected", () => {
    const s = summarize(report({ merge_into: { status: "failed", message: "boom", expected: true } }));
    expect(s).toMatchObject({ status: "passed", failed: 1, unexpected: [], expected: ["merge_into"] });
  });

  it("fails on a stale expected failure", () => {
    expect(summarize(report({}, ["merge_into"]))).toMatchObject({ status: "failed", stale: ["merge_into"], unexpected: [] });
  });

  it("says skipped when nothing ran", () => {
    expect(summarize(report(allSkipped)).status).toBe("skipped");
  });
});

describe("formatHuman()", () => {
  it("marks failures with the message and hint, expected failures, and stale entries", () => {
    const text = formatHuman(report({
      describe_table: { status: "failed", message: "not yet implemented:\n  fill in", hint: "Fill in describe_table in adapter.py" },
      merge_into: { status: "failed", message: "boom", expected: true },
      discover: { status: "skipped", message: 'the adapter does not declare capability "discovery"' },
    }, ["row_hash"]), { expectedFailuresFile: "expected.txt" });
    expect(text).toContain('  X describe_table          core      FAILED: not yet implemented: fill in\n      hint: Fill in describe_table in adapter.py\n');
    expect(text).toContain("  X merge_into              optional  FAILED (expected): boom\n");
    expect(text).toContain('  - discover                optional  SKIPPED (the adapter does not declare capability "discovery")\n');
    expect(text).toContain("Result: 43 passed, 2 failed (1 expected), 1 skipped (core 34/35 passed, optional 9/10 passed) in 1.2s\n");
    expect(text).toContain("Stale expected failures (these now pass; remove them from expected.txt): row_hash\n");
  });

  it("says loudly when nothing ran", () => {
    expect(formatHuman(report(allSkipped))).toContain("NO CONFORMANCE CHECK RAN: every check was skipped, so nothing about this adapter was verified.");
  });
});

describe("toJsonOutput()", () => {
  it("matches TestAdapterOutput, counting expected failures as failed but not unexpected", () => {
    const out = toJsonOutput(report({ merge_into: { status: "failed", message: "boom", expected: true }, discover: { status: "skipped", message: "x" } }));
    expect(validate("TestAdapterOutput", out)).toEqual([]);
    expect(out).toMatchObject({ status: "passed", tests_run: 45, tests_passed: 44, tests_failed: 1, tests_skipped: 1, unexpected_failures: 0, expected_failures: ["merge_into"] });
    expect(out.results.find((r) => r.name === "merge_into")).toEqual({
      name: "merge_into", category: "dml", tier: "optional", status: "failed", message: "boom", hint: null, duration_ms: 2, expected_failure: true,
    });
  });
});

describe("formatJunit()", () => {
  it("writes well-formed XML with failures, skips and escaped text", () => {
    const xml = formatJunit(report({
      connect: { status: "failed", message: `bad <xml> & "quotes" \u0001 'here'`, hint: "fix it" },
      merge_into: { status: "failed", message: "boom", expected: true },
      discover: { status: "skipped", message: "not declared" },
    }, ["row_hash"]));
    const script = [
      "import sys, xml.etree.ElementTree as ET",
      "r = ET.fromstring(sys.stdin.read())",
      "print(r.get('tests'), r.get('failures'), r.get('skipped'))",
      "c = r.find(\"testsuite/testcase[@name='connect']/failure\")",
      "print(c.get('message'))",
      "print(r.find(\"testsuite/testcase[@name='row_hash']/failure\").get('type'))",
    ].join("\n");
    expect(execFileSync("python3", ["-c", script], { input: xml, encoding: "utf8" })).toBe(`46 2 2\nbad <xml> & "quotes" \uFFFD 'here'\nstale-expected-failure\n`);
  });
});
