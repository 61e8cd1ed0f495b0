import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDatabricksServer, type DatabricksServer } from "./server/databricks-server.js";

const REPO = resolve(import.meta.dirname, "..", "..", "..");
const ROCKY = join(REPO, "host", "dist", "main.js");
const GENERATE = join(REPO, "examples", "playground", "generate.mjs");
const TOKEN = "dapi-RUN-SECRET-5f1e2d3c4b5a6978";

interface RunOutput {
  pipelines: Array<{
    pipeline: string;
    tables: Array<{ target: string; strategy: string; status: string; rows_copied: number | null }>;
    models?: Array<{ name: string; strategy: string; status: string; error?: { message: string } }>;
  }>;
}

function rocky(cwd: string, ...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((done) => {
    execFile(process.execPath, [ROCKY, ...args], { cwd, env: { ...process.env, ROCKY_LOG: "warn", NO_COLOR: "1", DATABRICKS_TOKEN: TOKEN } }, (err, stdout, stderr) => {
      done({ stdout, stderr, exitCode: err && typeof err.code === "number" ? err.code : err ? 1 : 0 });
    });
  });
}

function models(out: RunOutput): Record<string, string> {
  const silver = out.pipelines.find((p) => p.pipeline === "silver");
  return Object.fromEntries((silver?.models ?? []).map((m) => [m.name, `${m.strategy} ${m.status}${m.error ? `: ${m.error.message}` : ""}`]));
}

function tables(out: RunOutput): Record<string, string> {
  const bronze = out.pipelines.find((p) => p.pipeline === "bronze");
  return Object.fromEntries((bronze?.tables ?? []).filter((t) => t.status === "succeeded").map((t) => [t.target, `${t.strategy} ${t.rows_copied}`]));
}

