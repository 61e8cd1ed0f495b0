import { registerSchemaSecrets } from "../config/register-secrets.js";
import { escapeLines } from "../escape-text.js";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse as parseToml } from "smol-toml";
import type { Argv, CommandModule } from "yargs";
import { resolveAdapter } from "../adapter/resolve-adapter.js";
import { loadConfig } from "../config/load-config.js";
import { RockyError } from "../errors.js";
import { adapterSpecFromConfig } from "../pipeline/adapter-pool.js";
import { createLogger, type Logger } from "../log.js";
import { dialectFor } from "../sql/dialect.js";
import type { CliIo } from "./cli-io.js";
import { createProgress } from "./progress.js";

export interface TestAdapterArgs {
  readonly adapter?: string | undefined;
  readonly command?: string | undefined;
  readonly config?: string | undefined;
  readonly "adapter-config"?: string | undefined;
  /** rocky.toml whose [adapter.NAME] --adapter names (default ./rocky.toml when it exists). */
  readonly project?: string | undefined;
  /** text (alias table, as the other commands call it), json or junit. */
  readonly output?: "text" | "table" | "json" | "junit" | undefined;
  readonly "expected-failures"?: string | undefined;
  readonly only?: readonly string[] | undefined;
  readonly catalog?: string | undefined;
  readonly schema?: string | undefined;
  readonly "long-query"?: string | undefined;
  readonly "startup-timeout"?: number | undefined;
  /** The whole run, in ms. */
  readonly timeout?: number | undefined;
  readonly "request-timeout"?: number | undefined;
  readonly grace?: number | undefined;
  readonly "cancel-timeout"?: number | undefined;
}

export interface TestAdapterIo {
  readonly stdout: NodeJS.WritableStream;
  readonly logger: Logger;
  /** Base of relative paths (default: the process's working directory). */
  readonly cwd?: string;
  /** Called as each check finishes (the CLI draws a progress line on a TTY). */
  readonly onCheck?: (id: string, status: string, done: number, total: number) => void;
}

