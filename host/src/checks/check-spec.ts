import type { CheckResult } from "@rocky/protocol";
import { globToRegExp } from "../pipeline/table-filter.js";

export type Severity = CheckResult["severity"];
export type CheckKind = CheckResult["kind"];

/** "warning" (the original's spelling) and "warn" both report without failing. */
export function severityOf(configured: string | undefined, fallback: Severity): Severity {
  if (configured === undefined) return fallback;
  return configured === "error" ? "error" : "warn";
}

/** A `tables` list of globs: no list matches every table. */
export function matchesTables(globs: readonly string[] | undefined, table: string): boolean {
  return globs === undefined || globs.some((g) => globToRegExp(g).test(table));
}

/** What a check found: the host adds the name, target, severity and duration. */
export interface CheckVerdict {
  readonly passed: boolean;
  readonly message: string;
  readonly observed: number | null;
  readonly threshold?: number | null;
}

export interface CheckIdentity {
  readonly name: string;
  readonly kind: CheckKind;
  readonly target: string;
  readonly severity: Severity;
}

/** Runs one check; a check that cannot run (bad SQL, missing table) is a failed check saying why, never a crash. */
export async function evaluate(id: CheckIdentity, fn: () => Promise<CheckVerdict> | CheckVerdict): Promise<CheckResult> {
  const started = performance.now();
  let verdict: CheckVerdict;
  try {
    verdict = await fn();
  } catch (err) {
    verdict = { passed: false, message: `could not run: ${err instanceof Error ? err.message : String(err)}`, observed: null };
  }
  return {
    ...id,
    status: verdict.passed ? "passed" : "failed",
    message: verdict.message,
    observed: verdict.observed,
    threshold: verdict.threshold ?? null,
    duration_ms: Math.round(performance.now() - started),
  };
}

/** Error-severity failures: what fails a table or model (and skips what reads it). */
export function blockingFailures(checks: readonly CheckResult[]): CheckResult[] {
  return checks.filter((c) => c.status === "failed" && c.severity === "error");
}
