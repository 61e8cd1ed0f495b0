import type { CommandModule } from "yargs";
import type { DurationHistogram, MetricsOutput } from "@rocky/protocol";
import { loadConfig } from "../config/load-config.js";
import { histogram } from "../metrics/run-metrics.js";
import { openStateStore } from "../state/state-store.js";
import type { CliIo } from "./cli-io.js";
import { withCommonOptions, type CommonArgs } from "./common-options.js";
import { renderTable, writeJson } from "./output.js";

export interface MetricsArgs extends CommonArgs {
  readonly runs: number;
}

function spread(h: DurationHistogram | undefined): string {
  if (!h || h.count === 0) return "-";
  return `${h.p50 ?? "-"}/${h.p95 ?? "-"}/${h.max ?? "-"}`;
}

/** The metrics of the last N runs, read back from the run history; reads the state store and never creates it. */
export async function metrics(args: MetricsArgs, io: CliIo): Promise<MetricsOutput> {
  const config = await loadConfig(args.config);
  const store = openStateStore(config.statePath, { create: false });
  let runs;
  try {
    runs = store?.listRuns({ limit: args.runs }) ?? [];
  } finally {
    await store?.close();
  }
  const result: MetricsOutput = {
    command: "metrics",
    status: "succeeded",
    runs: runs.map((r) => ({ run_id: r.run_id, started_at: r.started_at, status: r.status, metrics: r.metrics ?? null })),
    overall: {
      runs: runs.length,
      table_ms: histogram(runs.flatMap((r) => r.pipelines.flatMap((p) => p.tables.map((t) => t.duration_ms)))),
      model_ms: histogram(runs.flatMap((r) => r.pipelines.flatMap((p) => (p.models ?? []).filter((m) => m.status !== "skipped").map((m) => m.duration_ms)))),
    },
  };
  if (args.output === "json") {
    writeJson(io, result);
    return result;
  }
  if (runs.length === 0) {
    io.stdout.write(`no runs recorded in ${config.statePath}\n`);
    return result;
  }
  io.stdout.write(
    renderTable(result.runs, [
      { header: "RUN", value: (r) => r.run_id },
      { header: "STATUS", value: (r) => r.status },
      { header: "TABLES", value: (r) => (r.metrics ? `${r.metrics.counters.tables_processed - r.metrics.counters.tables_failed}/${r.metrics.counters.tables_processed}` : "-"), align: "right" },
      { header: "MODELS", value: (r) => (r.metrics ? `${r.metrics.counters.models_processed - r.metrics.counters.models_failed}/${r.metrics.counters.models_processed}` : "-"), align: "right" },
      { header: "ROWS", value: (r) => (r.metrics ? String(r.metrics.counters.rows_copied + r.metrics.counters.rows_affected) : "-"), align: "right" },
      { header: "STATEMENTS", value: (r) => (r.metrics ? String(r.metrics.counters.statements_executed) : "-"), align: "right" },
      { header: "CALLS", value: (r) => (r.metrics ? String(r.metrics.counters.adapter_calls) : "-"), align: "right" },
      { header: "TABLE MS p50/p95/max", value: (r) => spread(r.metrics?.histograms.table_ms), align: "right" },
      { header: "MODEL MS p50/p95/max", value: (r) => spread(r.metrics?.histograms.model_ms), align: "right" },
      { header: "CALL MS p50/p95/max", value: (r) => spread(r.metrics?.histograms.adapter_call_ms), align: "right" },
    ]),
  );
  io.stdout.write(`${runs.length} runs: tables ${spread(result.overall.table_ms)} ms, models ${spread(result.overall.model_ms)} ms (p50/p95/max)\n`);
  return result;
}

export function metricsCommand(io: CliIo): CommandModule<object, MetricsArgs> {
  return {
    command: "metrics",
    describe: "Show counters and duration percentiles of recent runs, from the run history",
    builder: (y) => withCommonOptions(y).option("runs", { alias: "n", type: "number", default: 10, describe: "How many recent runs" }),
    handler: async (args) => {
      await metrics(args, io);
    },
  };
}
