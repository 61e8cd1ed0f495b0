import type { TestAdapterOutput } from "@rocky/protocol";
import type { ConformanceReport } from "../types.js";
import { summarize } from "./summarize.js";

/** The `--output json` document (schemas/output/test-adapter.schema.json). */
export function toJsonOutput(report: ConformanceReport): TestAdapterOutput {
  const s = summarize(report);
  return {
    command: "test-adapter",
    adapter: report.adapter,
    adapter_version: report.adapterVersion,
    sdk_version: report.sdkVersion,
    protocol_version: report.protocolVersion,
    legacy_protocol: report.legacyProtocol,
    status: s.status,
    tests_run: s.passed + s.failed,
    tests_passed: s.passed,
    tests_failed: s.failed,
    tests_skipped: s.skipped,
    unexpected_failures: s.unexpected.length,
    expected_failures: [...s.expected],
    stale_expected_failures: [...s.stale],
    duration_ms: report.durationMs,
    results: report.results.map((r) => ({
      name: r.id,
      category: r.category,
      tier: r.tier,
      status: r.status,
      message: r.message,
      hint: r.hint,
      duration_ms: r.durationMs,
      expected_failure: r.expected,
    })),
  };
}
