import type { ConformanceReport } from "../types.js";

export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly unexpected: readonly string[];
  readonly expected: readonly string[];
  readonly stale: readonly string[];
  readonly core: { readonly passed: number; readonly run: number };
  readonly optional: { readonly passed: number; readonly run: number };
  /** failed: an unexpected failure or a stale expected failure; skipped: nothing ran. */
  readonly status: "passed" | "failed" | "skipped";
}

export function summarize(report: ConformanceReport): Summary {
  const count = (pred: (r: ConformanceReport["results"][number]) => boolean) => report.results.filter(pred).length;
  const failedResults = report.results.filter((r) => r.status === "failed");
  const unexpected = failedResults.filter((r) => !r.expected).map((r) => r.id);
  const passed = count((r) => r.status === "passed");
  const failed = failedResults.length;
  const tier = (t: "core" | "optional") => ({
    passed: count((r) => r.tier === t && r.status === "passed"),
    run: count((r) => r.tier === t && r.status !== "skipped"),
  });
  const status = unexpected.length > 0 || report.staleExpectedFailures.length > 0 ? "failed" : passed + failed === 0 ? "skipped" : "passed";
  return {
    passed,
    failed,
    skipped: count((r) => r.status === "skipped"),
    unexpected,
    expected: failedResults.filter((r) => r.expected).map((r) => r.id),
    stale: report.staleExpectedFailures,
    core: tier("core"),
    optional: tier("optional"),
    status,
  };
}
