#!/usr/bin/env node
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { RockyError } from "./errors.js";
import { processIo } from "./cli/cli-io.js";
import { compileCommand } from "./cli/compile.js";
import { discoverCommand } from "./cli/discover.js";
import { historyCommand } from "./cli/history.js";
import { initAdapterCommand } from "./cli/init-adapter.js";
import { planCommand } from "./cli/plan.js";
import { reportError } from "./cli/report-error.js";
import { runCommand } from "./cli/run.js";
import { stateCommand } from "./cli/state.js";
import { testAdapterCommand } from "./cli/test-adapter.js";

const io = processIo();

const cli = yargs(hideBin(process.argv))
  .scriptName("rocky")
  .usage("$0 <command> [options]")
  .command(discoverCommand(io))
  .command(compileCommand(io))
  .command(planCommand(io))
  .command(runCommand(io))
  .command(stateCommand(io))
  .command(historyCommand(io))
  .command(testAdapterCommand(io))
  .command(initAdapterCommand(io))
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
