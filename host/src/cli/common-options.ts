import type { Argv } from "yargs";
import { loadConfig, type LoadedConfig } from "../config/load-config.js";
import { createLogger, type Logger } from "../log.js";

export type OutputFormat = "json" | "table";

export interface CommonArgs {
  readonly config: string;
  readonly output: OutputFormat;
}

/** --config and --output, accepted by every project command. */
export function withCommonOptions<T>(yargs: Argv<T>): Argv<T & CommonArgs> {
  return yargs
    .option("config", { alias: "c", type: "string", default: "rocky.toml", describe: "Path to rocky.toml" })
    .option("output", { alias: "o", choices: ["json", "table"] as const, default: "table" as OutputFormat, describe: "Result format on stdout" }) as Argv<T & CommonArgs>;
}

export interface Project {
  readonly config: LoadedConfig;
  readonly logger: Logger;
}

export async function openProject(args: CommonArgs): Promise<Project> {
  return { config: await loadConfig(args.config), logger: createLogger() };
}
