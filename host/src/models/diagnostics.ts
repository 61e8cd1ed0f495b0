import type { Diagnostic, DiagnosticLocation } from "@rocky/protocol";
import { isRockyError, RockyError, type RockyErrorCode } from "../errors.js";

export type { Diagnostic, DiagnosticLocation } from "@rocky/protocol";

export interface DiagnosticInit {
  readonly code: RockyErrorCode;
  readonly message: string;
  readonly severity?: "error" | "warning";
  readonly hint?: string | undefined;
  readonly location?: DiagnosticLocation | undefined;
  readonly model?: string | undefined;
}

export function diagnostic(init: DiagnosticInit): Diagnostic {
  return {
    code: init.code,
    severity: init.severity ?? "error",
    message: init.message,
    ...(init.hint === undefined ? {} : { hint: init.hint }),
    ...(init.location === undefined ? {} : { location: init.location }),
    ...(init.model === undefined ? {} : { model: init.model }),
  };
}

/** A RockyError becomes a diagnostic; anything else is rethrown (it is a bug, not a finding). */
export function diagnosticFromError(err: unknown, model?: string, fallback?: DiagnosticLocation): Diagnostic {
  if (!isRockyError(err)) throw err;
  return diagnostic({ code: err.code, message: err.message, hint: err.hint, location: err.location ?? fallback, model });
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** `models/orders.toml:4:3: error: message (MODEL_INVALID)` then an indented hint, as compilers print them. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location
    ? `${d.location.file}${d.location.line === undefined ? "" : `:${d.location.line}`}${d.location.column === undefined ? "" : `:${d.location.column}`}: `
    : "";
  const key = d.location?.key ? ` [${d.location.key}]` : "";
  return `${where}${d.severity}: ${d.message}${key} (${d.code})${d.hint ? `\n  hint: ${d.hint}` : ""}`;
}

/** Errors first, then by file, line and column, so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.severity === "error" ? 0 : 1);
  return [...diagnostics].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.location?.file ?? "").localeCompare(b.location?.file ?? "") ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      (a.location?.column ?? 0) - (b.location?.column ?? 0),
  );
}

/** Errors found in `what` ("the models of pipeline \"silver\""), as one RockyError: the only one as is, or a list. */
export function diagnosticsError(what: string, errors: readonly Diagnostic[]): RockyError {
  const [first] = errors;
  if (errors.length === 1 && first) {
    return new RockyError(first.code as RockyErrorCode, first.message, {
      ...(first.hint ? { hint: first.hint } : {}),
      ...(first.location ? { location: first.location } : {}),
    });
  }
  return new RockyError("MODEL_INVALID", `${errors.length} errors in ${what}:\n${errors.map((e) => `  ${formatDiagnostic(e).replace(/\n/g, "\n  ")}`).join("\n")}`, {
    hint: "Fix each one; `rocky compile` lists them with their locations",
  });
}
