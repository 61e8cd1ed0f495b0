import type { CommandModule } from "yargs";
import type { DiscoverOutput } from "@rocky/protocol";
import { createAdapterPool } from "../pipeline/adapter-pool.js";
import { runnerFor } from "../pipeline/registry.js";
import { selectPipelines } from "../pipeline/select-pipelines.js";
import type { CliIo } from "./cli-io.js";
import { openProject, withCommonOptions, type CommonArgs } from "./common-options.js";
import { renderTable, writeJson } from "./output.js";
import { createProgress } from "./progress.js";

export interface DiscoverArgs extends CommonArgs {
  readonly pipeline?: string | undefined;
}

/** Lists what each pipeline's source adapter reports and how its schemas map to targets. */
export async function discover(args: DiscoverArgs, io: CliIo): Promise<DiscoverOutput> {
  const { config, logger } = await openProject(args);
  const selected = selectPipelines(config, args.pipeline);
  const adapters = createAdapterPool(config, logger);
  const progress = createProgress(io, args.output);
  const result: DiscoverOutput = { command: "discover", status: "succeeded", pipelines: [] };
  try {
    for (const [name, pipeline] of selected) {
      const runner = runnerFor(name, pipeline);
      if (!runner.discover) continue;
      progress.update(`${name}: discovering sources`);
      result.pipelines.push(await runner.discover({ name, config: pipeline, project: config, adapters, state: undefined, logger, progress }));
    }
  } finally {
    progress.done();
    await adapters.closeAll();
  }
  if (args.output === "json") writeJson(io, result);
  else io.stdout.write(formatDiscover(result));
  return result;
}

export function formatDiscover(result: DiscoverOutput): string {
  const schemas = result.pipelines.flatMap((p) => p.schemas.map((s) => ({ pipeline: p.pipeline, ...s })));
  const skipped = result.pipelines.flatMap((p) => p.skipped.map((s) => ({ pipeline: p.pipeline, ...s })));
  let out = renderTable(schemas, [
    { header: "PIPELINE", value: (s) => s.pipeline },
    { header: "SOURCE", value: (s) => [s.catalog, s.schema].filter(Boolean).join(".") },
    { header: "TABLES", value: (s) => String(s.tables.length), align: "right" },
    { header: "TARGET", value: (s) => [s.target_catalog, s.target_schema].filter(Boolean).join(".") },
    { header: "COMPONENTS", value: (s) => Object.entries(s.components).map(([k, v]) => `${k}=${v}`).join(" ") },
  ]);
  if (skipped.length > 0) {
    out += `\n${renderTable(skipped, [
      { header: "PIPELINE", value: (s) => s.pipeline },
      { header: "SKIPPED", value: (s) => [s.catalog, s.schema, s.table].filter(Boolean).join(".") },
      { header: "REASON", value: (s) => s.reason },
    ])}`;
  }
  return out;
}

export function discoverCommand(io: CliIo): CommandModule<object, DiscoverArgs> {
  return {
    command: "discover",
    describe: "List the source schemas and tables each pipeline would copy, and where to",
    builder: (y) => withCommonOptions(y).option("pipeline", { alias: "p", type: "string", describe: "Only this pipeline" }),
    handler: async (args) => {
      await discover(args, io);
    },
  };
}