// The playground's Fivetran-style landing schemas, served by the local Databricks server: discovery, describes, copies
// and watermarks all go through the Databricks adapter's Statement Execution API calls.
describe("rocky run with Databricks as source and warehouse (bronze replication and silver models)", () => {
  let dir: string;
  let server: DatabricksServer | undefined;
  const start = async () => {
    server = await startDatabricksServer({ database: join(dir, "data", "warehouse.duckdb"), catalogsDir: join(dir, "data", "catalogs"), pats: [TOKEN], chunkRows: 100 });
    writeFileSync(
      join(dir, "rocky.toml"),
      `[adapter.dbx]
type = "databricks"
host = "${server.url}"
http_path = "/sql/1.0/warehouses/${server.state.warehouseId}"

[pipeline.bronze]
type = "replication"
strategy = "incremental"
timestamp_column = "_fivetran_synced"
concurrency = 4
metadata_columns = [
  { name = "_loaded_at", value = "load_time" },
  { name = "_source_schema", value = "source_schema" },
  { name = "_run_id", value = "run_id" },
]

[pipeline.bronze.source]
adapter = "dbx"
catalog = "warehouse"
schema_pattern = { prefix = "src__", separator = "__", components = ["tenant", "regions...", "connector"] }

[pipeline.bronze.target]
adapter = "dbx"
catalog_template = "{tenant}_warehouse"
schema_template = "staging__{regions}__{connector}"

[pipeline.bronze.tables]
exclude = ["*_tmp"]

# The playground's models (incremental, merge, time_interval, full refresh, across catalogs) and a materialized view.
[pipeline.silver]
type = "transformation"
models = "models"
concurrency = 4
target = { adapter = "dbx", catalog = "acme_warehouse", schema = "silver" }

[state]
path = ".rocky/state"
`,
    );
  };
  beforeAll(async () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-dbx-run-")));
    execFileSync(process.execPath, [GENERATE, "--dir", dir], { stdio: "pipe" });
    mkdirSync(join(dir, "data", "catalogs"));
    cpSync(join(REPO, "examples", "playground", "models"), join(dir, "models"), { recursive: true });
    writeFileSync(join(dir, "models", "order_days.sql"), "SELECT CAST(created_at AS DATE) AS day, count(*) AS orders\nFROM acme_warehouse.staging__us_west__shopify.orders\nGROUP BY 1\n");
    writeFileSync(join(dir, "models", "order_days.toml"), 'description = "Orders per day, kept fresh by Databricks"\n\n[strategy]\ntype = "materialized_view"\n\n[target]\nschema = "gold"\n');
    await start();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("copies every landed table in full the first time, then only the newer rows, and builds the models with every Databricks strategy", async () => {
    const first = await rocky(dir, "run", "--output", "json");
    expect(first.stderr).toBe("");
    expect(first.exitCode).toBe(0);
    expect(tables(JSON.parse(first.stdout) as RunOutput)).toEqual({
      "acme_warehouse.staging__eu_central__stripe.charges": "full_refresh 250",
      "acme_warehouse.staging__eu_central__stripe.refunds": "full_refresh 30",
      "acme_warehouse.staging__us_west__shopify.customers": "full_refresh 120",
      "acme_warehouse.staging__us_west__shopify.orders": "full_refresh 300",
      "acme_warehouse.staging__us_west__shopify.products": "full_refresh 40",
      "globex_warehouse.staging__us_east__hubspot.contacts": "full_refresh 200",
      "globex_warehouse.staging__us_east__hubspot.deals": "full_refresh 80",
      "globex_warehouse.staging__us_east__hubspot.owners": "full_refresh 12",
      "initech_warehouse.staging__apac__jp__salesforce.accounts": "full_refresh 60",
    });
    expect(models(JSON.parse(first.stdout) as RunOutput)).toEqual({
      customer_revenue: "full_refresh succeeded",
      customers: "full_refresh succeeded",
      deal_pipeline: "full_refresh succeeded",
      order_days: "materialized_view succeeded",
      order_loads: "time_interval succeeded",
      orders: "full_refresh succeeded",
      stripe_net_revenue: "full_refresh succeeded",
    });
    const requests = server?.requests ?? [];
    expect(requests.filter((r) => r === "POST /api/2.0/sql/statements").length).toBeGreaterThan(9);
    expect(requests.every((r) => /^(POST \/api\/2\.0\/sql\/statements|GET \/api\/2\.0\/sql\/statements\/[^/]+(\/result\/chunks\/\d+)?)$/.test(r))).toBe(true);

    // Newer rows land (and orders gains a column) while the warehouse is down; then it is back.
    await server?.close();
    execFileSync(process.execPath, [GENERATE, "--dir", dir, "--append"], { stdio: "pipe" });
    await start();
    const second = await rocky(dir, "run", "--output", "json");
    expect(second.stderr).toBe("");
    expect(second.exitCode).toBe(0);
    expect(tables(JSON.parse(second.stdout) as RunOutput)).toEqual({
      "acme_warehouse.staging__eu_central__stripe.charges": "incremental 25",
      "acme_warehouse.staging__eu_central__stripe.refunds": "incremental 25",
      "acme_warehouse.staging__us_west__shopify.customers": "incremental 25",
      "acme_warehouse.staging__us_west__shopify.orders": "incremental 25",
      "acme_warehouse.staging__us_west__shopify.products": "incremental 25",
      "globex_warehouse.staging__us_east__hubspot.contacts": "incremental 25",
      "globex_warehouse.staging__us_east__hubspot.deals": "incremental 25",
      "globex_warehouse.staging__us_east__hubspot.owners": "full_refresh 13",
      "initech_warehouse.staging__apac__jp__salesforce.accounts": "incremental 25",
    });
    expect(models(JSON.parse(second.stdout) as RunOutput)).toEqual({
      customer_revenue: "full_refresh succeeded",
      customers: "merge succeeded",
      deal_pipeline: "full_refresh succeeded",
      order_days: "materialized_view succeeded",
      order_loads: "time_interval succeeded",
      orders: "incremental succeeded",
      stripe_net_revenue: "full_refresh succeeded",
    });
    const connection = await server!.state.db.connect();
    try {
      const rows = await (
        await connection.run(`SELECT count(*), count(discount_code), count(DISTINCT _run_id) FROM acme_warehouse.staging__us_west__shopify.orders`)
      ).getRowsJS();
      expect(rows).toEqual([[325n, 25n, 2n]]);
      const count = async (sql: string) => (await (await connection.run(sql)).getRowsJS())[0]?.[0];
      const silver = await Promise.all([
        count("SELECT count(*) FROM acme_warehouse.silver.orders"),
        count("SELECT count(*) FROM acme_warehouse.staging__us_west__shopify.orders WHERE status <> 'refunded'"),
        count("SELECT count(*) FROM acme_warehouse.silver.customers"),
        count("SELECT count(*) FROM acme_warehouse.silver.order_loads"),
        count("SELECT sum(orders) FROM acme_warehouse.gold.order_days"),
      ]);
      // Silver orders = the non-refunded bronze orders; customers merged by id; today's load partition and the view hold all orders.
      expect(silver).toEqual([244n, 244n, 145n, 325n, 325n]);
    } finally {
      connection.closeSync();
    }
    expect(first.stdout + second.stdout).not.toContain(TOKEN);
  });
});
