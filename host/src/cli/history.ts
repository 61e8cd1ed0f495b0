import type { CommandModule } from "yargs";
import type { HistoryOutput } from "@rocky/protocol";
import { loadConfig } from "../config/load-config.js";
import { RockyError } from "../errors.js";
import { openStateStore } from "../state/state-store.js";
import type { CliIo } from "./cli-io.js";
import { withCommonOptions, type CommonArgs } from "./common-options.js";
import { formatDuration, renderTable, writeJson } from "./output.js";
import { formatRun } from "./run.js";

export interface HistoryArgs extends CommonArgs {
  readonly limit: number;
  readonly run?: string | undefined;
}

/** Recorded runs, newest first; with --run, that one run in full. */
export async function history(args: HistoryArgs, io: CliIo): Promise<HistoryOutput> {
  const config = await loadConfig(args.config);
  const store = openStateStore(config.statePath, { create: false });
  let result: HistoryOutput;
  try {
    if (args.run !== undefined) {
      const found = store?.getRun(args.run);
      if (!found) throw new RockyError("USAGE", `No run "${args.run}" in "${config.statePath}"`, { hint: "List recorded runs with: rocky history" });
      result = { command: "history", status: "succeeded", runs: [found] };
    } else {
      result = { command: "history", status: "succeeded", runs: store?.listRuns({ limit: args.limit }) ?? [] };
    }
  } finally {
    await store?.close();
  }
  if (args.output === "json") writeJson(io, result);
  else if (args.run !== undefined && result.runs[0]) io.stdout.write(formatRun(result.runs[0]));
  else if (result.runs.length === 0) io.stdout.write(`no runs recorded in ${config.statePath}\n`);
  else {
    io.stdout.write(
      renderTable(result.runs, [
        { header: "RUN", value: (r) => r.run_id },
        { header: "STARTED", value: (r) => r.started_at },
        { header: "STATUS", value: (r) => r.status },
        { header: "PIPELINES", value: (r) => r.pipelines.map((p) => p.pipeline).join(",") },
        { header: "ITEMS", value: (r) => String(r.pipelines.reduce((n, p) => n + p.tables.length + (p.models?.length ?? 0), 0)), align: "right" },
        { header: "FAILED", value: (r) => String(r.pipelines.reduce((n, p) => n + [...p.tables, ...(p.models ?? [])].filter((t) => t.status === "failed").length, 0)), align: "right" },
        { header: "ROWS", value: (r) => String(r.pipelines.reduce((n, p) => n + p.tables.reduce((m, t) => m + (t.rows_copied ?? 0), 0), 0)), align: "right" },
        { header: "DURATION", value: (r) => formatDuration(r.duration_ms), align: "right" },
      ]),
    );
  }
  return result;
}

export function historyCommand(io: CliIo): CommandModule<object, HistoryArgs> {
  return {
    command: "history",
    describe: "Show recorded runs, newest first",
    builder: (y) =>
      withCommonOptions(y)
        .option("limit", { alias: "n", type: "number", default: 20, describe: "How many runs" })
        .option("run", { type: "string", describe: "Show one run in full" }),
    handler: async (args) => {
      await history(args, io);
    },
  };
}
