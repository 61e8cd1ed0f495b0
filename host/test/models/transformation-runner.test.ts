import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Methods, validate, type TransformationPipelineConfig } from "@rocky/protocol";
import { loadConfig } from "../../src/config/load-config.js";
import { silentLogger } from "../../src/log.js";
import type { ModelRunOptions } from "../../src/models/transformation-runner.js";
import { createAdapterPool } from "../../src/pipeline/adapter-pool.js";
import { SILENT_PROGRESS } from "../../src/pipeline/pipeline-context.js";
import { runnerFor } from "../../src/pipeline/registry.js";
import { openStateStore } from "../../src/state/state-store.js";
import { writeProject } from "./helpers/models-dir.js";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

const ROCKY_TOML = `
[adapter.wh]
type = "duckdb"
path = "data/main.duckdb"
catalogs_dir = "data/catalogs"

[pipeline.silver]
type = "transformation"
concurrency = 2
target = { adapter = "wh", catalog = "lake", schema = "silver" }
`;

/** Plans or runs the "silver" pipeline through the pipeline registry, as rocky plan/run do. */
async function withPipeline<T>(files: Record<string, string>, fn: (p: { plan: (m?: ModelRunOptions) => Promise<unknown>; run: (m?: ModelRunOptions) => Promise<unknown>; sql: (q: string) => Promise<unknown[][]> }) => Promise<T>) {
  const root = writeProject({ "rocky.toml": ROCKY_TOML, ...files });
  roots.push(root);
  const project = await loadConfig(join(root, "rocky.toml"));
  const adapters = createAdapterPool(project, silentLogger());
  const state = openStateStore(project.statePath);
  const config = project.pipelines.get("silver") as TransformationPipelineConfig;
  const ctx = { name: "silver", config, project, adapters, state, logger: silentLogger(), progress: SILENT_PROGRESS };
  let runs = 0;
  try {
    const wh = await adapters.get("wh");
    await wh.request(Methods.catalogCreate, { catalog: "lake" });
    await wh.executeStatement("CREATE SCHEMA IF NOT EXISTS lake.raw");
    await wh.executeStatement("CREATE TABLE lake.raw.orders AS SELECT * FROM (VALUES (1, 'ann', 10), (2, 'bob', 5), (3, 'ann', 1)) v(id, customer, amount)");
    return await fn({
      plan: (models) => runnerFor("silver", config).plan({ ...ctx, models }),
      run: (models) => runnerFor("silver", config).run({ ...ctx, models, runId: `r${++runs}` }),
      sql: async (q) => (await wh.query(q)).rows,
    });
  } finally {
    await adapters.closeAll();
    await state.close();
  }
}

const MODELS = {
  "models/stg_orders.sql": "SELECT id, customer, amount FROM lake.raw.orders",
  "models/stg_orders.toml": 'tags = ["staging"]\n',
  "models/totals.sql": "SELECT customer, sum(amount) AS total FROM stg_orders GROUP BY customer",
  "models/totals.toml": '[strategy]\ntype = "merge"\nunique_key = "customer"\n',
};

