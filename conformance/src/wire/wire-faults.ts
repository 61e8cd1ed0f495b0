/** The adapter did not answer a request in time. */
export class NoAnswerError extends Error {
  constructor(
    readonly method: string,
    readonly timeoutMs: number,
    detail = "",
  ) {
    super(`no answer to "${method}" within ${timeoutMs} ms${detail}`);
    this.name = "NoAnswerError";
  }
}

/** The adapter process exited with the request unanswered. */
export class AdapterExitedError extends Error {
  constructor(
    readonly method: string,
    readonly exit: string,
    readonly stderrTail: readonly string[],
  ) {
    const tail = stderrTail.length > 0 ? `; last stderr lines: ${stderrTail.slice(-3).map((l) => JSON.stringify(l)).join(", ")}` : "";
    super(`the adapter exited ${exit} during "${method}"${tail}`);
    this.name = "AdapterExitedError";
  }
}

/** The session was already broken (exited, hung, closed its stdout, flooded it) when a request was made, or broke under it. */
export class SessionBrokenError extends Error {
  constructor(
    readonly method: string,
    readonly fault: string,
  ) {
    super(fault);
    this.name = "SessionBrokenError";
  }
}

/** The run's total deadline passed. */
export class DeadlineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeadlineError";
  }
}

/** The adapter answered a request with a JSON-RPC error. */
export class ReplyError extends Error {
  constructor(
    readonly method: string,
    /** Integer wire code; original-protocol string codes are mapped. */
    readonly code: number,
    /** The code as sent, or data.code when the adapter gave one. */
    readonly codeName: string,
    readonly wireMessage: string,
    readonly data: unknown,
  ) {
    super(`"${method}" answered error ${code}${codeName === String(code) ? "" : ` (${codeName})`}: ${wireMessage}`);
    this.name = "ReplyError";
  }

  /** The adapter says the method is a stub still to be written (the scaffolds' and SDKs' default). */
  get notImplemented(): boolean {
    const dataCode = (this.data as { code?: unknown } | null)?.code;
    return dataCode === "NOT_IMPLEMENTED" || /\bnot (yet )?implement(ed)?\b/i.test(this.wireMessage);
  }

  get dataHint(): string | undefined {
    const hint = (this.data as { hint?: unknown } | null)?.hint;
    return typeof hint === "string" && hint.length > 0 ? hint : undefined;
  }
}

/** A check's assertion did not hold. */
export class CheckFailure extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "CheckFailure";
  }
}

/** A check found at run time that it cannot apply to this adapter. */
export class CheckSkipped extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "CheckSkipped";
  }
}
