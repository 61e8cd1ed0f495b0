#!/usr/bin/env node
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { RockyError } from "./errors.js";
import { processIo } from "./cli/cli-io.js";
import { COMMANDS } from "./cli/commands.js";
import { lazyCommand } from "./cli/lazy-command.js";
import { reportError } from "./cli/report-error.js";

const io = processIo();

const cli = yargs(hideBin(process.argv))
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
} catch (err) {
  process.exitCode = reportError(err, io);
}
