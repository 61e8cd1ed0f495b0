import type { CheckStatus } from "./types.js";
import { AdapterExitedError, CheckFailure, CheckSkipped, DeadlineError, NoAnswerError, ReplyError, SessionBrokenError } from "./wire/wire-faults.js";

export interface Outcome {
  readonly status: CheckStatus;
  readonly message: string | null;
  readonly hint: string | null;
}

export const passed = (message?: string | void): Outcome => ({ status: "passed", message: message || null, hint: null });
export const skipped = (message: string): Outcome => ({ status: "skipped", message, hint: null });
export const failed = (message: string, hint?: string): Outcome => ({ status: "failed", message, hint: hint ?? null });

/** What a check threw, as a result: stubs become "not yet implemented" with the method to fill in. */
export function outcomeOf(err: unknown): Outcome {
  if (err instanceof CheckSkipped) return skipped(err.message);
  if (err instanceof CheckFailure) return failed(err.message, err.hint);
  if (err instanceof ReplyError) {
    if (err.notImplemented) {
      const what = err.wireMessage.replace(/^not (yet )?implemented:?\s*/i, "");
      return failed(`not yet implemented: ${what} ("${err.method}" answered ${err.code})`, err.dataHint ?? `Fill in the adapter's "${err.method}" method`);
    }
    return failed(`${err.message}`, err.dataHint);
  }
  if (err instanceof NoAnswerError) {
    return failed(`${err.message}`, "Every request must be answered exactly once, with its id; check the adapter for a hang or a dropped request");
  }
  if (err instanceof AdapterExitedError) return failed(err.message, "Run the adapter by hand with the same config and request to see why it exits");
  if (err instanceof SessionBrokenError) return failed(err.message, "Every request must be answered exactly once, with its id, on a stdout that carries only protocol lines");
  if (err instanceof DeadlineError) return failed(err.message, "Raise --timeout for a slow warehouse, or check the adapter for a hang");
  return failed(`internal error in the conformance runner: ${(err as Error)?.stack ?? String(err)}`);
}
