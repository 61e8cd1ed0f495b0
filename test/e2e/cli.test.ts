import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { validate, type DiscoverOutput, type HistoryOutput, type PlanOutput, type RunOutput, type StateOutput } from "@rocky/protocol";
import { beforeAll, describe, expect, it } from "vitest";
import { openStateStore } from "../../host/src/state/state-store.js";
import { duck, landData, normalise, parseJson, PLAYGROUND_FIRST_BRONZE_ROWS, playgroundCopy, rocky, ROCKY } from "./helpers.js";

const bronzeTables = (out: RunOutput) =>
  Object.fromEntries((out.pipelines.find((p) => p.pipeline === "bronze")?.tables ?? []).map((t) => [t.target.split(".").slice(1).join("."), `${t.strategy} ${t.rows_copied}`]));

describe("rocky CLI on a copy of the playground", () => {
  let project: string;
  beforeAll(() => {
    project = playgroundCopy();
  });

  it("is an executable node script", () => {
    expect(readFileSync(ROCKY, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(ROCKY).mode & 0o111).not.toBe(0);
  });

  it("rocky discover lists matched schemas with their targets, and skips with reasons", async () => {
    const r = await rocky(project, "discover", "--pipeline", "bronze");
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        "PIPELINE  SOURCE                                        TABLES  TARGET                                           COMPONENTS",
        "bronze    warehouse.src__acme__eu_central__stripe            2  acme_warehouse.staging__eu_central__stripe       tenant=acme regions=eu_central connector=stripe",
        "bronze    warehouse.src__acme__us_west__shopify              3  acme_warehouse.staging__us_west__shopify         tenant=acme regions=us_west connector=shopify",
        "bronze    warehouse.src__globex__us_east__hubspot            3  globex_warehouse.staging__us_east__hubspot       tenant=globex regions=us_east connector=hubspot",
        "bronze    warehouse.src__initech__apac__jp__salesforce       1  initech_warehouse.staging__apac__jp__salesforce  tenant=initech regions=apac__jp connector=salesforce",
        "",
        "PIPELINE  SKIPPED                                           REASON",
        `bronze    warehouse.src__acme__us_west__shopify.orders_tmp  excluded by tables.exclude "*_tmp"`,
        "bronze    warehouse.src__scratch                            schema has 1 part(s) after the prefix, expected at least 3 (tenant__regions...__connector)",
        "",
      ].join("\n"),
    );
  });

  it("rocky discover --output json matches DiscoverOutput", async () => {
    const r = await rocky(project, "discover", "--output", "json");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe("");
    const out = parseJson<DiscoverOutput>(r);
    expect(validate("DiscoverOutput", out)).toEqual([]);
    expect(out.pipelines.map((p) => p.pipeline)).toEqual(["bronze"]);
    expect(out.pipelines[0]?.schemas[1]?.tables).toEqual([
      { name: "customers", row_count: 120 },
      { name: "orders", row_count: 300 },
      { name: "products", row_count: 40 },
    ]);
  });

  it("rocky plan shows the SQL with its parameters and changes nothing", async () => {
    const r = await rocky(project, "plan", "--pipeline", "bronze");
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`-- pipeline bronze (replication) on adapter "local": 9 table(s), 2 skipped\n`);
    expect(r.stdout).toContain(`-- adapter method: catalog/create {"catalog":"acme_warehouse"}\n`);
    expect(r.stdout).toContain(
      [
        "-- acme_warehouse.staging__us_west__shopify.orders: full_refresh (target table missing)",
        `CREATE OR REPLACE TABLE "acme_warehouse"."staging__us_west__shopify"."orders" AS`,
        `SELECT *, CAST(CURRENT_TIMESTAMP AS TIMESTAMP) AS "_loaded_at", CAST(? AS VARCHAR) AS "_source_schema", CAST(? AS VARCHAR) AS "_source_table", CAST(? AS VARCHAR) AS "_run_id"`,
        `FROM "warehouse"."src__acme__us_west__shopify"."orders";`,
        `-- params: ["src__acme__us_west__shopify","orders","<run_id>"]`,
      ].join("\n"),
    );
    expect(r.stdout).toContain(`-- skipped warehouse.src__scratch: schema has 1 part(s)`);
    expect(existsSync(join(project, ".rocky"))).toBe(false);
    expect(existsSync(join(project, "data", "catalogs", "acme_warehouse.duckdb"))).toBe(false);
  });

  it("rocky plan --output json matches PlanOutput", async () => {
    const r = await rocky(project, "plan", "--output", "json");
    expect(r.exitCode).toBe(0);
    const out = parseJson<PlanOutput>(r);
    expect(validate("PlanOutput", out)).toEqual([]);
    const bronze = out.pipelines.find((p) => p.pipeline === "bronze");
    expect(bronze?.tables.map((t) => t.strategy)).toEqual(Array(9).fill("full_refresh"));
    expect(bronze?.setup.length).toBe(7);
  });

  it("rocky run copies the landed tables and prints one line per table", async () => {
    const r = await rocky(project, "run", "--pipeline", "bronze");
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(normalise(r.stdout)).toBe(
      [
        "TABLE  STRATEGY  ROWS  TIME  STATUS  DETAIL",
        ...PLAYGROUND_FIRST_BRONZE_ROWS,
        "bronze: succeeded, 9 ok, 0 failed, 2 skipped, 1092 rows copied in <t>",
        "checks: 57 passed, 0 failed, 0 warned",
        "run <run_id> succeeded in <t>",
        "",
      ].join("\n"),
    );
  });

  it("rocky state lists a watermark per synced table", async () => {
    const r = await rocky(project, "state");
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    const lines = normalise(r.stdout).split("\n");
    expect(lines[0]).toMatch(/^TARGET +COLUMN +WATERMARK +UPDATED +RUN$/);
    expect(lines).toContain("acme_warehouse.staging__us_west__shopify.orders  _fivetran_synced  2024-01-01 04:59:00  <time>  <run_id>");
    expect(lines.length).toBe(1 + 8 + 1);
    const json = parseJson<StateOutput>(await rocky(project, "state", "--output", "json"));
    expect(validate("StateOutput", json)).toEqual([]);
    expect(json.state_path).toBe("<project>/.rocky/state");
    expect(json.watermarks.map((w) => w.target)).toContain("globex_warehouse.staging__us_east__hubspot.deals");
  });

  it("rocky plan after a run binds the stored watermark as the last parameter", async () => {
    const out = parseJson<PlanOutput>(await rocky(project, "plan", "--pipeline", "bronze", "--output", "json"));
    const orders = out.pipelines[0]?.tables.find((t) => t.target === "acme_warehouse.staging__us_west__shopify.orders");
    expect(orders).toMatchObject({ strategy: "incremental", reason: "watermark stored" });
    expect(orders?.statements).toEqual([
      {
        sql: [
          `INSERT INTO "acme_warehouse"."staging__us_west__shopify"."orders" ("id", "customer_id", "amount", "status", "created_at", "_fivetran_synced", "_loaded_at", "_source_schema", "_source_table", "_run_id")`,
          `SELECT "id", "customer_id", "amount", "status", "created_at", "_fivetran_synced", CAST(CURRENT_TIMESTAMP AS TIMESTAMP), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR)`,
          `FROM "warehouse"."src__acme__us_west__shopify"."orders"`,
          `WHERE "_fivetran_synced" > COALESCE((SELECT MAX("rocky_target"."_fivetran_synced") FROM "acme_warehouse"."staging__us_west__shopify"."orders" AS "rocky_target"), CAST(? AS TIMESTAMP))`,
        ].join("\n"),
        params: ["src__acme__us_west__shopify", "orders", "<run_id>", "2024-01-01 04:59:00"],
      },
    ]);
  });

  it("rocky run after newer rows land copies only those rows", async () => {
    landData(project, "--append");
    const r = await rocky(project, "run", "--output", "json");
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    const out = parseJson<RunOutput>(r);
    expect(validate("RunOutput", out)).toEqual([]);
    expect(bronzeTables(out)).toEqual({
      "staging__eu_central__stripe.charges": "incremental 25",
      "staging__eu_central__stripe.refunds": "incremental 25",
      "staging__us_west__shopify.customers": "incremental 25",
      "staging__us_west__shopify.orders": "incremental 25",
      "staging__us_west__shopify.products": "incremental 25",
      "staging__us_east__hubspot.contacts": "incremental 25",
      "staging__us_east__hubspot.deals": "incremental 25",
      "staging__us_east__hubspot.owners": "full_refresh 13",
      "staging__apac__jp__salesforce.accounts": "incremental 25",
    });
  });

  it("rocky history lists runs newest first and shows one in full", async () => {
    const r = await rocky(project, "history");
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    const lines = normalise(r.stdout).trimEnd().split("\n");
    expect(lines[0]).toMatch(/^RUN +STARTED +STATUS +PIPELINES +ITEMS +FAILED +ROWS +DURATION$/);
    expect(lines.slice(1).map((l) => l.split(/ +/).slice(0, 4).join(" "))).toEqual(["<run_id> <time> succeeded bronze,silver", "<run_id> <time> succeeded bronze"]);
    const json = parseJson<HistoryOutput>(await rocky(project, "history", "--output", "json"));
    expect(validate("HistoryOutput", json)).toEqual([]);
    expect(json.runs.length).toBe(2);
    const first = json.runs[1];
    const one = await rocky(project, "history", "--run", first?.run_id ?? "");
    expect(one.exitCode).toBe(0);
    expect(one.stdout).toContain(`run ${first?.run_id} succeeded`);
    const missing = await rocky(project, "history", "--run", "nope");
    expect(missing).toEqual({ stdout: "", stderr: `error: No run "nope" in "<project>/.rocky/state"\nhint: List recorded runs with: rocky history\n`, exitCode: 2 });
  });
});

