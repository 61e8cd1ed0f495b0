import { ErrorCodes } from "../error-codes.js";
import type { WireError } from "./adapter-server-error.js";

/** A request id as JSON-RPC 2.0 allows it; null only when the client sent null. */
export type RequestId = number | string | null;

/** A JSON-RPC 2.0 response object. */
export type WireResponse =
  | { readonly jsonrpc: "2.0"; readonly id: RequestId; readonly result: unknown }
  | { readonly jsonrpc: "2.0"; readonly id: RequestId; readonly error: WireError };

/** A valid Request object: with `id` a request, without one a notification. */
export type ReadRequest =
  | { readonly method: string; readonly params: unknown; readonly id: RequestId }
  | { readonly method: string; readonly params: unknown }
  | { readonly invalid: string };

/**
 * Reads one member of the input (a line, or an element of a batch) as a JSON-RPC 2.0 Request object (§4 of the
 * specification): `jsonrpc` exactly "2.0", `method` a string, `params` (when present) an object or an array, `id` (when
 * present) a string, a number or null. Anything else is an invalid Request, to be answered -32600 with id null.
 */
export function readRequest(message: unknown): ReadRequest {
  if (message === null || typeof message !== "object" || Array.isArray(message)) return { invalid: "a request must be a JSON object" };
  const m = message as { jsonrpc?: unknown; method?: unknown; params?: unknown; id?: unknown };
  if (m.jsonrpc !== "2.0") return { invalid: `"jsonrpc" must be exactly "2.0"` };
  if (typeof m.method !== "string") return { invalid: `"method" must be a string` };
  if ("params" in m && (m.params === null || typeof m.params !== "object")) return { invalid: `"params" must be an object or an array` };
  if (!("id" in m)) return { method: m.method, params: m.params };
  const { id } = m;
  if (id !== null && typeof id !== "string" && (typeof id !== "number" || !Number.isFinite(id))) {
    return { invalid: `"id" must be a string, a number or null` };
  }
  return { method: m.method, params: m.params, id: id as RequestId };
}

/** The answer to an invalid Request object: -32600 with id null (the id of an invalid request cannot be trusted). */
export function invalidRequest(why: string): WireResponse {
  return { jsonrpc: "2.0", id: null, error: { code: ErrorCodes.InvalidRequest, message: `Invalid Request: ${why}`, data: { code: "INVALID_REQUEST" } } };
}

/** The answer to input that is not JSON: -32700 with id null. */
export function parseError(message = "the line is not valid JSON"): WireResponse {
  return { jsonrpc: "2.0", id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: ${message}`, data: { code: "PARSE_ERROR" } } };
}
