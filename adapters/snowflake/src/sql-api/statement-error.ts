import { AdapterServerError, ErrorCodes } from "@rocky/protocol";
import { httpErrorToWire, isHttpError } from "@rocky/adapter-kit";

/** Messages of a statement that failed for want of capacity, not because of its SQL: it never ran, so it may be submitted again. */
const TRANSIENT_MESSAGE = /THROTTL|TEMPORARILY[_ ]UNAVAILABLE|WAREHOUSE.*\b(RESUMING|STARTING)\b|\b(RESUMING|STARTING)\b.*WAREHOUSE/i;

/** A 422 whose message says the warehouse was busy or starting: worth resubmitting under a new requestId. */
export function isTransientStatementFailure(error: unknown): boolean {
  return isHttpError(error) && error.status === 422 && TRANSIENT_MESSAGE.test(error.providerMessage ?? "");
}

/** The 503/429 bodies and messages the HTTP client should retry besides their status. */
export function isTransientBody(status: number, body: unknown): "transient" | false {
  const message = typeof body === "object" && body !== null ? String((body as { message?: unknown }).message ?? "") : "";
  return status >= 500 && TRANSIENT_MESSAGE.test(message) ? "transient" : false;
}

/**
 * The protocol error of a failed SQL API call: a statement Snowflake rejected (422, 408 timeout) is ExecutionFailed
 * with Snowflake's own message and code; rejected credentials are InvalidConfig naming the auth method; throttling
 * with retries spent is Unavailable. `statement_index` is added by execute_batch.
 */
export function toWireError(error: unknown, authMethod: string): unknown {
  if (error instanceof AdapterServerError) return error;
  if (!isHttpError(error)) return error;
  if (error.status === 422 || error.status === 408) {
    const notFound = error.providerCode === "002003" || error.providerCode === "002043";
    return new AdapterServerError(ErrorCodes.ExecutionFailed, error.providerMessage ?? error.message, {
      code: "EXECUTION_FAILED",
      ...(error.providerCode ? { provider_code: error.providerCode } : {}),
      ...(notFound ? { not_found: true } : {}),
      ...(error.status === 408 ? { timeout: true } : {}),
    });
  }
  if (error.status === 401 || error.status === 403) {
    return new AdapterServerError(ErrorCodes.InvalidConfig, `Snowflake rejected the credentials (auth method: ${authMethod}): ${error.providerCode ?? `HTTP ${error.status}`} ${error.providerMessage ?? ""}`.trim(), {
      code: "AUTH_FAILED",
      auth_method: authMethod,
      http_status: error.status,
      ...(error.providerCode ? { provider_code: error.providerCode } : {}),
    });
  }
  return httpErrorToWire(error);
}
