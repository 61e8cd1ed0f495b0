import { governanceLines } from "../governance/describe-action.js";
import { escapeLines } from "../escape-text.js";
import type { CommandModule } from "yargs";
import type { RunOutput } from "@rocky/protocol";
import { cacheFlags, withCacheOptions, type CacheArgs } from "../cache/cache-options.js";
import { formatCacheStats } from "../cache/cache-stats.js";
import { RockyError } from "../errors.js";
import { addModelRunOptions, modelRunOptionsFrom, type ModelRunArgs } from "../models/model-run-options.js";
import { openRunEvents } from "../events/open-run-events.js";
import { runPipelines } from "../pipeline/run-pipelines.js";
import { newRunId } from "../pipeline/run-id.js";
import { beginStateSync } from "../state/sync/state-sync.js";
import type { CliIo } from "./cli-io.js";
import { openProject, withCommonOptions, type CommonArgs } from "./common-options.js";
import { formatDuration, plural, renderTable, writeJson } from "./output.js";
import { createProgress } from "./progress.js";

export interface RunArgs extends CommonArgs, ModelRunArgs, Partial<CacheArgs> {
  readonly pipeline?: string | undefined;
  readonly "full-refresh"?: boolean | undefined;
  /** --events FILE: lifecycle events as JSON Lines. */
  readonly events?: string | undefined;
  /** --wait: queue behind another runner holding the remote state's lease. */
  readonly wait?: boolean | undefined;
}

/** Runs the pipelines, prints what happened, and fails with RUN_FAILED when any table or pipeline failed. */
export async function run(args: RunArgs, io: CliIo): Promise<RunOutput> {
  const models = modelRunOptionsFrom(args);
  const { config, logger } = await openProject(args);
  const runId = newRunId();
  const sync = await beginStateSync({ config, runId, logger, wait: args.wait });
  let result: RunOutput;
  try {
    const events = openRunEvents({ runId, eventsFile: args.events, env: process.env, logger, config: config.raw.events });
    const progress = createProgress(io, args.output);
    try {
      result = await runPipelines({ config, pipeline: args.pipeline, logger, progress, models, runId, events, cache: cacheFlags(args), fullRefresh: args["full-refresh"] === true });
    } catch (err) {
      await events.close(err);
      throw err;
    } finally {
      progress.done();
    }
    await events.close();
  } catch (err) {
    await sync?.finish().catch((syncErr: unknown) => logger.error({ err: syncErr }, "State upload after a failed run failed too"));
    throw err;
  }
  if (args.output === "json") writeJson(io, result);
  else io.stdout.write(formatRun(result));
  await sync?.finish();
  if (result.status === "failed") throw runFailed(result);
  return result;
}

function runFailed(result: RunOutput): RockyError {
  const broken = result.pipelines.find((p) => p.error && p.status === "failed") ?? result.pipelines.find((p) => p.error);
  if (broken?.error) {
    return new RockyError("RUN_FAILED", `Pipeline "${broken.pipeline}" failed: ${broken.error.message}`, {
      hint: broken.error.hint ?? `See "rocky history" for run ${result.run_id}`,
    });
  }
  const items = result.pipelines.flatMap((p) => [...p.tables, ...(p.models ?? [])]);
  const failed = items.filter((t) => t.status === "failed");
  const first = failed[0];
  const noun = result.pipelines.some((p) => p.models?.length) ? "table or model" : "table";
  return new RockyError("RUN_FAILED", `${failed.length} of ${plural(items.length, noun)} failed${first ? `; first: ${first.target}: ${first.error?.message ?? "unknown error"}` : ""}`, {
    hint: "Failed items keep their watermarks, so the next run retries them; the others were written",
  });
}

export function formatRun(result: RunOutput): string {
  const rows = result.pipelines.flatMap((p) => [
    ...p.tables.map((t) => ({
      table: t.target,
      strategy: t.strategy,
      rows: t.rows_copied === null ? "-" : String(t.rows_copied),
      time: formatDuration(t.duration_ms),
      status: t.status === "succeeded" ? "ok" : "FAILED",
      detail: t.error ? `${t.error.code}: ${t.error.message}` : [t.reason, ...t.notes.filter((n) => !n.startsWith(t.reason))].join("; "),
    })),
    ...(p.models ?? []).map((m) => ({
      table: m.target,
      strategy: m.strategy,
      rows: m.rows_affected === null ? "-" : String(m.rows_affected),
      time: formatDuration(m.duration_ms),
      status: m.status === "succeeded" ? "ok" : m.status === "failed" ? "FAILED" : "skipped",
      detail: m.error ? `${m.error.code}: ${m.error.message}` : m.status === "skipped" ? (m.skipped_because ?? m.reason) : m.reason,
    })),
    ...p.skipped.map((s) => ({ table: [s.catalog, s.schema, s.table].filter(Boolean).join("."), strategy: "-", rows: "-", time: "-", status: "skipped", detail: s.reason })),
  ]);
  let out = rows.length > 0
    ? renderTable(rows, [
        { header: "TABLE", value: (r) => r.table },
        { header: "STRATEGY", value: (r) => r.strategy },
        { header: "ROWS", value: (r) => r.rows, align: "right" },
        { header: "TIME", value: (r) => r.time, align: "right" },
        { header: "STATUS", value: (r) => r.status },
        { header: "DETAIL", value: (r) => r.detail },
      ])
    : "";
  for (const p of result.pipelines) {
    for (const line of governanceLines(p.governance)) out += `${p.pipeline}: ${line}\n`;
    const error = p.error ? ` (${p.error.code}: ${p.error.message})` : "";
    if (p.status === "skipped") {
      out += `${p.pipeline}: skipped${error}\n`;
      continue;
    }
    if (p.models !== undefined) {
      const count = (status: string) => p.models?.filter((m) => m.status === status).length ?? 0;
      out += `${p.pipeline}: ${p.status}${error}, ${count("succeeded")} ok, ${count("failed")} failed, ${count("skipped")} skipped models in ${formatDuration(p.duration_ms)}\n`;
      continue;
    }
    const ok = p.tables.filter((t) => t.status === "succeeded").length;
    const rowsCopied = p.tables.reduce((n, t) => n + (t.rows_copied ?? 0), 0);
    out += `${p.pipeline}: ${p.status}${error}, ${ok} ok, ${p.tables.length - ok} failed, ${p.skipped.length} skipped, ${plural(rowsCopied, "row")} copied in ${formatDuration(p.duration_ms)}\n`;
  }
  return escapeLines(`${out}${formatCacheStats(result.cache)}run ${result.run_id} ${result.status} in ${formatDuration(result.duration_ms)}\n`);
}

export function runCommand(io: CliIo): CommandModule<object, RunArgs> {
  return {
    command: "run",
    describe: "Run the pipelines in rocky.toml (or one with --pipeline)",
    builder: (y) =>
      addModelRunOptions(
        withCacheOptions(withCommonOptions(y))
          .option("pipeline", { alias: "p", type: "string", describe: "Only this pipeline" })
          .option("full-refresh", { type: "boolean", describe: "Replicate every table in full, ignoring stored watermarks (also allowed when the state is missing)" })
          .option("wait", { type: "boolean", default: false, describe: "With a remote [state] backend: wait for another runner's lease instead of failing" })
          .option("events", { type: "string", describe: "Append the run's lifecycle events to FILE as JSON Lines (schemas/output/event.schema.json)" }),
      ),
    handler: async (args) => {
      await run(args, io);
    },
  };
}
