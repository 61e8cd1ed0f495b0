import type { RunError } from "@rocky/protocol";
import { isRockyError } from "../errors.js";

/** An error as recorded in run results: code, message and hint, never a stack. */
export function toRunError(err: unknown): RunError {
  if (isRockyError(err)) return { code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}) };
  return { code: "INTERNAL", message: err instanceof Error ? err.message : String(err) };
}
