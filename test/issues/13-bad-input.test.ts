import { execFile, spawn } from "node:child_process";
import { mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO, ROCKY, type CliResult } from "../e2e/helpers.js";

const HOSTILE_TABLES = [
  "evil\nDROP TABLE main.victim; --",
  "cr\rDROP TABLE main.victim; --",
  "x */ DROP TABLE main.victim; /* ",
  "\x1b[31mred\x1b[0m\x07\x1b]0;pwned\x07",
  "quote'\"",
  "semi; DROP TABLE main.victim",
  "line\u2028sep",
];
const HOSTILE_SCHEMA = "src__acme__shop\nDROP TABLE main.victim; --";

const TOML = (schemaTemplate: string) => `
[adapter.local]
type = "duckdb"
path = "land.duckdb"

[pipeline.bronze]
type = "replication"
strategy = "full_refresh"

[pipeline.bronze.source]
adapter = "local"
schema_pattern = { prefix = "src__", separator = "__", components = ["tenant", "connector"] }

[pipeline.bronze.target]
adapter = "local"
schema_template = "${schemaTemplate}"
`;

/** The CLI without any clean-up of its output: control characters must already be escaped. */
function rockyRaw(cwd: string, ...args: string[]): Promise<CliResult> {
  return new Promise((done) => {
    execFile(process.execPath, [ROCKY, ...args], { cwd, env: { ...process.env, ROCKY_LOG: "warn" } }, (err, stdout, stderr) => {
      done({ stdout, stderr, exitCode: err && typeof err.code === "number" ? err.code : err ? 1 : 0 });
    });
  });
}

async function withDuck<T>(file: string, fn: (run: (sql: string) => Promise<unknown[][]>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    return await fn(async (sql) => (await connection.run(sql)).getRowsJS());
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const TABLES_SQL = "SELECT schema_name, table_name FROM duckdb_tables() ORDER BY ALL";
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

describe("issue 13: bad input never becomes live SQL or a wrong target", { timeout: 120_000 }, () => {
  let project: string;
  beforeAll(async () => {
    project = realpathSync(mkdtempSync(join(tmpdir(), "rocky-hostile-")));
    writeFileSync(join(project, "rocky.toml"), TOML("bronze__{tenant}__{connector}"));
    await withDuck(join(project, "land.duckdb"), async (run) => {
      await run("CREATE TABLE main.victim AS SELECT 42 AS id");
      await run("CREATE SCHEMA src__acme__shopify");
      await run("CREATE TABLE src__acme__shopify.orders AS SELECT 1 AS id, TIMESTAMP '2024-01-01' AS _fivetran_synced");
      for (const name of HOSTILE_TABLES) await run(`CREATE TABLE src__acme__shopify."${name.replaceAll('"', '""')}" AS SELECT 1 AS id`);
      await run(`CREATE SCHEMA "${HOSTILE_SCHEMA}"`);
      await run(`CREATE TABLE "${HOSTILE_SCHEMA}".t AS SELECT 1 AS id`);
    });
  });

  it("prints a plan that, run as a script, changes nothing but the intended tables", async () => {
    const plan = await rockyRaw(project, "plan");
    expect(plan.stderr).toBe("");
    expect(plan.exitCode).toBe(0);
    expect(plan.stdout).not.toMatch(RAW_CONTROL);
    expect(plan.stdout).toContain("-- skipped land.src__acme__shopify.evil\\nDROP TABLE main.victim; --: table name is not a valid identifier");
    expect(plan.stdout).toContain("-- skipped land.src__acme__shopify.\\x1b[31mred\\x1b[0m\\x07\\x1b]0;pwned\\x07: table name is not a valid identifier");
    expect(plan.stdout).toContain("-- skipped land.src__acme__shop\\nDROP TABLE main.victim; --: source catalog or schema name is not a valid identifier");
    const file = join(project, "land.duckdb");
    const before = await withDuck(file, (run) => run(TABLES_SQL));
    // Every line that is not a comment is SQL the plan meant to run: schema/create is an adapter method, done by hand.
    await withDuck(file, async (run) => {
      await run("CREATE SCHEMA bronze__acme__shopify");
      await run(plan.stdout);
    });
    const after = await withDuck(file, (run) => run(TABLES_SQL));
    expect(after).toEqual([...before, ["bronze__acme__shopify", "orders"]].sort((a, b) => String(a).localeCompare(String(b))));
    expect(await withDuck(file, (run) => run("SELECT id FROM main.victim"))).toEqual([[42]]);
  });

  it("escapes hostile names in the run table, on stdout and stderr", async () => {
    const r = await rockyRaw(project, "run");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain("land.src__acme__shopify.\\x1b[31mred\\x1b[0m\\x07\\x1b]0;pwned\\x07");
    expect(r.stdout).toContain("land.src__acme__shopify.line\\u2028sep");
    const history = await rockyRaw(project, "history", "--run", r.stdout.match(/run (\S+) succeeded/)?.[1] ?? "");
    expect(history.exitCode).toBe(0);
    expect(history.stdout).not.toMatch(RAW_CONTROL);
  });

  it("refuses a template that maps source tables onto themselves, naming the table, and writes nothing", async () => {
    const self = realpathSync(mkdtempSync(join(tmpdir(), "rocky-self-")));
    writeFileSync(join(self, "rocky.toml"), TOML("src__{tenant}__{connector}"));
    await withDuck(join(self, "land.duckdb"), async (run) => {
      await run("CREATE SCHEMA src__acme__shopify");
      await run("CREATE TABLE src__acme__shopify.orders AS SELECT 1 AS id");
    });
    for (const command of ["plan", "run"]) {
      const r = await rockyRaw(self, command);
      expect(r.exitCode, command).toBe(1);
      expect(r.stderr).toContain('Pipeline "bronze" would write source table "land.src__acme__shopify.orders" into "src__acme__shopify.orders", which is a discovered source table');
    }
    writeFileSync(join(self, "rocky.toml"), TOML("src__{tenant}__{connector}_copy"));
    const copy = await rockyRaw(self, "run");
    expect(copy.exitCode).toBe(1);
    expect(copy.stderr).toContain('into "src__acme__shopify_copy.orders", whose schema matches the source schema_pattern, so the next run would discover it as a source');
    expect(await withDuck(join(self, "land.duckdb"), (run) => run(TABLES_SQL))).toEqual([["src__acme__shopify", "orders"]]);
  });

  it("reports a warehouse locked by another process as that, not as a rejected config", async () => {
    const holder = spawn(process.execPath, [join(REPO, "test", "fixtures", "processes", "hold-duckdb.mjs"), join(project, "land.duckdb")], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      await new Promise((resolve) => holder.stdout.once("data", resolve));
      const r = await rockyRaw(project, "discover");
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toBe(
        `error: Adapter "local" cannot open its warehouse: another process holds its lock (DuckDB database "land.duckdb" is locked by another process (${process.execPath}, pid ${holder.pid}))\n` +
          "hint: Wait for the other process (another rocky command, or a DuckDB shell on the same file) to finish, then retry; DuckDB allows one process per database file\n",
      );
    } finally {
      holder.kill("SIGKILL");
    }
  });
});
