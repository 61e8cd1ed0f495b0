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

/** The `error` member of a JSON-RPC response. */
export interface WireError {
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
}

/** The request was cancelled by `$/cancelRequest`. */
export function cancelledError(method: string, id: number | string): AdapterServerError {
  return new AdapterServerError(ErrorCodes.RequestCancelled, `Request "${method}" (id ${JSON.stringify(id)}) was cancelled`);
}

/**
 * Maps anything a handler threw to the error sent on the wire: AdapterServerError (and vscode-jsonrpc's ResponseError,
 * recognised by its shape so the kit does not depend on that library) keep their code, the rest is -32603.
 */
export function toWireError(error: unknown, method: string): WireError {
  if (error instanceof AdapterServerError || isResponseError(error)) {
    const { code, message, data } = error as AdapterServerError;
    return data === undefined ? { code, message } : { code, message, data };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: ErrorCodes.InternalError, message: `Request "${method}" failed: ${message}` };
}

function isResponseError(error: unknown): error is AdapterServerError {
  const e = error as { code?: unknown; toJson?: unknown };
  return error instanceof Error && Number.isInteger(e.code) && typeof e.toJson === "function";
}
