import type { LazyCommandSpec } from "./lazy-command.js";

/** Every rocky command, in `rocky --help` order; each module is imported only when its command is used. */
export const COMMANDS: readonly LazyCommandSpec[] = [
  {
    command: "discover",
    describe: "List the source schemas and tables each pipeline would copy, and where to",
    load: async () => (await import("./discover.js")).discoverCommand,
  },
  {
    command: "compile",
    describe: "Load, parse and resolve the models; report every problem with its location",
    load: async () => (await import("./compile.js")).compileCommand,
  },
  {
    command: "plan",
    describe: "Show the SQL `rocky run` would execute, with its parameters, without running it",
    load: async () => (await import("./plan.js")).planCommand,
  },
  {
    command: "run",
    describe: "Run the pipelines in rocky.toml (or one with --pipeline)",
    load: async () => (await import("./run.js")).runCommand,
  },
  {
    command: "state [action]",
    describe: "Show the stored watermarks; restore the last-good copy, or rebuild them from the target tables",
    load: async () => (await import("./state.js")).stateCommand,
  },
  {
    command: "history",
    describe: "Show recorded runs, newest first",
    load: async () => (await import("./history.js")).historyCommand,
  },
  {
    command: "metrics",
    describe: "Show counters and duration percentiles of recent runs, from the run history",
    load: async () => (await import("./metrics.js")).metricsCommand,
  },
  {
    command: "doctor",
    describe: "Check the config, start and handshake every adapter, and read the state store, changing nothing",
    load: async () => (await import("./doctor.js")).doctorCommand,
  },
  {
    command: "test-adapter",
    describe: "Run the conformance suite against an adapter, through its protocol only",
    load: async () => (await import("./test-adapter.js")).testAdapterCommand,
  },
  {
    command: "adapter",
    describe: "List the adapters Rocky can start (rocky adapter list), or show one's manifest (rocky adapter info NAME)",
    load: async () => (await import("./adapter.js")).adapterCommand,
  },
  {
    command: "init [path]",
    describe: "Create a project: rocky.toml, a model, .gitignore and a README (DuckDB by default)",
    load: async () => (await import("./init-project.js")).initProjectCommand,
  },
  {
    command: "init-adapter <name>",
    describe: "Scaffold a new adapter (Python or TypeScript) that rocky test-adapter can run at once",
    load: async () => (await import("./init-adapter.js")).initAdapterCommand,
  },
];
