import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

import { runRocky } from "./crash-run.js";

const FAULTY = resolve(import.meta.dirname, "fixtures", "faulty-duckdb.mjs");

/** Landing tables, each a function of the row's global sequence number i; `_fivetran_synced` grows with i. */
const TABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  src__acme__shop: {
    // Later batches re-send earlier ids (updates), so the merge model really upserts.
    orders: "i % (3 * {n} / 2) AS id, 'c' || (i % 17) AS customer, CAST((i * 7919) % 100000 AS DECIMAL(12, 2)) / 100 AS amount, TIMESTAMP '2019-01-01' + to_days(CAST((i * 7) % 2550 AS INTEGER)) AS event_at, {synced}",
    customers: "i AS id, 'customer ' || i AS name, {synced}",
  },
  src__globex__crm: {
    deals: "i AS id, ['new', 'won', 'lost'][1 + i % 3] AS stage, i * 3 AS value, {synced}",
    // No _fivetran_synced: copied by full refresh every run.
    stages: "i % 5 AS id, 'stage ' || (i % 5) AS label",
  },
};

const SYNCED = "TIMESTAMP '2024-01-01' + to_microseconds(CAST(i AS BIGINT) * 1000000) AS _fivetran_synced";

const MODELS: Readonly<Record<string, { sql: string; toml: string }>> = {
  m_full: {
    sql: "SELECT customer, count(*) AS orders, sum(amount) AS total FROM lake.acme__shop.orders GROUP BY customer",
    toml: "",
  },
  m_incremental: {
    sql: "SELECT id, customer, amount, _fivetran_synced AS synced FROM lake.acme__shop.orders",
    toml: '[strategy]\ntype = "incremental"\ntimestamp_column = "synced"\n',
  },
  m_merge: {
    sql: "SELECT id, arg_max(amount, _fivetran_synced) AS amount, max(_fivetran_synced) AS synced FROM lake.acme__shop.orders GROUP BY id",
    toml: '[strategy]\ntype = "merge"\nunique_key = "id"\n',
  },
  m_time_interval: {
    sql: "SELECT id, event_at, amount FROM lake.acme__shop.orders WHERE event_at >= @start_date AND event_at < @end_date",
    toml: '[strategy]\ntype = "time_interval"\ntime_column = "event_at"\ngranularity = "year"\nfirst_partition = "2019"\n',
  },
};

function config(command: string): string {
  return `${command}
[pipeline.bronze]
type = "replication"
strategy = "incremental"
concurrency = 2
metadata_columns = [
  { name = "_loaded_at", value = "load_time" },
  { name = "_source_schema", value = "source_schema" },
  { name = "_source_table", value = "source_table" },
  { name = "_run_id", value = "run_id" },
]
source = { adapter = "local", schema_pattern = { prefix = "src__", separator = "__", components = ["tenant", "connector"] } }
target = { adapter = "local", catalog_template = "lake", schema_template = "{tenant}__{connector}" }

[pipeline.bronze_full]
type = "replication"
strategy = "full_refresh"
source = { adapter = "local", schema_pattern = { prefix = "src__globex__", separator = "__", components = ["connector"] } }
target = { adapter = "local", catalog_template = "lake", schema_template = "full__{connector}" }

[pipeline.silver]
type = "transformation"
models = "models"
concurrency = 2
target = { adapter = "local", catalog = "lake", schema = "silver" }

[state]
path = ".rocky/state"
`;
}

const ADAPTER = '[adapter.local]\ntype = "duckdb"\npath = "data/warehouse.duckdb"\ncatalogs_dir = "data/catalogs"\n';

/**
 * "duckdb": the DuckDB adapter (behind the fault proxy in faulty.toml), replication and the models DuckDB can build.
 * "warehouses": the strategies only Databricks (materialized_view) and Snowflake (dynamic_table) have, each on the fault
 * proxy posing as that warehouse over its own DuckDB file (rocky.toml and faulty.toml are the same).
 */
export type ProjectKind = "duckdb" | "warehouses";

const ORDERS = TABLES.src__acme__shop?.orders as string;
const SQL_ORDERS = "SELECT customer, count(*) AS orders, sum(amount) AS total FROM {db}.shop.orders GROUP BY customer";

function warehousesConfig(): string {
  const adapter = (name: string, dialect: string) =>
    `[adapter.${name}]\ntype = "duckdb"\ncommand = ${JSON.stringify([process.execPath, FAULTY, dialect])}\npath = "data/${name}.duckdb"\ncatalogs_dir = "data/catalogs_${name}"\n`;
  const pipeline = (name: string) => `[pipeline.gold_${name}]\ntype = "transformation"\nmodels = "models_${name}"\ntarget = { adapter = "${name}", catalog = "lake_${name}", schema = "gold" }\n`;
  return [adapter("dbx", "databricks"), adapter("sf", "snowflake"), pipeline("dbx"), pipeline("sf"), '[state]\npath = ".rocky/state"\n'].join("\n");
}

