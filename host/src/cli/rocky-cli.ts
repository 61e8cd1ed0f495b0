import yargs from "yargs";
import type { ErrorOutput } from "@rocky/protocol";
import { RockyError, isRockyError } from "../errors.js";
import { processIo, redactingIo, type CliIo } from "./cli-io.js";
import { COMMANDS } from "./commands.js";
import { lazyCommand } from "./lazy-command.js";
import { writeJson } from "./output.js";
import { reportError } from "./report-error.js";

/** What a failed command prints with --output json when it wrote no result of its own: the envelope with the error. */
export function errorOutput(command: string, err: unknown): ErrorOutput {
  const code = isRockyError(err) ? err.code : "INTERNAL";
  const message = err instanceof Error ? err.message : String(err);
  const hint = isRockyError(err) ? err.hint : undefined;
  const location = isRockyError(err) ? err.location : undefined;
  return { command, status: "failed", error: { code, message, ...(hint ? { hint } : {}), ...(location ? { location: { ...location } } : {}) } };
}

/** Parses `args` (argv without node and the script) and runs the command; returns the exit code, errors reported on stderr. */
export async function runRockyCli(args: readonly string[], given: CliIo = processIo()): Promise<number> {
  const io = redactingIo(given);
  let wrote = false;
  const stdout = io.stdout;
  const tracked: CliIo = {
    ...io,
    stdout: Object.assign(Object.create(stdout) as NodeJS.WritableStream, {
      write: (...a: Parameters<NodeJS.WritableStream["write"]>) => {
        wrote = true;
        return stdout.write(...a);
      },
    }),
  };
  let parsed: { readonly command: string; readonly json: boolean } | undefined;
  const cli = yargs([...args])
    .scriptName("rocky")
    .usage("$0 <command> [options]")
    .command(COMMANDS.map((spec) => lazyCommand(spec, tracked)))
    .middleware((argv) => {
      parsed = { command: argv._.map(String).join(" "), json: argv.output === "json" };
    })
    .demandCommand(1, "Pass a command, e.g. rocky run")
    .strict()
    .help()
    .alias("help", "h")
    .version("0.1.0")
    .fail((message, err) => {
      throw err ?? new RockyError("USAGE", message, { hint: "Run rocky --help to see the commands and their options" });
    });
  try {
    await cli.parseAsync();
    return 0;
  } catch (err) {
    if (parsed?.json && !wrote) writeJson(io, errorOutput(parsed.command, err));
    return reportError(err, io);
  }
}
