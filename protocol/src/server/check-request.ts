import { ErrorCodes } from "../error-codes.js";
import type { AdapterManifest } from "../generated/types.js";
import { methodSpec } from "../methods.js";
import { formatProblems, validate } from "../validators.js";
import { AdapterServerError } from "./adapter-server-error.js";

/** Where the server is in its lifecycle. */
export type ServerPhase = "new" | "initializing" | "ready" | "shutdown";

const LIFECYCLE = new Set(["initialize", "shutdown", "ping"]);

/**
 * Checks one incoming request before its handler runs, in the order a host can act on:
 * unknown method (-32601), undeclared capability (-32051), wrong lifecycle phase (-32600), invalid params (-32602).
 * Returns the params, with omitted params read as `{}`.
 */
export function checkRequest(method: string, params: unknown, manifest: AdapterManifest, phase: ServerPhase): unknown {
  const spec = methodSpec(method);
  if (!spec) {
    throw new AdapterServerError(ErrorCodes.MethodNotFound, `Unknown method "${method}"`, { code: "METHOD_NOT_FOUND" });
  }
  const capability = spec.capability;
  if (capability !== null && manifest.capabilities[capability] !== true) {
    throw new AdapterServerError(
      ErrorCodes.CapabilityNotSupported,
      `Adapter "${manifest.name}" does not support "${method}": its manifest does not declare capability "${capability}"`,
      { code: "CAPABILITY_NOT_SUPPORTED", capability },
    );
  }
  if (!LIFECYCLE.has(method) && phase !== "ready") {
    const why = phase === "shutdown" ? "it is shutting down" : "it has not been initialized; send \"initialize\" first";
    throw new AdapterServerError(ErrorCodes.InvalidRequest, `Adapter "${manifest.name}" cannot answer "${method}": ${why}`, {
      code: "INVALID_REQUEST",
    });
  }
  if (method === "initialize" && phase !== "new") {
    const why = phase === "shutdown" ? "is shutting down" : "is already initialized";
    throw new AdapterServerError(ErrorCodes.InvalidRequest, `Adapter "${manifest.name}" ${why}`, { code: "INVALID_REQUEST" });
  }
  const value = params ?? {};
  const problems = validate(spec.params, value);
  if (problems.length > 0) {
    throw new AdapterServerError(ErrorCodes.InvalidParams, `Invalid params for "${method}": ${formatProblems(problems)}`, {
      code: "INVALID_PARAMS",
      problems,
    });
  }
  return value;
}

/** Checks a handler's result against the method's result schema; a mismatch is the adapter's bug (-32603). */
export function checkResult(method: string, result: unknown): void {
  const spec = methodSpec(method);
  if (!spec) return;
  const problems = validate(spec.result, result);
  if (problems.length > 0) {
    throw new AdapterServerError(ErrorCodes.InternalError, `Adapter produced an invalid result for "${method}": ${formatProblems(problems)}`, {
      code: "INTERNAL",
      problems,
    });
  }
}