function writeModel(dir: string, name: string, sql: string, toml: string): void {
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  writeFileSync(join(dir, `${name}.sql`), `${sql}\n`);
  writeFileSync(join(dir, `${name}.toml`), toml);
}

/** A project in a new temp dir: rocky.toml (the adapters as they are), faulty.toml (behind the fault proxy), models. */
export function createCrashProject(kind: ProjectKind = "duckdb"): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-crash-")));
  if (kind === "warehouses") {
    writeFileSync(join(dir, "rocky.toml"), warehousesConfig());
    writeFileSync(join(dir, "faulty.toml"), warehousesConfig());
    writeModel(dir, "models_dbx/m_materialized_view", SQL_ORDERS.replace("{db}", "dbx"), '[strategy]\ntype = "materialized_view"\n');
    writeModel(dir, "models_sf/m_dynamic_table", SQL_ORDERS.replace("{db}", "sf"), '[strategy]\ntype = "dynamic_table"\ntarget_lag = "1 hour"\nwarehouse = "compute_wh"\n');
    return dir;
  }
  writeFileSync(join(dir, "rocky.toml"), config(ADAPTER));
  writeFileSync(join(dir, "faulty.toml"), config(`${ADAPTER}command = ${JSON.stringify([process.execPath, FAULTY])}\n`));
  for (const [name, m] of Object.entries(MODELS)) writeModel(dir, `models/${name}`, m.sql, m.toml);
  mkdirSync(join(dir, "data", "catalogs"), { recursive: true });
  return dir;
}

/** Appends rows [from, to) to `schema.table` of a DuckDB file, creating both as needed. */
async function append(file: string, tables: Readonly<Record<string, Readonly<Record<string, string>>>>, from: number, to: number, rowsPerBatch: number): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    for (const [schema, columnsOf] of Object.entries(tables)) {
      await connection.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      for (const [table, columns] of Object.entries(columnsOf)) {
        const select = `SELECT ${columns.replace("{synced}", SYNCED).replace("{n}", String(rowsPerBatch))} FROM range(${from}, ${to}) t(i)`;
        await connection.run(`CREATE TABLE IF NOT EXISTS ${schema}.${table} AS ${select} LIMIT 0`);
        await connection.run(`INSERT INTO ${schema}.${table} ${select}`);
      }
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Lands rows [from, to) of every landing table; `rowsPerBatch` sizes the id space of the re-sent orders. */
export async function land(dir: string, from: number, to: number, rowsPerBatch: number, kind: ProjectKind = "duckdb"): Promise<void> {
  if (kind === "duckdb") return append(join(dir, "data", "warehouse.duckdb"), TABLES, from, to, rowsPerBatch);
  for (const db of ["dbx", "sf"]) await append(join(dir, "data", `${db}.duckdb`), { shop: { orders: ORDERS } }, from, to, rowsPerBatch);
}

/** A copy of a project directory (no process may hold its files). */
export function copyProject(from: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-crash-")));
  cpSync(from, dir, { recursive: true });
  return dir;
}

export interface Scenario {
  /** Where each trial starts: the landed rows, and with `nextRun` the state and targets of an earlier run. */
  readonly base: string;
  /** A copy of base after one clean `rocky run --missing`: what every crashed-and-rerun copy must equal. */
  readonly expected: string;
  /** Answers the fault proxy counted in that clean run: the points a between-statements kill can pick from. */
  readonly points: number;
  /** How long that clean run took, to pick kill delays from. */
  readonly cleanMs: number;
}

export interface ScenarioOptions {
  /** Rows per landing table in each batch. */
  readonly rows: number;
  /**
   * true: the base has run once (every strategy past its first run, only time_interval partition 2019 built), then a
   * second batch landed. false: the base holds only landed rows; the trial is a first run.
   */
  readonly nextRun: boolean;
  readonly kind?: ProjectKind;
}

export async function prepareScenario(o: ScenarioOptions): Promise<Scenario> {
  const base = createCrashProject(o.kind);
  await land(base, 0, o.rows, o.rows, o.kind);
  if (o.nextRun) {
    const first = await runRocky(base, { args: ["--partition", "2019"] });
    if (first.code !== 0) throw new Error(`rocky run --partition 2019 failed in ${base}: ${first.stderr}`);
    await land(base, o.rows, 2 * o.rows, o.rows, o.kind);
  }
  const expected = copyProject(base);
  const log = join(expected, "fault.log");
  const started = performance.now();
  // Through the proxy, unarmed: a clean run that counts the answers.
  const clean = await runRocky(expected, { config: "faulty.toml", env: { FAULT_LOG: log } });
  const cleanMs = performance.now() - started;
  if (clean.code !== 0) throw new Error(`clean rocky run failed in ${expected}: ${clean.stderr}`);
  const points = readFileSync(log, "utf8").split("\n").filter((l) => l !== "").length;
  return { base, expected, points, cleanMs };
}