describe("transformation pipeline runner", () => {
  it("plans every model with its statements, valid against the plan output schema", async () => {
    await withPipeline(MODELS, async (p) => {
      const planned = await p.plan();
      expect(validate("PlanOutput", { command: "plan", status: "succeeded", pipelines: [planned] })).toEqual([]);
      expect(planned).toEqual({
        pipeline: "silver",
        type: "transformation",
        adapter: "wh",
        setup: [
          { method: "catalog/create", params: { catalog: "lake" } },
          { method: "schema/create", params: { catalog: "lake", schema: "silver" } },
        ],
        tables: [],
        skipped: [],
        models: [
          {
            name: "stg_orders", target: "lake.silver.stg_orders", strategy: "full_refresh", configured_strategy: "full_refresh",
            reason: "full_refresh model: rebuilt every run", depends_on: [], partitions: [],
            statements: [{ sql: 'CREATE OR REPLACE TABLE "lake"."silver"."stg_orders" AS\nSELECT id, customer, amount FROM lake.raw.orders', params: [] }],
          },
          {
            name: "totals", target: "lake.silver.totals", strategy: "full_refresh", configured_strategy: "merge",
            reason: "first run: target table missing", depends_on: ["stg_orders"], partitions: [],
            statements: [
              { sql: 'CREATE OR REPLACE TABLE "lake"."silver"."totals" AS\nSELECT customer, sum(amount) AS total FROM "lake"."silver"."stg_orders" GROUP BY customer', params: [] },
            ],
          },
        ],
      });
    });
  });

  it("runs the models and reports each, valid against the run output schema", async () => {
    await withPipeline(MODELS, async (p) => {
      const first = (await p.run()) as { status: string; models: { name: string; status: string; strategy: string }[] };
      expect(validate("RunPipelineResult", first)).toEqual([]);
      expect(first.status).toBe("succeeded");
      expect(first.models.map((m) => [m.name, m.status, m.strategy])).toEqual([
        ["stg_orders", "succeeded", "full_refresh"],
        ["totals", "succeeded", "full_refresh"],
      ]);
      const second = (await p.run({ select: ["totals"] })) as { models: { name: string; strategy: string }[] };
      expect(second.models.map((m) => [m.name, m.strategy])).toEqual([["totals", "merge"]]);
      expect(await p.sql("SELECT customer, total FROM lake.silver.totals ORDER BY customer")).toEqual([["ann", 11], ["bob", 5]]);
    });
  });

  it("fails the pipeline with every model error, before running anything", async () => {
    await withPipeline({ ...MODELS, "models/bad.sql": "SELEC 1", "models/bad.toml": "tags = []\n" }, async (p) => {
      await expect(p.run()).rejects.toThrowError('Cannot parse the SQL of model "bad" near "SELEC"');
      expect(await p.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'silver'")).toEqual([[0]]);
    });
  });

  it("lets DuckDB's own parser decide: FROM-first SQL and struct and list literals run, and what DuckDB refuses carries its message", async () => {
    const duckdbOnly = {
      ...MODELS,
      "models/shaped.sql": "FROM stg_orders SELECT id, {'who': customer, 'amounts': [amount, amount * 2]} AS info",
      "models/shaped.toml": "tags = []\n",
    };
    await withPipeline(duckdbOnly, async (p) => {
      expect(((await p.run()) as { status: string }).status).toBe("succeeded");
      expect(await p.sql("SELECT id, info.who, info.amounts FROM lake.silver.shaped ORDER BY id")).toEqual([
        [1, "ann", [10, 20]],
        [2, "bob", [5, 10]],
        [3, "ann", [1, 2]],
      ]);
    });
    const refused = { ...MODELS, "models/bad.sql": "SELECT id\nFROM stg_orders WHERE id IN (1,", "models/bad.toml": "tags = []\n" };
    await withPipeline(refused, async (p) => {
      await expect(p.plan()).rejects.toMatchObject({
        code: "MODEL_SQL_INVALID",
        message: 'Cannot parse the SQL of model "bad" at the end of the query',
        hint: "The duckdb warehouse's parser reported: syntax error at end of input",
      });
    });
    const statements = { ...MODELS, "models/two.sql": "SELECT 1 AS x; SELECT 2 AS x", "models/two.toml": "tags = []\n" };
    await withPipeline(statements, async (p) => {
      await expect(p.plan()).rejects.toMatchObject({ code: "MODEL_SQL_INVALID", message: 'Model "two" must be one SELECT statement, found 2 statements' });
    });
  });

  it("plans again from the parse cache, and still refuses a model edited into SQL that does not parse", async () => {
    await withPipeline(MODELS, async (p) => {
      await p.plan();
      const dir = roots.at(-1) as string;
      expect(readdirSync(join(dir, ".rocky", "cache"))).toEqual([expect.stringMatching(/^parsed-sql-duckdb-[\w-]{12}\.json$/)]);
      await p.plan();
      writeFileSync(join(dir, "models", "totals.sql"), "SELECT customer,\n  sum(amount) AS total\nFROM stg_orders GROUP customer");
      await expect(p.plan()).rejects.toMatchObject({
        code: "MODEL_SQL_INVALID",
        message: 'Cannot parse the SQL of model "totals" near "customer"',
        location: { file: "models/totals.sql", line: 3, column: 23 },
      });
    });
  });

  it("reports a failed model and the downstream it skipped in the pipeline result", async () => {
    await withPipeline({ ...MODELS, "models/stg_orders.sql": "SELECT nope FROM lake.raw.orders" }, async (p) => {
      const result = (await p.run()) as { status: string; models: object[] };
      expect(result.status).toBe("failed");
      expect(result.models).toMatchObject([
        { name: "stg_orders", status: "failed", error: { code: "ADAPTER_REQUEST_FAILED" } },
        { name: "totals", status: "skipped", skipped_because: 'upstream model "stg_orders" failed', failed_upstream: "stg_orders" },
      ]);
    });
  });
});
