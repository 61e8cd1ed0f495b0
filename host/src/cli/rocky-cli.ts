import yargs from "yargs";
import { RockyError } from "../errors.js";
import { processIo, redactingIo, type CliIo } from "./cli-io.js";
import { COMMANDS } from "./commands.js";
import { lazyCommand } from "./lazy-command.js";
import { reportError } from "./report-error.js";

/** Parses `args` (argv without node and the script) and runs the command; returns the exit code, errors reported on stderr. */
export async function runRockyCli(args: readonly string[], given: CliIo = processIo()): Promise<number> {
  const io = redactingIo(given);
  const cli = yargs([...args])
    .scriptName("rocky")
    .usage("$0 <command> [options]")
    .command(COMMANDS.map((spec) => lazyCommand(spec, io)))
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
    return reportError(err, io);
  }
}
