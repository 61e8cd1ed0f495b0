import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DoctorOutput, RunOutput } from "@rocky/protocol";
import { rocky } from "./helpers.js";

const fresh = () => realpathSync(mkdtempSync(join(tmpdir(), "rocky-init-")));

describe("rocky init", () => {
  it("writes a DuckDB project whose first run, with --sample-data, copies the sample and builds both models", async () => {
    const cwd = fresh();
    const init = await rocky(cwd, "init", "shop", "--sample-data");
    expect(init.exitCode, init.stderr).toBe(0);
    expect(init.stdout).toBe(
      [
        "Created a duckdb project in <project>/shop:",
        "  .gitignore",
        "  README.md",
        "  models/customer_orders.sql",
        "  models/customer_orders.toml",
        "  models/hello.sql",
        "  models/hello.toml",
        "  rocky.toml",
        "",
        "Landed raw__shop.customers (50 rows) and raw__shop.orders (1,000 rows) in warehouse.duckdb.",
        "",
        "Next steps:",
        "  cd shop",
        "  npx rocky run       # bronze copies raw__* tables (README.md shows how to land some), silver builds models/",
        "",
      ].join("\n"),
    );
    expect(readFileSync(join(cwd, "shop", "README.md"), "utf8")).toMatch(/^# shop\n/);
    const dir = join(cwd, "shop");
    const run = await rocky(dir, "run", "--output", "json");
    expect(run.exitCode, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as RunOutput;
    expect(out.pipelines.flatMap((p) => p.tables.map((t) => [t.target, t.rows_copied]))).toEqual([["staging__shop.customers", 50], ["staging__shop.orders", 1000]]);
    expect(out.pipelines.flatMap((p) => (p.models ?? []).map((m) => [m.target, m.status, m.rows_affected]))).toEqual([
      ["warehouse.analytics.customer_orders", "succeeded", 50],
      ["warehouse.analytics.hello", "succeeded", 1],
    ]);
    // The second run is incremental: nothing new landed.
    const again = JSON.parse((await rocky(dir, "run", "--output", "json")).stdout) as RunOutput;
    expect(again.pipelines[0]?.tables.map((t) => [t.strategy, t.rows_copied])).toEqual([["incremental", 0], ["incremental", 0]]);

    // Never over a project's files without --force; with it, only the template's files are rewritten.
    writeFileSync(join(dir, "models", "hello.sql"), "SELECT 2 AS id");
    const refused = await rocky(cwd, "init", "shop");
    expect(refused).toEqual({
      stdout: "",
      stderr: 'error: Cannot create a project in "<project>/shop": "README.md", ".gitignore", "models/hello.sql", "models/hello.toml", "rocky.toml" already exist\nhint: Choose an empty directory (rocky init my-project), or pass --force to overwrite these files (others are kept)\n',
      exitCode: 1,
    });
    expect(readFileSync(join(dir, "models", "hello.sql"), "utf8")).toBe("SELECT 2 AS id");
    expect((await rocky(cwd, "init", "shop", "--force")).exitCode).toBe(0);
    expect(readFileSync(join(dir, "models", "hello.sql"), "utf8")).toContain("SELECT 1 AS id");
    expect(readFileSync(join(dir, "models", "customer_orders.sql"), "utf8")).toContain("FROM staging__shop.customers c");

    const unknown = await rocky(cwd, "init", "x", "--template", "bigqeury");
    expect(unknown.stderr).toBe('error: Unknown project template "bigqeury"\nhint: Choose one of: duckdb, databricks-fivetran, snowflake-fivetran\n');
  });

  it("writes Databricks and Snowflake projects whose config and adapters check out once their variables are set", async () => {
    const cwd = fresh();
    const key = join(cwd, "rsa_key.p8");
    writeFileSync(key, generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }));
    const env = {
      FIVETRAN_DESTINATION_ID: "group_1", FIVETRAN_API_KEY: "k", FIVETRAN_API_SECRET: "s",
      DATABRICKS_HOST: "https://adb-1.azuredatabricks.net", DATABRICKS_HTTP_PATH: "/sql/1.0/warehouses/abc", DATABRICKS_TOKEN: "dapi-x",
      SNOWFLAKE_ACCOUNT: "org-acct", SNOWFLAKE_USER: "rocky", SNOWFLAKE_PRIVATE_KEY_PATH: key,
    };
    for (const [template, warehouse] of [["databricks-fivetran", "databricks"], ["snowflake", "snowflake"]] as const) {
      expect((await rocky(cwd, "init", template, "--template", template)).exitCode).toBe(0);
      const doctor = await rocky(join(cwd, template), { env }, "doctor", "--output", "json");
      expect(doctor.exitCode, doctor.stdout).toBe(0);
      const checks = (JSON.parse(doctor.stdout) as DoctorOutput).checks.map((c) => [c.name, c.status]);
      expect(checks.slice(0, 3)).toEqual([["config", "ok"], ["adapter.fivetran", "ok"], [`adapter.${warehouse}`, "ok"]]);
      const compile = await rocky(join(cwd, template), { env }, "compile");
      expect(compile.exitCode, compile.stderr).toBe(0);
    }
    // Without its variables, the project says which one is missing and where it is used.
    const bare = await rocky(join(cwd, "snowflake"), "compile");
    expect(bare.stderr).toMatch(/^error: Environment variable "\w+" is not set \(used by "adapter\.\w+\.\w+"\)\n {2}--> rocky\.toml:\d+\n/);
  });
});
