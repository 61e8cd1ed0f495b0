import type { CommandModule } from "yargs";
import type { CheckOutput, CheckResult } from "@rocky/protocol";
import { blockingFailures } from "../checks/check-spec.js";
import { runChecks } from "../checks/run-checks.js";
import { escapeLines } from "../escape-text.js";
import { RockyError } from "../errors.js";
import type { CliIo } from "./cli-io.js";
import { openProject, withCommonOptions, type CommonArgs } from "./common-options.js";
import { formatDuration, plural, renderTable, writeJson } from "./output.js";
import { createProgress } from "./progress.js";

export interface CheckArgs extends CommonArgs {
  readonly pipeline?: string | undefined;
  readonly select?: readonly string[] | undefined;
  readonly model?: readonly string[] | undefined;
}

/** Runs the checks and model tests alone; fails with CHECK_FAILED (exit 1) when one of error severity failed. */
export async function check(args: CheckArgs, io: CliIo): Promise<CheckOutput> {
  const { config, logger } = await openProject(args);
  const started = performance.now();
  const progress = createProgress(io, args.output);
  let checks: CheckResult[];
  try {
    checks = await runChecks({ config, pipeline: args.pipeline, select: [...(args.select ?? []), ...(args.model ?? [])], logger, progress });
  } finally {
    progress.done();
  }
  const failed = blockingFailures(checks);
  const result: CheckOutput = { command: "check", status: failed.length > 0 ? "failed" : "succeeded", duration_ms: Math.round(performance.now() - started), checks };
  if (args.output === "json") writeJson(io, result);
  else io.stdout.write(formatChecks(result));
  const [first] = failed;
  if (first) {
    throw new RockyError("CHECK_FAILED", `${plural(failed.length, "error-severity check")} failed; first: ${first.target} ${first.name}: ${first.message}`, {
      hint: "Fix the data or the check; severity = \"warning\" only reports a check",
    });
  }
  return result;
}

export function formatChecks(result: CheckOutput): string {
  const table = result.checks.length === 0 ? "no checks configured\n" : renderTable(result.checks, [
    { header: "TARGET", value: (c) => c.target },
    { header: "CHECK", value: (c) => c.name },
    { header: "SEVERITY", value: (c) => c.severity },
    { header: "STATUS", value: (c) => (c.status === "passed" ? "ok" : c.severity === "error" ? "FAILED" : "warn") },
    { header: "DETAIL", value: (c) => c.message },
  ]);
  const passed = result.checks.filter((c) => c.status === "passed").length;
  return escapeLines(`${table}${passed} passed, ${result.checks.length - passed} failed (${blockingFailures(result.checks).length} of error severity) in ${formatDuration(result.duration_ms)}\n`);
}

export function checkCommand(io: CliIo): CommandModule<object, CheckArgs> {
  return {
    command: "check",
    describe: "Run the pipelines' checks and the models' [[tests]] on what the warehouse holds now, without copying or building",
    builder: (y) =>
      withCommonOptions(y)
        .option("pipeline", { alias: "p", type: "string", describe: "Only this pipeline" })
        .option("select", { type: "string", array: true, describe: "Models as rocky run takes them (name, +name, name+, tag:x); plain names and globs also pick replicated tables" })
        .option("model", { type: "string", array: true, describe: "Same as --select" }),
    handler: async (args) => {
      await check(args, io);
    },
  };
}
