/** What went wrong with a remote call, without credentials: the message is redacted before it is built. */
export class HttpError extends Error {
  /** HTTP status; undefined when no response arrived (connection refused, reset, timeout). */
  readonly status: number | undefined;
  /** The provider's error code, e.g. Databricks' `error_code` ("INVALID_PARAMETER_VALUE"). */
  readonly providerCode: string | undefined;
  /** The provider's own error message. */
  readonly providerMessage: string | undefined;
  readonly method: string;
  readonly path: string;
  /** Attempts made, the first included. */
  readonly attempts: number;
  /** The failure was transient (retrying later may succeed); true too when retries or the budget ran out. */
  readonly retryable: boolean;
  /** The service throttled the call (429, or what the caller's predicate calls a rate limit). */
  readonly rateLimited: boolean;

  constructor(fields: {
    message: string;
    status?: number | undefined;
    providerCode?: string | undefined;
    providerMessage?: string | undefined;
    method: string;
    path: string;
    attempts: number;
    retryable: boolean;
    rateLimited?: boolean;
  }) {
    super(fields.message);
    this.name = "HttpError";
    this.status = fields.status;
    this.providerCode = fields.providerCode;
    this.providerMessage = fields.providerMessage;
    this.method = fields.method;
    this.path = fields.path;
    this.attempts = fields.attempts;
    this.retryable = fields.retryable;
    this.rateLimited = fields.rateLimited ?? false;
  }
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError;
}
