import type { CommandModule } from "yargs";
import type { PlannedStatement, PlanOutput } from "@rocky/protocol";
import { addModelRunOptions, modelRunOptionsFrom, type ModelRunArgs } from "../models/model-run-options.js";
import { cacheFlags, withCacheOptions, type CacheArgs } from "../cache/cache-options.js";
import { formatCacheStats } from "../cache/cache-stats.js";
import { createAdapterPool } from "../pipeline/adapter-pool.js";
import { runnerFor } from "../pipeline/registry.js";
import { selectPipelines } from "../pipeline/select-pipelines.js";
import { escapeText } from "../escape-text.js";
import { governanceLines } from "../governance/describe-action.js";
import { openStateStore } from "../state/state-store.js";
import type { CliIo } from "./cli-io.js";
import { openProject, withCommonOptions, type CommonArgs } from "./common-options.js";
import { writeJson } from "./output.js";
import { createProgress } from "./progress.js";

export interface PlanArgs extends CommonArgs, ModelRunArgs, Partial<CacheArgs> {
  readonly pipeline?: string | undefined;
}

/** Every statement `rocky run` would execute, with its parameters; reads the warehouse and state, changes nothing. */
export async function plan(args: PlanArgs, io: CliIo): Promise<PlanOutput> {
  const { config, logger } = await openProject(args);
  const selected = selectPipelines(config, args.pipeline);
  const models = modelRunOptionsFrom(args);
  const state = openStateStore(config.statePath, { create: false });
  const adapters = createAdapterPool(config, logger, { cache: cacheFlags(args) });
  const progress = createProgress(io, args.output);
  const result: PlanOutput = { command: "plan", status: "succeeded", pipelines: [] };
  try {
    for (const [name, pipeline] of selected) {
      result.pipelines.push(await runnerFor(name, pipeline).plan({ name, config: pipeline, project: config, adapters, state, logger, progress, models }));
    }
  } finally {
    progress.done();
    await adapters.closeAll();
    await state?.close();
  }
  const cache = adapters.cacheStats();
  if (cache) result.cache = cache;
  if (args.output === "json") writeJson(io, result);
  else io.stdout.write(formatPlan(result));
  return result;
}

/** A `--` comment line: a name with a newline or an escape sequence in it cannot end the comment or reach the terminal. */
const comment = (text: string) => `-- ${escapeText(text)}\n`;

function formatStatement(s: PlannedStatement): string {
  if ("method" in s) return comment(`adapter method: ${s.method} ${JSON.stringify(s.params)}`);
  return `${s.sql};\n${s.params.length > 0 ? comment(`params: ${JSON.stringify(s.params)}`) : ""}`;
}

/** The plan as an annotated SQL script. */
export function formatPlan(result: PlanOutput): string {
  const parts: string[] = [];
  for (const p of result.pipelines) {
    const counts = p.type === "transformation" ? `${p.models?.length ?? 0} model(s)` : `${p.tables.length} table(s), ${p.skipped.length} skipped`;
    parts.push(comment(`pipeline ${p.pipeline} (${p.type}) on adapter "${p.adapter}": ${counts}`));
    if (p.setup.length > 0) parts.push(`${comment("setup")}${p.setup.map(formatStatement).join("")}`);
    for (const t of p.tables) {
      const notes = t.notes.map((n) => comment(`note: ${n}`)).join("");
      parts.push(`${comment(`${t.target}: ${t.strategy} (${t.reason})`)}${notes}${t.statements.map(formatStatement).join("")}`);
    }
    for (const m of p.models ?? []) {
      const partitions = m.partitions.length > 0 ? `, partitions ${m.partitions.join(" ")}` : "";
      parts.push(`${comment(`model ${m.name} -> ${m.target}: ${m.strategy} (${m.reason}${partitions})`)}${m.statements.map(formatStatement).join("")}`);
    }
    for (const s of p.skipped) parts.push(comment(`skipped ${[s.catalog, s.schema, s.table].filter(Boolean).join(".")}: ${s.reason}`));
    const governance = governanceLines(p.governance);
    if (governance.length > 0) parts.push(governance.map(comment).join(""));
  }
  if (result.cache) parts.push(`-- ${formatCacheStats(result.cache)}`);
  return parts.join("\n");
}

export function planCommand(io: CliIo): CommandModule<object, PlanArgs> {
  return {
    command: "plan",
    describe: "Show the SQL `rocky run` would execute, with its parameters, without running it",
    builder: (y) => addModelRunOptions(withCacheOptions(withCommonOptions(y)).option("pipeline", { alias: "p", type: "string", describe: "Only this pipeline" })),
    handler: async (args) => {
      await plan(args, io);
    },
  };
}
