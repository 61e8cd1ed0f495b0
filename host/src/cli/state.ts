import type { CommandModule } from "yargs";
import type { StateOutput } from "@rocky/protocol";
import { loadConfig } from "../config/load-config.js";
import { openStateStore } from "../state/state-store.js";
import type { CliIo } from "./cli-io.js";
import { withCommonOptions, type CommonArgs } from "./common-options.js";
import { renderTable, writeJson } from "./output.js";

/** The stored watermark of every target table; empty before the first run. */
export async function state(args: CommonArgs, io: CliIo): Promise<StateOutput> {
  const config = await loadConfig(args.config);
  const store = openStateStore(config.statePath, { create: false });
  let result: StateOutput;
  try {
    result = { command: "state", status: "succeeded", state_path: config.statePath, watermarks: store?.listWatermarks() ?? [] };
  } finally {
    await store?.close();
  }
  if (args.output === "json") writeJson(io, result);
  else if (result.watermarks.length === 0) io.stdout.write(`no watermarks in ${result.state_path}\n`);
  else {
    io.stdout.write(
      renderTable(result.watermarks, [
        { header: "TARGET", value: (w) => w.target },
        { header: "COLUMN", value: (w) => w.column },
        { header: "WATERMARK", value: (w) => w.value },
        { header: "UPDATED", value: (w) => w.updated_at },
        { header: "RUN", value: (w) => w.run_id },
      ]),
    );
  }
  return result;
}

export function stateCommand(io: CliIo): CommandModule<object, CommonArgs> {
  return {
    command: "state",
    describe: "Show the stored watermark of every target table",
    builder: (y) => withCommonOptions(y),
    handler: async (args) => {
      await state(args, io);
    },
  };
}