function readConfig(args: TestAdapterArgs, cwd: string): Record<string, unknown> {
  if (args.config !== undefined && args["adapter-config"] !== undefined) {
    throw new RockyError("USAGE", "Give the adapter's config with --config FILE or --adapter-config JSON, not both");
  }
  let text = args["adapter-config"];
  let file = "--adapter-config";
  if (args.config !== undefined) {
    file = resolve(cwd, args.config);
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      throw new RockyError("CONFIG_NOT_FOUND", `Cannot read adapter config "${file}": ${(err as Error).message}`, { hint: "--config takes a JSON or TOML file holding the adapter's own config" });
    }
  }
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = file.endsWith(".toml") ? parseToml(text) : JSON.parse(text);
  } catch (err) {
    throw new RockyError("CONFIG_INVALID", `Cannot parse adapter config ${file === "--adapter-config" ? "given with --adapter-config" : `"${file}"`}: ${(err as Error).message}`, {
      hint: "Files ending in .toml are read as TOML, anything else as JSON",
    });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new RockyError("CONFIG_INVALID", `The adapter config must be an object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

/** [adapter.NAME] from rocky.toml, resolved as `rocky run` resolves it; undefined when there is no such project or section. */
async function projectAdapter(name: string, args: TestAdapterArgs, cwd: string) {
  if (args.project === "none") return undefined;
  const file = resolve(cwd, args.project ?? "rocky.toml");
  if (args.project === undefined && !existsSync(file)) return undefined;
  const project = await loadConfig(file);
  if (!project.adapters.has(name)) {
    if (args.project === undefined) return undefined;
    throw new RockyError("ADAPTER_NOT_FOUND", `No adapter named "${name}" in "${file}"`, { hint: `Declare [adapter.${name}] there, or drop --project to resolve "${name}" as an adapter type` });
  }
  return { file, spec: adapterSpecFromConfig(project, name) };
}

/** Runs the conformance suite on one adapter and writes the report; throws CONFORMANCE_FAILED after writing it when the run failed. */
export async function testAdapter(args: TestAdapterArgs, io: TestAdapterIo) {
  const c = await import("@rocky/conformance");
  const cwd = io.cwd ?? process.cwd();
  if ((args.adapter === undefined) === (args.command === undefined)) {
    throw new RockyError("USAGE", args.adapter === undefined ? "Say which adapter to test: --adapter TYPE or --command \"PROGRAM ARGS\"" : "Give --adapter or --command, not both", {
      hint: 'e.g. rocky test-adapter --adapter duckdb --config duckdb.json, or rocky test-adapter --command "python3 adapter.py"',
    });
  }
  let config = readConfig(args, cwd);
  let command: string[];
  let label: string;
  let adapterCwd = cwd;
  if (args.command !== undefined) {
    try {
      command = c.splitCommand(args.command);
    } catch (err) {
      throw new RockyError("USAGE", `Cannot read --command: ${(err as Error).message}`);
    }
    if (command.length === 0) throw new RockyError("USAGE", "--command is empty", { hint: 'Give the program and its arguments, e.g. --command "python3 adapter.py"' });
    label = args.command;
  } else {
    const name = args.adapter as string;
    const fromProject = await projectAdapter(name, args, cwd);
    if (fromProject) {
      if (args.config !== undefined || args["adapter-config"] !== undefined) {
        throw new RockyError("USAGE", `Adapter "${name}" is configured in "${fromProject.file}"; --config and --adapter-config would override it`, {
          hint: `Drop --config to test [adapter.${name}] as rocky.toml has it, or pass --project none to resolve "${name}" as an adapter type`,
        });
      }
      command = [...fromProject.spec.command];
      config = { ...fromProject.spec.config };
      adapterCwd = fromProject.spec.cwd ?? cwd;
    } else {
      command = [...resolveAdapter({ name, type: name, config, baseDir: cwd }).command];
    }
    label = name;
  }
  let expected: ReadonlySet<string> | undefined;
  const expectedFile = args["expected-failures"] === undefined ? undefined : resolve(cwd, args["expected-failures"]);
  if (expectedFile) {
    let text: string;
    try {
      text = readFileSync(expectedFile, "utf8");
    } catch (err) {
      throw new RockyError("USAGE", `Cannot read expected failures "${expectedFile}": ${(err as Error).message}`);
    }
    const parsed = c.parseExpectedFailures(text);
    if (parsed.problems.length > 0) {
      throw new RockyError("USAGE", `Expected failures "${expectedFile}": ${parsed.problems.join("; ")}`, { hint: `Check ids: ${c.CHECKS.map((k) => k.id).join(", ")}` });
    }
    expected = parsed.ids;
  }
  const only = args.only?.flatMap((o) => o.split(",")).map((o) => o.trim()).filter((o) => o !== "");
  const unknown = only?.filter((id) => !c.isCheckId(id)) ?? [];
  if (unknown.length > 0) throw new RockyError("USAGE", `--only names unknown check(s) ${unknown.map((u) => `"${u}"`).join(", ")}`, { hint: `Check ids: ${c.CHECKS.map((k) => k.id).join(", ")}` });

  let finished = 0;
  // Until the manifest says which config keys are secret, the adapter's log lines wait (a careless adapter echoes its config).
  const held: (() => void)[] = [];
  let holding = true;
  const release = () => {
    holding = false;
    for (const line of held.splice(0)) line();
  };
  const logger = {
    debug: (obj: object, msg?: string) => (holding ? held.push(() => io.logger.debug(obj, msg)) : io.logger.debug(obj, msg)),
    warn: (obj: object, msg?: string) => (holding ? held.push(() => io.logger.warn(obj, msg)) : io.logger.warn(obj, msg)),
  };
  const report = await c.runConformance({
    launch: { label, command, config, cwd: adapterCwd },
    dialectFor,
    timeouts: {
      ...(args["startup-timeout"] !== undefined ? { startupMs: args["startup-timeout"] } : {}),
      ...(args.timeout !== undefined ? { totalMs: args.timeout } : {}),
      ...(args["request-timeout"] !== undefined ? { requestMs: args["request-timeout"] } : {}),
      ...(args.grace !== undefined ? { graceMs: args.grace } : {}),
      ...(args["cancel-timeout"] !== undefined ? { cancelMs: args["cancel-timeout"] } : {}),
    },
    ...(args.catalog !== undefined ? { catalog: args.catalog } : {}),
    ...(args.schema !== undefined ? { schema: args.schema } : {}),
    ...(args["long-query"] !== undefined ? { longQuery: args["long-query"] } : {}),
    ...(expected ? { expectedFailures: expected } : {}),
    ...(only ? { only: new Set(only) } : {}),
    logger,
    onManifest: (manifest) => {
      registerSchemaSecrets(manifest.config_schema, config);
      release();
    },
    onResult: (r) => {
      finished++;
      io.logger.debug({ check: r.id, status: r.status, ms: r.durationMs }, r.message ?? r.status);
      io.onCheck?.(r.id, r.status, finished, c.CHECKS.length);
    },
  });
  release();
  const output = args.output ?? "text";
  const rendered = output === "json" ? `${JSON.stringify(c.toJsonOutput(report), null, 2)}\n` : output === "junit" ? c.formatJunit(report) : c.formatHuman(report, expectedFile ? { expectedFailuresFile: expectedFile } : {});
  io.stdout.write(escapeLines(rendered));
  const s = c.summarize(report);
  if (s.status === "skipped") {
    throw new RockyError("CONFORMANCE_FAILED", `No conformance check ran against adapter "${report.adapter}": all ${s.skipped} were skipped`, { hint: "Nothing was verified; check --only and the adapter's capabilities" });
  }
  if (s.status === "failed") {
    const parts = [
      ...(s.unexpected.length > 0 ? [`${s.unexpected.length} conformance check(s) failed: ${s.unexpected.join(", ")}`] : []),
      ...(s.stale.length > 0 ? [`${s.stale.length} expected failure(s) now pass: ${s.stale.join(", ")}`] : []),
    ];
    throw new RockyError("CONFORMANCE_FAILED", `Adapter "${report.adapter}": ${parts.join("; ")}`, {
      hint: s.stale.length > 0 && s.unexpected.length === 0 ? `Remove the passing checks from ${expectedFile}` : "Each failed check above names what went wrong and what to change",
    });
  }
  return s;
}

export function testAdapterBuilder(y: Argv): Argv<TestAdapterArgs> {
  return y
    .option("adapter", { type: "string", describe: "[adapter.NAME] of rocky.toml as rocky run starts it, else an adapter type: rocky-adapter-<type> or rocky-<type> on PATH, or a first-party adapter" })
    .option("project", { type: "string", describe: 'rocky.toml to look up --adapter in (default ./rocky.toml when present; "none" to skip)' })
    .option("command", { type: "string", describe: 'The adapter\'s command line, split like a shell would (no shell runs), e.g. "python3 adapter.py"' })
    .option("config", { type: "string", describe: "The adapter's own config: a JSON or TOML (.toml) file, sent in initialize" })
    .option("adapter-config", { type: "string", describe: "The adapter's config as inline JSON (original Rocky flag)" })
    .option("output", { alias: "o", choices: ["text", "table", "json", "junit"] as const, default: "text" as const, describe: "Report format (table is the same as text)" })
    .option("expected-failures", { type: "string", describe: "File of check ids expected to fail, one per line (# comments); listed checks that pass fail the run" })
    .option("only", { type: "string", array: true, describe: "Run only these check ids (repeat or comma-separate)" })
    .option("catalog", { type: "string", describe: 'Catalog for scratch tables (default "", the default catalog)' })
    .option("schema", { type: "string", describe: 'Schema for scratch tables (default: a new one when create_schema is declared, else "main")' })
    .option("long-query", { type: "string", describe: "A query that runs for several seconds, for the cancellation check" })
    .option("startup-timeout", { type: "number", describe: "Milliseconds allowed for initialize (default 10000)" })
    .option("timeout", { type: "number", describe: "Milliseconds allowed for the whole run; checks not finished by then fail and the report is written (default 60000)" })
    .option("request-timeout", { type: "number", describe: "Milliseconds allowed for each request; a process that misses one is replaced (default 10000)" })
    .option("grace", { type: "number", describe: "Milliseconds allowed for the shutdown answer and for the exit after stdin closes (default 2000)" })
    .option("cancel-timeout", { type: "number", describe: "Milliseconds within which a cancelled request must answer -32800 (default 5000)" }) as unknown as Argv<TestAdapterArgs>;
}

export function testAdapterCommand(io: CliIo): CommandModule<object, TestAdapterArgs> {
  return {
    command: "test-adapter",
    describe: "Run the conformance suite against an adapter, through its protocol only",
    builder: testAdapterBuilder,
    handler: async (args) => {
      const progress = createProgress(io, "table");
      try {
        await testAdapter(args, { stdout: io.stdout, logger: createLogger(), onCheck: (id, status, done, total) => progress.update(`${id} ${status}`, done, total) });
      } finally {
        progress.done();
      }
    },
  };
}
