import type { CheckResult, RunPipelineResult } from "@rocky/protocol";

/** Rows of the human run table: each check that did not pass (passing ones are counted in the summary line). */
export function checkRows(items: readonly { readonly checks?: readonly CheckResult[] }[]) {
  return items.flatMap((i) => i.checks ?? []).filter((c) => c.status === "failed").map((c) => ({
    table: c.target, strategy: "check", rows: "-", time: "-", status: c.severity === "error" ? "FAILED" : "warn", detail: `${c.name}: ${c.message}`,
  }));
}

/** "checks: 12 passed, 1 failed (0 error), 1 warning" or nothing when no check ran. */
export function checkSummary(pipelines: readonly RunPipelineResult[]): string {
  const checks = pipelines.flatMap((p) => [...p.tables, ...(p.models ?? [])].flatMap((i) => i.checks ?? []));
  if (checks.length === 0) return "";
  const failed = checks.filter((c) => c.status === "failed");
  const errors = failed.filter((c) => c.severity === "error").length;
  return `checks: ${checks.length - failed.length} passed, ${errors} failed, ${failed.length - errors} warned\n`;
}
