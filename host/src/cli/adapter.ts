import type { Argv, CommandModule } from "yargs";
import type { AdapterInfoOutput, AdapterListOutput, AdapterManifest, ListedAdapter } from "@rocky/protocol";
import { findAdapterCandidates, type AdapterCandidate } from "../adapter/list-adapters.js";
import { resolveAdapter } from "../adapter/resolve-adapter.js";
import { spawnAdapter } from "../adapter/spawn-adapter.js";
import type { AdapterClient, AdapterSpec } from "../adapter/types.js";
import { createLogger, type Logger } from "../log.js";
import { mapConcurrent } from "../pipeline/map-concurrent.js";
import { toRunError } from "../pipeline/run-error.js";
import type { CliIo } from "./cli-io.js";
import type { OutputFormat } from "./common-options.js";
import { printable, renderTable, writeJson } from "./output.js";

export interface AdapterArgs {
  readonly output: OutputFormat;
  /** Milliseconds each adapter has to start and answer initialize. */
  readonly timeout: number;
  readonly name?: string | undefined;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const PROBES_AT_ONCE = 4;

/** Starts an adapter with an empty config (as the original Rocky does), takes its manifest, and stops it. */
async function probe<T>(spec: AdapterSpec, args: AdapterArgs, logger: Logger, use: (client: AdapterClient) => T): Promise<T> {
  const client = await spawnAdapter({ spec: { ...spec, config: {} }, logger, startupTimeoutMs: args.timeout, shutdownGraceMs: 1_000, skipConfigValidation: true });
  try {
    return use(client);
  } finally {
    await client.close();
  }
}

async function listed(c: AdapterCandidate, args: AdapterArgs, logger: Logger): Promise<ListedAdapter> {
  const base = { name: c.name, program: c.program, path: c.path, origin: c.origin, used: c.used };
  try {
    return await probe(c.spec, args, logger, (client) => ({
      ...base,
      version: client.manifest.version,
      dialect: client.manifest.dialect,
      protocol_version: client.protocolVersion,
      legacy_protocol: client.legacy,
      error: null,
    }));
  } catch (err) {
    return { ...base, version: null, dialect: null, protocol_version: null, legacy_protocol: null, error: toRunError(err) };
  }
}

/** `rocky adapter list`: every adapter executable on PATH and every first-party adapter, each started with a deadline. */
export async function adapterList(args: AdapterArgs, io: CliIo, searchPath?: string): Promise<AdapterListOutput> {
  const logger = createLogger();
  const adapters = await mapConcurrent(findAdapterCandidates(searchPath), PROBES_AT_ONCE, (c) => listed(c, args, logger));
  const result: AdapterListOutput = { command: "adapter list", status: "succeeded", adapters };
  if (args.output === "json") writeJson(io, result);
  else if (adapters.length === 0) io.stdout.write("No adapters found: no rocky-adapter-* or rocky-* executable on PATH and no first-party adapter built\n");
  else io.stdout.write(formatList(adapters));
  return result;
}

export function formatList(adapters: readonly ListedAdapter[]): string {
  return renderTable(adapters, [
    { header: "NAME", value: (a) => printable(a.name) },
    { header: "VERSION", value: (a) => (a.error ? "error" : printable(a.version ?? "-")) },
    { header: "DIALECT", value: (a) => printable(a.dialect ?? "-") },
    { header: "PROTOCOL", value: (a) => (a.protocol_version === null ? "-" : `${a.protocol_version}${a.legacy_protocol ? " (original)" : ""}`) },
    { header: "PATH", value: (a) => printable(a.path) },
    { header: "NOTE", value: (a) => (a.error ? printable(`${a.error.code}: ${a.error.message.split("\n")[0] ?? ""}`) : a.used ? "" : "not used: another comes first") },
  ]);
}

/** `rocky adapter info NAME`: the adapter `type = "NAME"` starts, and its manifest. */
export async function adapterInfo(args: AdapterArgs & { readonly name: string }, io: CliIo, searchPath?: string): Promise<AdapterInfoOutput> {
  const spec = resolveAdapter({ name: args.name, type: args.name, ...(searchPath === undefined ? {} : { searchPath }) });
  const path = spec.command.at(-1) ?? "";
  const result = await probe(spec, args, createLogger(), (client): AdapterInfoOutput => ({
    command: "adapter info",
    status: "succeeded",
    name: args.name,
    path,
    origin: spec.origin === "builtin" ? "builtin" : "path",
    protocol_version: client.protocolVersion,
    legacy_protocol: client.legacy,
    manifest: client.manifest,
  }));
  if (args.output === "json") writeJson(io, result);
  else io.stdout.write(formatInfo(result));
  return result;
}

interface ConfigProperty {
  readonly type?: unknown;
  readonly default?: unknown;
  readonly description?: unknown;
}

/** The config keys of a manifest's config_schema: what to write under [adapter.NAME]. */
function configLines(manifest: AdapterManifest): string[] {
  const schema = manifest.config_schema as { properties?: Record<string, ConfigProperty>; required?: unknown } | undefined;
  const properties = Object.entries(schema?.properties ?? {});
  if (properties.length === 0) return ["config: (none)"];
  const required = new Set(Array.isArray(schema?.required) ? (schema.required as unknown[]) : []);
  return [
    "config (under [adapter.NAME] in rocky.toml):",
    ...properties.map(([key, p]) => {
      const need = required.has(key) ? "required" : p.default !== undefined ? `default ${JSON.stringify(p.default)}` : "optional";
      const description = typeof p.description === "string" ? `: ${p.description}` : "";
      return printable(`  ${key} (${need})${description}`);
    }),
  ];
}

export function formatInfo(info: AdapterInfoOutput): string {
  const m = info.manifest;
  const capabilities = Object.entries(m.capabilities).map(([key, on]) => `  ${key} = ${String(on)}`);
  const lines = [
    `name: ${m.name}`,
    `path: ${info.path}`,
    `version: ${m.version}`,
    `sdk_version: ${m.sdk_version}`,
    `dialect: ${m.dialect}`,
    `protocol_version: ${info.protocol_version}${info.legacy_protocol ? " (original protocol)" : ""}`,
    `auth_methods: ${m.auth_methods.join(", ") || "-"}`,
    `roles: ${(m.roles ?? []).join(", ") || "-"}`,
  ].map(printable);
  return `${[...lines, "capabilities:", ...capabilities.map(printable), ...configLines(m)].join("\n")}\n`;
}

function outputOptions<T>(y: Argv<T>) {
  return y
    .option("output", { alias: "o", choices: ["json", "table"] as const, default: "table" as OutputFormat, describe: "Result format on stdout" })
    .option("timeout", { type: "number", default: DEFAULT_TIMEOUT_MS, describe: "Milliseconds each adapter has to start and answer initialize" });
}

export function adapterCommand(io: CliIo): CommandModule<object, AdapterArgs> {
  return {
    command: "adapter",
    describe: "List the adapters Rocky can start (rocky adapter list), or show one's manifest (rocky adapter info NAME)",
    builder: (y) =>
      y
        .command({
          command: "list",
          describe: "Every rocky-adapter-* and rocky-* executable on PATH and every first-party adapter: name, version, dialect, protocol, path",
          builder: (a: Argv) => outputOptions(a),
          handler: async (a: AdapterArgs) => {
            await adapterList(a, io);
          },
        })
        .command({
          command: "info <name>",
          describe: "The manifest of the adapter that type = NAME starts: capabilities, dialect, config keys",
          builder: (a: Argv) => outputOptions(a).positional("name", { type: "string", describe: "Adapter type, e.g. duckdb" }),
          handler: async (a: AdapterArgs) => {
            await adapterInfo({ ...a, name: String(a.name) }, io);
          },
        })
        .demandCommand(1, "Pass a subcommand: rocky adapter list, or rocky adapter info NAME") as unknown as Argv<AdapterArgs>,
    handler: () => undefined,
  };
}
