/**
 * Wire error codes. JSON-RPC 2.0's own, LSP's RequestCancelled, and Rocky's range -32099..-32050.
 * Adapters written for the original Rocky protocol send string codes; {@link normalizeErrorCode} maps them.
 */
export const ErrorCodes = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  /** The request was cancelled by `$/cancelRequest`. Same value as LSP's. */
  RequestCancelled: -32800,
  /** No protocol version in the host's offered range; `data` is a ProtocolMismatchData. */
  ProtocolVersionMismatch: -32050,
  /** The method belongs to a capability the adapter does not declare. */
  CapabilityNotSupported: -32051,
  /** The warehouse rejected or failed the SQL. */
  ExecutionFailed: -32052,
  /** A catalog, schema, table or cursor does not exist. */
  NotFound: -32053,
  /** The adapter's config is unusable (bad credentials, missing path). */
  InvalidConfig: -32054,
  /** The warehouse is throttling or temporarily unavailable; the request may be retried. */
  Unavailable: -32055,
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

const LEGACY_STRING_CODES: Readonly<Record<string, number>> = {
  PARSE_ERROR: ErrorCodes.ParseError,
  INVALID_REQUEST: ErrorCodes.InvalidRequest,
  UNKNOWN_METHOD: ErrorCodes.MethodNotFound,
  METHOD_NOT_FOUND: ErrorCodes.MethodNotFound,
  INVALID_PARAMS: ErrorCodes.InvalidParams,
  INTERNAL: ErrorCodes.InternalError,
  CANCELLED: ErrorCodes.RequestCancelled,
  EXECUTION_FAILED: ErrorCodes.ExecutionFailed,
  NOT_FOUND: ErrorCodes.NotFound,
  TABLE_NOT_FOUND: ErrorCodes.NotFound,
  INVALID_CONFIG: ErrorCodes.InvalidConfig,
  UNAVAILABLE: ErrorCodes.Unavailable,
};

/** Maps a wire `error.code` (integer, or an original-protocol string) to an integer code and its string form. */
export function normalizeErrorCode(code: unknown): { code: number; name: string } {
  if (typeof code === "number" && Number.isInteger(code)) {
    const name = Object.entries(ErrorCodes).find(([, v]) => v === code)?.[0];
    return { code, name: name ?? String(code) };
  }
  if (typeof code === "string" && code.length > 0) {
    return { code: LEGACY_STRING_CODES[code.toUpperCase()] ?? ErrorCodes.InternalError, name: code };
  }
  return { code: ErrorCodes.InternalError, name: "UNKNOWN" };
}
