import { closeSync, openSync, writeSync } from "node:fs";
import type { RunEvent } from "@rocky/protocol";
import { RockyError } from "../errors.js";
import type { EventSink } from "../events/run-events.js";
import { PIPES_PROTOCOL_VERSION, type PipesBootstrap } from "./pipes-params.js";

// Message shapes of dagster-pipes' PipesContext (python_modules/dagster-pipes/dagster_pipes/__init__.py): every message
// is {"__dagster_pipes_version", "method", "params"}; metadata values are {raw_value, type}.
type MetadataValue = { readonly raw_value: string | number | boolean | null; readonly type: "text" | "int" | "null" };

function text(value: string | null | undefined): MetadataValue {
  return value === null || value === undefined ? { raw_value: null, type: "null" } : { raw_value: value, type: "text" };
}

function int(value: number | null | undefined): MetadataValue {
  return value === null || value === undefined ? { raw_value: null, type: "null" } : { raw_value: value, type: "int" };
}

/** "catalog.schema.table" → "catalog/schema/table", each part escaped as `to_asset_key_path` reads it. */
export function pipesAssetKey(target: string): string {
  return target
    .split(".")
    .map((part) => part.replace(/[\\/]/g, (c) => `\\${c}`))
    .join("/");
}

/** Dagster check names are identifiers: everything outside [A-Za-z0-9_] becomes "_". */
export function pipesCheckName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_");
}

function openChannel(bootstrap: PipesBootstrap): { write(line: string): void; close(): void } {
  const channel = bootstrap.channel;
  if (channel.kind === "stderr") {
    const buffer: string[] = [];
    return channel.buffered
      ? { write: (line) => void buffer.push(line), close: () => void writeSync(2, buffer.splice(0).join("")) }
      : { write: (line) => void writeSync(2, line), close: () => undefined };
  }
  let fd: number;
  try {
    fd = openSync(channel.path, "a");
  } catch (err) {
    throw new RockyError("PIPES_INVALID", `Cannot open the Dagster Pipes messages file "${channel.path}": ${err instanceof Error ? err.message : String(err)}`, {
      hint: "The orchestrator names this file in DAGSTER_PIPES_MESSAGES; check that its directory exists and is writable",
      cause: err,
    });
  }
  return { write: (line) => void writeSync(fd, line), close: () => closeSync(fd) };
}

function exceptionOf(failure: unknown): Record<string, unknown> {
  const err = failure instanceof Error ? failure : new Error(String(failure));
  return {
    message: err.message,
    stack: (err.stack ?? "").split("\n").slice(1).map((line) => `${line.trim()}\n`),
    name: err.name,
    cause: null,
    context: null,
  };
}

/**
 * Dagster Pipes as an event sink: `opened` at once, a `log` per run and pipeline milestone and per failure, one
 * `report_asset_materialization` per table or model written, one `report_asset_check` per check, `closed` at the end.
 */
export function createPipesSink(bootstrap: PipesBootstrap): EventSink {
  const channel = openChannel(bootstrap);
  const allowed = bootstrap.context.assetKeys === null ? null : new Set(bootstrap.context.assetKeys);
  const materialized = new Set<string>();
  let closed = false;
  const send = (method: string, params: Record<string, unknown> | null) => {
    channel.write(`${JSON.stringify({ __dagster_pipes_version: PIPES_PROTOCOL_VERSION, method, params })}\n`);
  };
  const log = (message: string, level: "INFO" | "WARNING" | "ERROR") => send("log", { message, level });
  const inScope = (key: string) => allowed === null || allowed.has(key);

  send("opened", { extras: {} });
  return {
    name: "Dagster Pipes",
    write(event: RunEvent) {
      switch (event.type) {
        case "run_started":
          return log(`rocky run ${event.run_id} started`, "INFO");
        case "run_finished":
          return log(`rocky run ${event.run_id} ${event.status ?? "finished"} in ${event.duration_ms ?? 0} ms`, event.status === "failed" ? "ERROR" : "INFO");
        case "pipeline_finished":
          return log(`pipeline ${event.pipeline ?? ""} ${event.status ?? "finished"}${event.error ? `: ${event.error.message}` : ""}`, event.status === "failed" ? "ERROR" : "INFO");
        case "table_finished":
        case "model_finished": {
          const what = event.type === "table_finished" ? "table" : "model";
          if (event.status !== "succeeded") {
            const why = event.error ? `${event.error.code}: ${event.error.message}` : (event.message ?? "");
            return log(`${what} ${event.target ?? event.source ?? ""} ${event.status ?? ""}${why ? `: ${why}` : ""}`, event.status === "failed" ? "ERROR" : "WARNING");
          }
          const key = pipesAssetKey(event.target ?? "");
          if (!inScope(key) || materialized.has(key)) return;
          materialized.add(key);
          return send("report_asset_materialization", {
            asset_key: key,
            data_version: null,
            metadata: {
              rows: int(event.rows),
              duration_ms: int(event.duration_ms),
              strategy: text(event.strategy),
              watermark: text(event.watermark),
              pipeline: text(event.pipeline),
              rocky_run_id: text(event.run_id),
              ...(event.type === "model_finished" ? { model: text(event.model) } : { source: text(event.source) }),
            },
          });
        }
        case "check_finished": {
          const key = pipesAssetKey(event.target ?? "");
          if (!inScope(key)) return;
          return send("report_asset_check", {
            asset_key: key,
            check_name: pipesCheckName(event.check ?? "check"),
            passed: event.status === "succeeded",
            severity: event.severity === "warn" ? "WARN" : "ERROR",
            metadata: { message: text(event.message), pipeline: text(event.pipeline), rocky_run_id: text(event.run_id) },
          });
        }
        default:
          return;
      }
    },
    async close(failure) {
      if (closed) return;
      closed = true;
      send("closed", failure === undefined ? {} : { exception: exceptionOf(failure) });
      channel.close();
    },
  };
}
