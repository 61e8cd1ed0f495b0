import { readFileSync } from "node:fs";
import { deflateSync, inflateSync } from "node:zlib";
import { RockyError } from "../errors.js";

// The Dagster Pipes bootstrap, as dagster-pipes defines it (python_modules/dagster-pipes/dagster_pipes/__init__.py,
// https://docs.dagster.io/guides/build/external-pipelines/dagster-pipes-details-and-customization): each variable is
// base64(zlib(json)), decoded by `decode_param`. The context params say where the context is ({path} or {data}), the
// messages params where to write ({path}, {stdio}, {buffered_stdio}).
export const PIPES_CONTEXT_VAR = "DAGSTER_PIPES_CONTEXT";
export const PIPES_MESSAGES_VAR = "DAGSTER_PIPES_MESSAGES";
/** The Pipes protocol version this writer speaks (`PIPES_PROTOCOL_VERSION`). */
export const PIPES_PROTOCOL_VERSION = "0.1";

export type PipesChannel =
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "stderr"; readonly buffered: boolean };

/** What Rocky reads of the orchestrator's context: the rest (provenance, partitions) is the orchestrator's business. */
export interface PipesContextData {
  readonly runId: string | null;
  /** Asset keys this step materializes; null when the step targets no assets, so any key may be reported. */
  readonly assetKeys: readonly string[] | null;
}

export interface PipesBootstrap {
  readonly context: PipesContextData;
  readonly channel: PipesChannel;
}

const HINT = `Rocky enters Pipes mode when both ${PIPES_CONTEXT_VAR} and ${PIPES_MESSAGES_VAR} are set, as Dagster's PipesSubprocessClient sets them; unset both to run without Pipes`;

function invalid(message: string, cause?: unknown): RockyError {
  return new RockyError("PIPES_INVALID", message, { hint: HINT, ...(cause === undefined ? {} : { cause }) });
}

/** `decode_param`: base64, then zlib, then JSON; an object is required. */
export function decodePipesParam(name: string, value: string): Record<string, unknown> {
  let decoded: unknown;
  try {
    const bytes = Buffer.from(value.trim(), "base64");
    decoded = JSON.parse(inflateSync(bytes).toString("utf8"));
  } catch (err) {
    throw invalid(`${name} is not a Dagster Pipes parameter: expected base64 of zlib-compressed JSON (${err instanceof Error ? err.message : String(err)})`, err);
  }
  if (decoded === null || typeof decoded !== "object" || Array.isArray(decoded)) {
    throw invalid(`${name} decodes to ${Array.isArray(decoded) ? "an array" : JSON.stringify(decoded)}, expected a JSON object`);
  }
  return decoded as Record<string, unknown>;
}

/** `encode_param`: what an orchestrator sets, for tests and for orchestrators written in TypeScript. */
export function encodePipesParam(value: unknown): string {
  return deflateSync(Buffer.from(JSON.stringify(value), "utf8")).toString("base64");
}

function stringParam(params: Record<string, unknown>, key: string, name: string): string {
  const value = params[key];
  if (typeof value !== "string" || value === "") throw invalid(`${name} has "${key}" = ${JSON.stringify(value)}, expected a non-empty string`);
  return value;
}

function readContext(params: Record<string, unknown>): PipesContextData {
  let data: unknown;
  if ("path" in params) {
    const path = stringParam(params, "path", PIPES_CONTEXT_VAR);
    try {
      data = JSON.parse(readFileSync(path, "utf8"));
    } catch (err) {
      throw invalid(`Cannot read the Dagster Pipes context file "${path}" named by ${PIPES_CONTEXT_VAR}: ${err instanceof Error ? err.message : String(err)}`, err);
    }
  } else if ("data" in params) {
    data = params.data;
  } else {
    throw invalid(`${PIPES_CONTEXT_VAR} has neither "path" nor "data" (keys: ${Object.keys(params).join(", ") || "none"})`);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) throw invalid(`The Dagster Pipes context is not a JSON object`);
  const record = data as Record<string, unknown>;
  const keys = record.asset_keys;
  if (keys !== undefined && keys !== null && !(Array.isArray(keys) && keys.every((k) => typeof k === "string"))) {
    throw invalid(`The Dagster Pipes context has asset_keys = ${JSON.stringify(keys)}, expected a list of strings or null`);
  }
  return { runId: typeof record.run_id === "string" ? record.run_id : null, assetKeys: Array.isArray(keys) ? (keys as string[]) : null };
}

function readChannel(params: Record<string, unknown>): PipesChannel {
  if ("path" in params) return { kind: "file", path: stringParam(params, "path", PIPES_MESSAGES_VAR) };
  for (const [key, buffered] of [["stdio", false], ["buffered_stdio", true]] as const) {
    if (!(key in params)) continue;
    const stream = stringParam(params, key, PIPES_MESSAGES_VAR);
    if (stream === "stderr") return { kind: "stderr", buffered };
    if (stream === "stdout") {
      throw new RockyError("PIPES_INVALID", `${PIPES_MESSAGES_VAR} asks for Pipes messages on stdout, which carries rocky's result`, {
        hint: "Have Dagster read messages from a file (PipesTempFileMessageReader, the PipesSubprocessClient default) or from stderr",
      });
    }
    throw invalid(`${PIPES_MESSAGES_VAR} has "${key}" = ${JSON.stringify(stream)}, expected "stderr"`);
  }
  throw invalid(`${PIPES_MESSAGES_VAR} names no channel Rocky can write: expected "path", "stdio" or "buffered_stdio" (keys: ${Object.keys(params).join(", ") || "none"})`);
}

/**
 * Reads the Pipes bootstrap from the environment: undefined when neither variable is set; a RockyError when only one is,
 * or when either cannot be used — a run that was meant to report to Dagster never runs silently without it.
 */
export function readPipesBootstrap(env: NodeJS.ProcessEnv): PipesBootstrap | undefined {
  const context = env[PIPES_CONTEXT_VAR];
  const messages = env[PIPES_MESSAGES_VAR];
  if (context === undefined && messages === undefined) return undefined;
  if (context === undefined || messages === undefined) {
    const [set, unset] = context === undefined ? [PIPES_MESSAGES_VAR, PIPES_CONTEXT_VAR] : [PIPES_CONTEXT_VAR, PIPES_MESSAGES_VAR];
    throw invalid(`${set} is set but ${unset} is not: Dagster Pipes needs both`);
  }
  return {
    context: readContext(decodePipesParam(PIPES_CONTEXT_VAR, context)),
    channel: readChannel(decodePipesParam(PIPES_MESSAGES_VAR, messages)),
  };
}
