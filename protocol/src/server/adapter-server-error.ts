import { ResponseError } from "vscode-jsonrpc";
import { ErrorCodes } from "../error-codes.js";

/**
 * An error a handler throws to answer its request with a chosen wire code, e.g.
 * `new AdapterServerError(ErrorCodes.NotFound, 'Table "main"."orders" does not exist', { code: "NOT_FOUND" })`.
 */
export class AdapterServerError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = "AdapterServerError";
  }
}

/** The request was cancelled by `$/cancelRequest`. */
export function cancelledError(method: string, id: number | string): AdapterServerError {
  return new AdapterServerError(ErrorCodes.RequestCancelled, `Request "${method}" (id ${JSON.stringify(id)}) was cancelled`);
}

/** Maps anything a handler threw to the error sent on the wire: AdapterServerError keeps its code, the rest is -32603. */
export function toResponseError(error: unknown, method: string): ResponseError<unknown> {
  if (error instanceof AdapterServerError) return new ResponseError<unknown>(error.code, error.message, error.data);
  if (error instanceof ResponseError) return error as ResponseError<unknown>;
  const message = error instanceof Error ? error.message : String(error);
  return new ResponseError<unknown>(ErrorCodes.InternalError, `Request "${method}" failed: ${message}`);
}
