import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { spawnAdapter } from "../adapter/spawn-adapter.js";
import { loadConfig } from "../config/load-config.js";
import { RockyError } from "../errors.js";
import { createLogger } from "../log.js";
import { adapterSpecFromConfig } from "../pipeline/adapter-pool.js";
import type { CliIo } from "./cli-io.js";
import { listFiles, RENAMES, TEMPLATES_DIR } from "./init-adapter.js";

export const PROJECT_TEMPLATES = ["duckdb", "databricks-fivetran", "snowflake-fivetran"] as const;
export type ProjectTemplate = (typeof PROJECT_TEMPLATES)[number];
/** The original Rocky's template names that mean one of ours. */
const ALIASES: Readonly<Record<string, ProjectTemplate>> = { snowflake: "snowflake-fivetran" };

export interface InitProjectArgs {
  readonly path?: string | undefined;
  readonly template?: string | undefined;
  readonly force?: boolean | undefined;
  /** duckdb: land raw__shop.orders and raw__shop.customers in warehouse.duckdb through the adapter, so the first run copies something. */
  readonly "sample-data"?: boolean | undefined;
}

export interface InitProjectResult {
  readonly dir: string;
  readonly template: ProjectTemplate;
  /** Paths written, relative to `dir`. */
  readonly files: readonly string[];
  readonly nextSteps: readonly string[];
}

/** A model on the sample data's bronze copies, written with it. */
const SAMPLE_MODEL = {
  "models/customer_orders.sql": "SELECT c.customer_id, c.name, count(o.order_id) AS orders, sum(o.amount) AS revenue\nFROM staging__shop.customers c\nLEFT JOIN staging__shop.orders o ON o.customer_id = c.customer_id\nGROUP BY c.customer_id, c.name\n",
  "models/customer_orders.toml": 'description = "Orders and revenue per customer, from the bronze copies of the sample data"\n\n[strategy]\ntype = "full_refresh"\n',
};

/**
 * Writes a project from templates/projects/<template>/: rocky.toml, a model, .gitignore and a README. Files that exist
 * are never overwritten without `force` (then only the template's own files are); nothing is written when one would be.
 */
export function initProject(args: InitProjectArgs, cwd = process.cwd()): InitProjectResult {
  const asked = args.template ?? "duckdb";
  const template = (PROJECT_TEMPLATES as readonly string[]).includes(asked) ? (asked as ProjectTemplate) : ALIASES[asked];
  if (template === undefined) {
    throw new RockyError("USAGE", `Unknown project template "${asked}"`, { hint: `Choose one of: ${PROJECT_TEMPLATES.join(", ")}` });
  }
  const source = join(TEMPLATES_DIR, "projects", template);
  if (!existsSync(source)) throw new RockyError("USAGE", `Template "${template}" is missing: ${source} does not exist`, { hint: "Run rocky from a complete checkout" });
  if (args["sample-data"] && template !== "duckdb") {
    throw new RockyError("USAGE", "--sample-data lands tables in the project's DuckDB file: it needs --template duckdb", { hint: "Leave out --sample-data, or use --template duckdb" });
  }
  const dir = resolve(cwd, args.path ?? ".");
  const name = basename(dir);
  const planned = [
    ...listFiles(source).sort().map((rel) => ({ text: () => readFileSync(join(source, rel), "utf8").replace(/\{\{name\}\}/g, name), to: join(dir, ...rel.split(/[\\/]/).map((p) => RENAMES[p] ?? p)) })),
    ...(args["sample-data"] ? Object.entries(SAMPLE_MODEL).map(([rel, text]) => ({ text: () => text, to: join(dir, rel) })) : []),
  ];
  const existing = planned.filter((f) => existsSync(f.to)).map((f) => relative(dir, f.to));
  if (existing.length > 0 && !args.force) {
    throw new RockyError("INIT_PROJECT_FAILED", `Cannot create a project in "${dir}": ${existing.map((f) => `"${f}"`).join(", ")} already exist${existing.length === 1 ? "s" : ""}`, {
      hint: "Choose an empty directory (rocky init my-project), or pass --force to overwrite these files (others are kept)",
    });
  }
  for (const f of planned) {
    mkdirSync(dirname(f.to), { recursive: true });
    writeFileSync(f.to, f.text());
  }
  const at = relative(cwd, dir);
  const steps = [
    ...(at === "" ? [] : [`cd ${at}`]),
    ...(template === "duckdb" ? ["npx rocky run       # bronze copies raw__* tables (README.md shows how to land some), silver builds models/"] : ["export the variables rocky.toml names (see README.md)", "npx rocky doctor", "npx rocky plan"]),
  ];
  return { dir, template, files: planned.map((f) => relative(dir, f.to)).sort(), nextSteps: steps };
}

/** Landed the way an ingestion tool would: a raw__<source> schema per source, each row stamped with _loaded_at. */
const SAMPLE_DATA = [
  "CREATE SCHEMA IF NOT EXISTS raw__shop",
  "CREATE OR REPLACE TABLE raw__shop.customers AS SELECT i AS customer_id, 'customer ' || i AS name, TIMESTAMP '2026-01-01' + INTERVAL (i) HOUR AS _loaded_at FROM range(1, 51) t(i)",
  "CREATE OR REPLACE TABLE raw__shop.orders AS SELECT i AS order_id, 1 + i % 50 AS customer_id, round(10 + (i * 37) % 490, 2)::DECIMAL(10, 2) AS amount, TIMESTAMP '2026-01-01' + INTERVAL (i) MINUTE AS _loaded_at FROM range(1, 1001) t(i)",
];


/** Lands the sample tables through the project's own DuckDB adapter, as `rocky run` would start it. */
async function landSampleData(dir: string): Promise<void> {
  const config = await loadConfig(join(dir, "rocky.toml"));
  const client = await spawnAdapter({ spec: adapterSpecFromConfig(config, "local"), logger: createLogger() });
  try {
    for (const sql of SAMPLE_DATA) await client.executeStatement(sql, []);
  } finally {
    await client.close();
  }
}

export function initProjectCommand(io: CliIo): CommandModule<object, InitProjectArgs> {
  return {
    command: "init [path]",
    describe: "Create a project: rocky.toml, a model, .gitignore and a README (DuckDB by default)",
    builder: (y: Argv) =>
      y
        .positional("path", { type: "string", describe: "Directory of the project (default: the current one)" })
        .option("template", { type: "string", default: "duckdb", describe: `One of ${PROJECT_TEMPLATES.join(", ")}` })
        .option("force", { type: "boolean", default: false, describe: "Overwrite the template's files where they exist" })
        .option("sample-data", { type: "boolean", default: false, describe: "duckdb: land raw__shop.orders and raw__shop.customers, so the first run copies them" }) as unknown as Argv<InitProjectArgs>,
    handler: async (args) => {
      const result = initProject(args);
      if (args["sample-data"]) await landSampleData(result.dir);
      const landed = args["sample-data"] ? ["", "Landed raw__shop.customers (50 rows) and raw__shop.orders (1,000 rows) in warehouse.duckdb."] : [];
      const lines = [`Created a ${result.template} project in ${result.dir}:`, ...result.files.map((f) => `  ${f}`), ...landed, "", "Next steps:", ...result.nextSteps.map((s) => `  ${s}`), ""];
      io.stdout.write(lines.join("\n"));
    },
  };
}
