import type { CheckResult, RunError } from "@rocky/protocol";
import type { RunEvents } from "../events/run-events.js";
import { blockingFailures } from "./check-spec.js";

/** One check_finished per check (Dagster Pipes turns each into a report_asset_check). */
export function emitChecks(events: RunEvents | undefined, pipeline: string, checks: readonly CheckResult[]): void {
  for (const c of checks) {
    events?.emit({
      type: "check_finished", pipeline, target: c.target, check: c.name, severity: c.severity,
      status: c.status === "passed" ? "succeeded" : "failed", message: c.message, duration_ms: c.duration_ms,
    });
  }
}

/** The error of a table or model failed by its checks, or undefined when none of error severity failed. */
export function checksError(what: string, checks: readonly CheckResult[]): RunError | undefined {
  const failed = blockingFailures(checks);
  if (failed.length === 0) return undefined;
  return {
    code: "CHECK_FAILED",
    message: `${failed.length} error-severity check${failed.length === 1 ? "" : "s"} failed on ${what}: ${failed.map((c) => `${c.name} (${c.message})`).join("; ")}`,
    hint: "Fix the data or the check; `rocky check` reruns the checks alone. Set severity = \"warning\" to only report it",
  };
}
