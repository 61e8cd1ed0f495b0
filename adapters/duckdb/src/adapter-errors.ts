import { AdapterServerError, ErrorCodes } from "@rocky/protocol";

/** DuckDB rejected or failed the SQL: -32052 with DuckDB's own message. */
export function executionFailed(error: unknown): AdapterServerError {
  if (error instanceof AdapterServerError) return error;
  // node-api prefixes parse failures; the host wants DuckDB's own message.
  const message = (error instanceof Error ? error.message : String(error)).replace(/^Failed to extract statements: /, "");
  const retryable = /^TransactionContext Error: .*[Cc]onflict/.test(message);
  return new AdapterServerError(ErrorCodes.ExecutionFailed, message, { code: "EXECUTION_FAILED", ...(retryable ? { retryable } : {}) });
}

export function notFound(message: string): AdapterServerError {
  return new AdapterServerError(ErrorCodes.NotFound, message, { code: "NOT_FOUND" });
}

export function invalidParams(message: string): AdapterServerError {
  return new AdapterServerError(ErrorCodes.InvalidParams, message, { code: "INVALID_PARAMS" });
}
