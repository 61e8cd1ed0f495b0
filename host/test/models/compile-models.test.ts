import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compileModels } from "../../src/models/compile-models.js";
import { openSqlParseCache } from "../../src/models/sql-parse-cache.js";
import { DATABRICKS, DUCKDB, GENERIC, SNOWFLAKE, type Dialect } from "../../src/sql/dialect.js";
import { writeProject } from "./helpers/models-dir.js";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

async function compile(files: Record<string, string>, dialect: Dialect = DUCKDB, defaults = {}) {
  const root = writeProject(files);
  roots.push(root);
  return compileModels({ dir: join(root, "models"), root, dialect, defaults });
}

const T = '[target]\ncatalog = "wh"\nschema = "silver"\n';

describe("compileModels()", () => {
  it("resolves dependencies from SQL references and depends_on, and orders the models", async () => {
    const result = await compile({
      "models/stg_orders.sql": "SELECT * FROM raw.orders",
      "models/stg_orders.toml": T,
      "models/customers.sql": "SELECT * FROM raw.customers",
      "models/customers.toml": '[target]\ncatalog = "wh"\nschema = "silver"\ntable = "dim_customers"\n',
      "models/marts/report.sql":
        "WITH o AS (SELECT * FROM stg_orders) SELECT * FROM o JOIN silver.dim_customers c ON o.cid = c.id JOIN wh.silver.stg_orders x ON 1 = 1",
      "models/marts/report.toml": `depends_on = ["audit"]\ntags = ["finance"]\n${T}`,
      "models/audit.sql": "SELECT 1 AS ok",
      "models/audit.toml": T,
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.dag?.order).toEqual(["audit", "customers", "stg_orders", "report"]);
    const report = result.models.find((m) => m.name === "report");
    expect(report).toMatchObject({
      sqlFile: "models/marts/report.sql",
      configFile: "models/marts/report.toml",
      dependsOn: ["audit", "customers", "stg_orders"],
      sources: [],
      tags: ["finance"],
      target: { catalog: "wh", schema: "silver", table: "report" },
    });
    // References by model name or short target name are qualified so the warehouse finds them; the CTE is left alone.
    expect(report?.sql).toBe(
      'WITH o AS (SELECT * FROM "wh"."silver"."stg_orders") SELECT * FROM o JOIN "wh"."silver"."dim_customers" c ON o.cid = c.id JOIN "wh"."silver"."stg_orders" x ON 1 = 1',
    );
    expect(result.models.find((m) => m.name === "stg_orders")?.sources).toEqual(["raw.orders"]);
  });

  it("reports a dependency cycle with its full path", async () => {
    const result = await compile({
      "models/a.sql": "SELECT * FROM b",
      "models/a.toml": T,
      "models/b.sql": "SELECT * FROM c",
      "models/b.toml": T,
      "models/c.sql": "SELECT 1 AS x",
      "models/c.toml": `depends_on = ["a"]\n${T}`,
    });
    expect(result.dag).toBeUndefined();
    expect(result.diagnostics).toEqual([
      {
        code: "DAG_CYCLE",
        severity: "error",
        message: "Dependency cycle: a → b → c → a",
        hint: "Each model depends on the next one; remove one of these references or depends_on entries",
        location: { file: "models/a.sql" },
        model: "a",
      },
    ]);
  });

  it("reports a depends_on entry that is not a model at its line", async () => {
    const result = await compile({
      "models/a.sql": "SELECT 1 AS x",
      "models/a.toml": `tags = ["x"]\ndepends_on = [\n  "ghost",\n]\n${T}`,
    });
    expect(result.diagnostics).toEqual([
      {
        code: "DAG_MISSING_REF",
        severity: "error",
        message: 'Model "a" depends on "ghost", which is not a model',
        hint: 'Add ghost.sql and ghost.toml to the models directory, or remove "ghost" from depends_on',
        location: { file: "models/a.toml", line: 2, key: "depends_on" },
        model: "a",
      },
    ]);
  });

  it("reports sidecar schema problems with file, line, key and hint, all at once", async () => {
    const result = await compile({
      "models/bad.sql": "SELECT 1 AS x",
      "models/bad.toml": '[target]\nschema = "silver"\ncolour = "red"\n\n[strategy]\ntype = "merge"\nupdate_columns = ["bad name"]\n',
    });
    expect(result.diagnostics.map((d) => [d.location?.line, d.location?.key, d.message, d.hint])).toEqual([
      [3, "target.colour", 'Invalid model config: "target.colour" has unknown property "colour"', 'Remove "colour" or fix its spelling; see schemas/config/model.schema.json for the allowed keys'],
      [5, "strategy.unique_key", 'Invalid model config: "strategy.unique_key" is missing required property "unique_key"', "Add unique_key = ... under [strategy]"],
      [7, "strategy.update_columns", 'Invalid model config: "strategy.update_columns" must match pattern "^[a-zA-Z0-9_]+$"', "Identifiers may contain only letters, digits and underscores"],
    ]);
    expect(result.diagnostics.every((d) => d.location?.file === "models/bad.toml" && d.model === "bad" && d.code === "MODEL_INVALID")).toBe(true);
  });

  it("reports an unknown strategy type once, with the allowed ones", async () => {
    const result = await compile({ "models/m.sql": "SELECT 1 AS x", "models/m.toml": `${T}[strategy]\ntype = "snapshot"\n` });
    expect(result.diagnostics).toMatchObject([
      {
        message:
          'Invalid model config: "strategy.type" must be one of "full_refresh", "incremental", "merge", "materialized_view", "dynamic_table", "time_interval"',
        location: { file: "models/m.toml", line: 5, key: "strategy.type" },
      },
    ]);
  });

  it("reports TOML syntax errors with line and column", async () => {
    const result = await compile({ "models/m.sql": "SELECT 1 AS x", "models/m.toml": '[target]\nschema = "silver\n' });
    expect(result.diagnostics).toMatchObject([{ code: "MODEL_INVALID", location: { file: "models/m.toml", line: 2, column: 17 } }]);
    expect(result.diagnostics[0]?.message).toMatch(/^Cannot parse model config: /);
  });

  it("points a SQL syntax error at its line and column in the original file, after @start_date substitution", async () => {
    const result = await compile({
      "models/daily.sql": "SELECT id, ts\nFROM raw.events\nWHERE ts >= @start_date AND ts < @end_date AND id IN (1, 2,)\nORDER BY id",
      "models/daily.toml": `${T}[strategy]\ntype = "time_interval"\ntime_column = "ts"\ngranularity = "day"\n`,
    });
    expect(result.diagnostics).toMatchObject([
      { code: "MODEL_SQL_INVALID", severity: "error", message: 'Cannot parse the SQL of model "daily" near ")"', location: { file: "models/daily.sql", line: 3, column: 60 } },
    ]);
  });

  it("rejects SQL that is not one SELECT", async () => {
    const result = await compile({ "models/m.sql": "DELETE FROM raw.t", "models/m.toml": T });
    expect(result.diagnostics).toMatchObject([{ code: "MODEL_SQL_INVALID", message: 'Model "m" must be one SELECT statement, found a DELETE statement' }]);
  });

  it("reports @start_date in a model that is not time_interval at the macro's position", async () => {
    const result = await compile({ "models/m.sql": "SELECT *\nFROM raw.t WHERE ts > @start_date", "models/m.toml": T });
    expect(result.diagnostics).toMatchObject([
      { code: "MODEL_SQL_INVALID", message: 'Model "m" uses @start_date, which only time_interval models have', location: { file: "models/m.sql", line: 2, column: 23 } },
    ]);
  });

  it("warns when a time_interval model ignores its partition bounds", async () => {
    const result = await compile({
      "models/m.sql": "SELECT * FROM raw.t",
      "models/m.toml": `${T}[strategy]\ntype = "time_interval"\ntime_column = "ts"\ngranularity = "month"\n`,
    });
    expect(result.dag).toBeDefined();
    expect(result.diagnostics).toMatchObject([{ severity: "warning", message: 'Time-interval model "m" does not use @start_date or @end_date: every partition reads the whole source' }]);
  });

  it("refuses strategies the dialect cannot express, naming model, strategy and dialect", async () => {
    const files = {
      "models/mv.sql": "SELECT 1 AS x",
      "models/mv.toml": `${T}[strategy]\ntype = "materialized_view"\n`,
      "models/dt.sql": "SELECT 1 AS x",
      "models/dt.toml": `${T}[strategy]\ntype = "dynamic_table"\ntarget_lag = "5 minutes"\nwarehouse = "wh"\n`,
      "models/up.sql": "SELECT 1 AS id",
      "models/up.toml": `${T}[strategy]\ntype = "merge"\nunique_key = "id"\n`,
    };
    const messages = async (d: Dialect) => (await compile(files, d)).diagnostics.map((x) => x.message);
    expect(await messages(DUCKDB)).toEqual([
      'Model "dt" uses strategy "dynamic_table", which dialect "duckdb" cannot express',
      'Model "mv" uses strategy "materialized_view", which dialect "duckdb" cannot express',
    ]);
    expect(await messages(DATABRICKS)).toEqual(['Model "dt" uses strategy "dynamic_table", which dialect "databricks" cannot express']);
    expect(await messages(SNOWFLAKE)).toEqual(['Model "mv" uses strategy "materialized_view", which dialect "snowflake" cannot express']);
    expect(await messages(GENERIC)).toEqual([
      'Model "dt" uses strategy "dynamic_table", which dialect "generic" cannot express',
      'Model "mv" uses strategy "materialized_view", which dialect "generic" cannot express',
      'Model "up" uses strategy "merge", which dialect "generic" cannot express',
    ]);
  });

  it("reports unpaired files, invalid model names and a missing schema", async () => {
    const result = await compile({
      "models/lonely.sql": "SELECT 1 AS x",
      "models/orphan.toml": T,
      "models/bad-name.sql": "SELECT 1 AS x",
      "models/bad-name.toml": T,
      "models/noschema.sql": "SELECT 1 AS x",
      "models/noschema.toml": "tags = []\n",
    });
    expect(result.diagnostics.map((d) => `${d.code} ${d.location?.file}: ${d.message}`)).toEqual([
      'IDENTIFIER_INVALID models/bad-name.sql: Invalid model name "bad-name": identifiers must match ^[a-zA-Z0-9_]+$',
      'MODEL_INVALID models/lonely.sql: Model "lonely" has no "lonely.toml" next to "models/lonely.sql"',
      'MODEL_INVALID models/noschema.toml: Model "noschema" has no target schema',
      'MODEL_INVALID models/orphan.toml: Model "orphan" has no "orphan.sql" next to "models/orphan.toml"',
    ]);
  });

  it("takes catalog and schema defaults from the pipeline", async () => {
    const result = await compile({ "models/m.sql": "SELECT 1 AS x", "models/m.toml": 'tags = ["x"]\n' }, DUCKDB, { catalog: "wh", schema: "gold" });
    expect(result.models[0]?.target).toEqual({ catalog: "wh", schema: "gold", table: "m" });
  });

  it("reports two models building the same table", async () => {
    const result = await compile({
      "models/a.sql": "SELECT 1 AS x",
      "models/a.toml": '[target]\nschema = "s"\ntable = "t"\n',
      "models/b.sql": "SELECT 1 AS x",
      "models/b.toml": '[target]\nschema = "s"\ntable = "t"\n',
    });
    expect(result.diagnostics.map((d) => d.message)).toEqual(['Models "a" and "b" both build "s.t"']);
  });

  it("parses only the SQL its parse cache does not know, and every model with reparse", async () => {
    const root = writeProject({ "models/a.sql": "SELECT 1 AS x", "models/a.toml": T, "models/b.sql": "SELEC 1", "models/b.toml": T });
    roots.push(root);
    const options = { dir: join(root, "models"), root, dialect: DUCKDB, cacheDir: join(root, ".rocky", "cache") };
    const cache = () => openSqlParseCache({ dir: options.cacheDir, dialect: "duckdb", modelsDir: options.dir });
    const failure = { code: "MODEL_SQL_INVALID", message: 'Cannot parse the SQL of model "b" near "1"', location: { file: "models/b.sql", line: 1, column: 7 } };

    expect((await compileModels(options)).diagnostics).toMatchObject([failure]);
    expect([cache().has("SELECT 1 AS x"), cache().has("SELEC 1")]).toEqual([true, false]);
    // A cache that claims the broken SQL parses (as after an edit the cache cannot see): trusted, unless reparse.
    const poisoned = cache();
    poisoned.has("SELECT 1 AS x");
    poisoned.add("SELEC 1");
    poisoned.save();
    const trusted = await compileModels(options);
    expect(trusted.diagnostics).toEqual([]);
    expect(trusted.models.map((m) => m.name)).toEqual(["a", "b"]);
    expect((await compileModels({ ...options, reparse: true })).diagnostics).toMatchObject([failure]);
    expect([cache().has("SELECT 1 AS x"), cache().has("SELEC 1")]).toEqual([true, false]);
  });

  it("reports a missing models directory", async () => {
    const root = writeProject({});
    roots.push(root);
    const result = await compileModels({ dir: join(root, "nope"), root, dialect: DUCKDB });
    expect(result.diagnostics).toMatchObject([{ code: "CONFIG_INVALID", message: 'Models directory "nope" does not exist' }]);
  });
});
