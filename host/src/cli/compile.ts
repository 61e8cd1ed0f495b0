import { escapeLines } from "../escape-text.js";
import type { Argv, CommandModule } from "yargs";
import type { CompileOutput } from "@rocky/protocol";
import { RockyError } from "../errors.js";
import { compileProject } from "../models/compile-project.js";
import { formatDiagnostic } from "../models/diagnostics.js";
import type { CliIo } from "./cli-io.js";
import { withCommonOptions, type CommonArgs } from "./common-options.js";

export interface CompileArgs extends CommonArgs {
  readonly models?: string | undefined;
  readonly dialect?: string | undefined;
  readonly pipeline?: string | undefined;
}

/**
 * `rocky compile`: every model loaded, parsed and resolved; the result (models, order, diagnostics) on stdout.
 * Errors among the diagnostics throw after the output is written, so the one error reporter picks exit code 1.
 */
export async function compile(args: CompileArgs, io: Pick<CliIo, "stdout">, cwd?: string): Promise<CompileOutput> {
  const output = await compileProject({ config: args.config, models: args.models, dialect: args.dialect, pipeline: args.pipeline, cwd });
  if (args.output === "json") io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  else io.stdout.write(escapeLines(formatCompile(output)));
  const errors = output.diagnostics.filter((d) => d.severity === "error").length;
  if (errors > 0) {
    throw new RockyError("MODEL_INVALID", `Compilation failed with ${errors} error${errors === 1 ? "" : "s"}`, {
      hint: "Fix the problems listed above; each names its file and line",
    });
  }
  return output;
}

export function formatCompile(output: CompileOutput): string {
  const lines: string[] = [];
  const width = Math.max(0, ...output.models.map((m) => m.name.length));
  if (output.models.length > 0) {
    lines.push(`${output.models.length} model${output.models.length === 1 ? "" : "s"}${output.dialect ? ` (${output.dialect})` : ""}:`);
    const ordered = output.order.length > 0 ? output.order.map((n) => output.models.find((m) => m.name === n)) : output.models;
    for (const m of ordered) {
      if (!m) continue;
      const target = [m.target.catalog, m.target.schema, m.target.table].filter(Boolean).join(".");
      const deps = m.depends_on.length > 0 ? ` ← ${m.depends_on.join(", ")}` : "";
      lines.push(`  ${m.name.padEnd(width)}  ${m.strategy.padEnd(17)}  ${target}${deps}`);
    }
  }
  for (const d of output.diagnostics) lines.push(formatDiagnostic(d));
  const errors = output.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = output.diagnostics.length - errors;
  lines.push(`${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`);
  return `${lines.join("\n")}\n`;
}

function compileBuilder(y: Argv): Argv<CompileArgs> {
  return withCommonOptions(y)
    .option("models", { type: "string", describe: "Compile this models directory instead of rocky.toml's transformation pipelines" })
    .option("dialect", { type: "string", describe: "SQL dialect: duckdb, databricks, snowflake (default: the target adapter's type)" })
    .option("pipeline", { alias: "p", type: "string", describe: "Only this transformation pipeline" }) as unknown as Argv<CompileArgs>;
}

export function compileCommand(io: CliIo): CommandModule<object, CompileArgs> {
  return {
    command: "compile",
    describe: "Load, parse and resolve the models; report every problem with its location",
    builder: compileBuilder,
    handler: async (args) => {
      await compile(args, io);
    },
  };
}
