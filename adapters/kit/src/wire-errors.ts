import { AdapterServerError, ErrorCodes } from "@rocky/protocol";
import { isHttpError } from "./http-error.js";

/**
 * The protocol error for a failed remote call: a throttled or transient failure (retries spent) is Unavailable
 * (-32055, `retryable`), anything else `fallback` (default ExecutionFailed). `data` carries the HTTP status and the
 * provider's code; the message is the HttpError's, already redacted. Other errors are returned unchanged.
 */
export function httpErrorToWire(
  error: unknown,
  fallback: { code: number; name: string } = { code: ErrorCodes.ExecutionFailed, name: "EXECUTION_FAILED" },
): unknown {
  if (!isHttpError(error)) return error;
  const unavailable = error.retryable;
  return new AdapterServerError(unavailable ? ErrorCodes.Unavailable : fallback.code, error.message, {
    code: unavailable ? "UNAVAILABLE" : fallback.name,
    retryable: unavailable,
    ...(error.status === undefined ? {} : { http_status: error.status }),
    ...(error.providerCode === undefined ? {} : { provider_code: error.providerCode }),
  });
}