describe("rocky CLI failures", () => {
  it("rocky run exits 1 with the results on stdout when a table fails, and keeps its watermark", async () => {
    const project = playgroundCopy();
    // on_drift = "ignore": the copy goes ahead into the target's incompatible type, and the warehouse refuses it.
    const config = join(project, "rocky.toml");
    writeFileSync(config, readFileSync(config, "utf8").replace('type = "replication"', 'type = "replication"\non_drift = "ignore"'));
    expect((await rocky(project, "run", "--pipeline", "bronze")).exitCode).toBe(0);
    await duck(join(project, "data", "catalogs", "acme_warehouse.duckdb"), "ALTER TABLE staging__eu_central__stripe.charges ALTER amount_cents TYPE DATE USING DATE '2020-01-01'");
    landData(project, "--append");
    const r = await rocky(project, "run", "--pipeline", "bronze");
    expect(r.exitCode).toBe(1);
    expect(normalise(r.stdout)).toMatch(/^acme_warehouse\.staging__eu_central__stripe\.charges  incremental  - <t>  FAILED +ADAPTER_REQUEST_FAILED: Adapter "local" failed "execute_statement": EXECUTION_FAILED: Conversion Error/m);
    expect(r.stdout).toContain("bronze: failed, 8 ok, 1 failed, 2 skipped, 188 rows copied");
    expect(r.stderr).toMatch(/^error: 1 of 9 tables failed; first: acme_warehouse\.staging__eu_central__stripe\.charges: Adapter "local" failed "execute_statement": EXECUTION_FAILED: Conversion Error.*\nhint: Failed items keep their watermarks, so the next run retries them; the others were written\n$/s);
    const state = parseJson<StateOutput>(await rocky(project, "state", "--output", "json"));
    expect(state.watermarks.find((w) => w.target.endsWith("stripe.charges"))?.value).toBe("2024-01-01 04:09:00");
    expect(state.watermarks.find((w) => w.target.endsWith("stripe.refunds"))?.value).toBe("2024-01-01 00:54:00");
  });

  it("names file, line and the closest key for a typo in rocky.toml", async () => {
    const project = playgroundCopy();
    const file = join(project, "rocky.toml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("catalog_template =", "catalog_templat ="));
    const line = text.split("\n").findIndex((l) => l.startsWith("catalog_template")) + 1;
    const r = await rocky(project, "run");
    expect(r).toEqual({ stdout: "", stderr: `error: Unknown key "catalog_templat" in [pipeline.bronze.target]\n  --> rocky.toml:${line}\nhint: Did you mean "catalog_template"?\n`, exitCode: 1 });
  });

  it("names the variable, key and line of a missing environment variable", async () => {
    const project = playgroundCopy();
    const file = join(project, "rocky.toml");
    writeFileSync(file, readFileSync(file, "utf8").replace(`path = "data/warehouse.duckdb"`, `path = "\${ROCKY_E2E_DATA}/warehouse.duckdb"`));
    const line = readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes("ROCKY_E2E_DATA")) + 1;
    const r = await rocky(project, "plan");
    expect(r).toEqual({
      stdout: "",
      stderr: `error: Environment variable "ROCKY_E2E_DATA" is not set (used by "adapter.local.path")\n  --> rocky.toml:${line}\nhint: Export ROCKY_E2E_DATA, or give a default: \${ROCKY_E2E_DATA:-value}\n`,
      exitCode: 1,
    });
  });

  it("reports a missing config file", async () => {
    const project = playgroundCopy();
    const r = await rocky(project, "state", "--config", "nope.toml");
    expect(r).toEqual({ stdout: "", stderr: `error: Cannot read config "nope.toml": file not found\nhint: Run rocky in your project directory or pass --config path/to/rocky.toml\n`, exitCode: 1 });
  });

  it("exits 2 for usage errors", async () => {
    const project = playgroundCopy();
    expect(await rocky(project, "frob")).toEqual({ stdout: "", stderr: "error: Unknown argument: frob\nhint: Run rocky --help to see the commands and their options\n", exitCode: 2 });
    const bad = await rocky(project, "run", "--output", "xml");
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^error: Invalid values:\n  Argument: output, Given: "xml", Choices: "json", "table"\nhint: /);
    expect(await rocky(project, "run", "--pipeline", "brnze")).toEqual({
      stdout: "",
      stderr: `error: No pipeline named "brnze" in "<project>/rocky.toml"\nhint: Did you mean "bronze"?\n`,
      exitCode: 2,
    });
  });

  it("refuses to run while another run holds the state lock", async () => {
    const project = playgroundCopy();
    const state = openStateStore(join(project, ".rocky", "state"));
    const lock = state.acquireRunLock({ runId: "held-by-test", command: "run" });
    try {
      const r = await rocky(project, "run");
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^error: State "<project>\/\.rocky\/state" is locked by run "held-by-test" \(rocky run, pid \d+ on .+, since .+\)\nhint: Wait for that run to finish; a lock left by a process that has exited is released automatically\n$/);
    } finally {
      lock.release();
      await state.close();
    }
  });
});
