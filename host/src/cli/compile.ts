import type { Argv, CommandModule } from "yargs";
import type { CompileOutput } from "@rocky/protocol";
import { RockyError } from "../errors.js";
import { compileProject } from "../models/compile-project.js";
import { formatDiagnostic } from "../models/diagnostics.js";

export interface CompileArgs {
  readonly config: string;
  readonly models?: string | undefined;
  readonly dialect?: string | undefined;
  readonly pipeline?: string | undefined;
  readonly output: "text" | "json";
}

/** Where the command's result goes; tests pass a capturing stream. */
export interface CompileIo {
  readonly stdout: NodeJS.WritableStream;
  readonly cwd?: string;
}

/**
 * `rocky compile`: every model loaded, parsed and resolved; the result (models, order, diagnostics) on stdout.
 * Errors among the diagnostics throw after the output is written, so the one reporter in main.ts picks exit code 1.
 */
export async function runCompile(args: CompileArgs, io: CompileIo): Promise<CompileOutput> {
  const output = await compileProject({ config: args.config, models: args.models, dialect: args.dialect, pipeline: args.pipeline, cwd: io.cwd });
  io.stdout.write(args.output === "json" ? `${JSON.stringify(output, null, 2)}\n` : formatCompileOutput(output));
  const errors = output.diagnostics.filter((d) => d.severity === "error").length;
  if (errors > 0) {
    throw new RockyError("MODEL_INVALID", `Compilation failed with ${errors} error${errors === 1 ? "" : "s"}`, {
      hint: "Fix the problems listed above; each names its file and line",
    });
  }
  return output;
}

export function formatCompileOutput(output: CompileOutput): string {
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

export function compileBuilder(y: Argv): Argv<CompileArgs> {
  return y
    .option("config", { type: "string", default: "rocky.toml", describe: "Path to rocky.toml" })
    .option("models", { type: "string", describe: "Compile this models directory instead of rocky.toml's transformation pipelines" })
    .option("dialect", { type: "string", describe: "SQL dialect: duckdb, databricks, snowflake (default: the target adapter's type)" })
    .option("pipeline", { type: "string", describe: "Only this transformation pipeline" })
    .option("output", { choices: ["text", "json"] as const, default: "text" as const, describe: "Output format" }) as unknown as Argv<CompileArgs>;
}

export const command: CommandModule<object, CompileArgs> = {
  command: "compile",
  describe: "Load, parse and resolve the models; report every problem with its location",
  builder: compileBuilder,
  handler: async (args) => {
    await runCompile(args, { stdout: process.stdout });
  },
};
