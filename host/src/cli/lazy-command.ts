import type { Argv, CommandModule } from "yargs";
import type { CliIo } from "./cli-io.js";

// Each command has its own argument type; a list of them can only share `any`, as yargs' own command() overloads do.
export type AnyCommandModule = CommandModule<object, any>;

/** A command as `rocky --help` lists it, and how to load the module that implements it. */
export interface LazyCommandSpec {
  readonly command: string;
  readonly describe: string;
  readonly load: () => Promise<(io: CliIo) => AnyCommandModule>;
}

/**
 * A yargs command whose module, and everything that module imports, loads only when the command runs or
 * shows its own --help: `rocky --help` loads no command, `rocky state` no adapter runtime or SQL parser.
 */
export function lazyCommand(spec: LazyCommandSpec, io: CliIo): AnyCommandModule {
  let loaded: Promise<AnyCommandModule> | undefined;
  const load = () => (loaded ??= spec.load().then((factory) => factory(io)));
  return {
    command: spec.command,
    describe: spec.describe,
    builder: async (yargs: Argv) => {
      const { builder } = await load();
      if (typeof builder === "function") return builder(yargs);
      return builder ? yargs.options(builder) : yargs;
    },
    handler: async (args) => (await load()).handler(args),
  };
}
