import { join } from "node:path";
import { validate, type PlannedPipeline, type RunOutput } from "@rocky/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { silentLogger } from "../../src/log.js";
import { createAdapterPool } from "../../src/pipeline/adapter-pool.js";
import { runnerFor } from "../../src/pipeline/registry.js";
import { runPipelines } from "../../src/pipeline/run-pipelines.js";
import { selectPipelines } from "../../src/pipeline/select-pipelines.js";
import { SILENT_PROGRESS } from "../../src/pipeline/pipeline-context.js";
import { openStateStore } from "../../src/state/state-store.js";
import { duck } from "./helpers.js";
import { scaleProject as createScaleProject, type ScaleProject, type ScaleProjectOptions } from "./scale-project.js";

const projects: ScaleProject[] = [];
afterEach(() => projects.splice(0).forEach((p) => p.remove()));
async function scaleProject(o: ScaleProjectOptions): Promise<ScaleProject> {
  const p = await createScaleProject(o);
  projects.push(p);
  return p;
}

async function runIn(dir: string, runId: string): Promise<RunOutput> {
  const config = await loadConfig(join(dir, "rocky.toml"), { env: {} });
  const out = await runPipelines({ config, logger: silentLogger(), runId });
  expect(validate("RunOutput", out)).toEqual([]);
  return out;
}

/** What `rocky plan` does for the project's one pipeline. */
async function planIn(dir: string): Promise<PlannedPipeline> {
  const config = await loadConfig(join(dir, "rocky.toml"), { env: {} });
  const [name, pipeline] = selectPipelines(config, "bronze")[0] ?? [];
  if (!name || !pipeline) throw new Error("no pipeline bronze");
  const state = openStateStore(config.statePath, { create: false });
  const adapters = createAdapterPool(config, silentLogger());
  try {
    return await runnerFor(name, pipeline).plan({ name, config: pipeline, project: config, adapters, state, logger: silentLogger(), progress: SILENT_PROGRESS });
  } finally {
    await adapters.closeAll();
    await state?.close();
  }
}

const outcome = (out: RunOutput) =>
  Object.fromEntries(out.pipelines.flatMap((p) => p.tables).map((t) => [t.target, `${t.status} ${t.strategy} (${t.reason}) ${t.rows_copied} ${t.watermark_before} -> ${t.watermark_after}`]));

describe("replication over thousands of tables", () => {
  it("copies 2,000 tiny tables in full, then only their new rows, with a bounded number of adapter requests per table", { timeout: 180_000 }, async () => {
    const p = await scaleProject({ tenants: 2, schemasPerTenant: 10, tablesPerSchema: 100, catalogTemplate: "{tenant}_wh" });
    const n = p.tables.length;
    expect(n).toBe(2000);
    const target = (t: (typeof p.tables)[number]) => `${t.tenant}_wh.staging__${t.schema.slice("src__".length)}.${t.table}`;

    const first = await runIn(p.dir, "run-1");
    expect(first.status).toBe("succeeded");
    expect(outcome(first)).toEqual(Object.fromEntries(p.tables.map((t) => [target(t), `succeeded full_refresh (target table missing) 2 null -> ${t.synced}`])));
    const copied = await duck<[string, bigint, bigint]>(join(p.dir, "data", "catalogs", "t1_wh.duckdb"), "SELECT min(_run_id), count(*), count(DISTINCT id) FROM staging__t1__c9.table_99");
    expect(copied).toEqual([["run-1", 2n, 2n]]);

    // New rows in every 100th table, a new column in one: the next run copies exactly those and adds the column.
    const changed = p.tables.filter((_, i) => i % 100 === 0);
    await duck(p.landing, changed.map((t) => `INSERT INTO ${t.schema}.${t.table} VALUES (3, 'c', TIMESTAMP '2024-02-01 00:00:00')`).join(";\n"));
    await duck(p.landing, "ALTER TABLE src__t0__c0.table_1 ADD COLUMN extra INTEGER");

    const planned = await planIn(p.dir);
    expect(planned.tables.map((t) => t.strategy)).toEqual(Array.from({ length: n }, () => "incremental"));
    const second = await runIn(p.dir, "run-2");
    expect(second.status).toBe("succeeded");
    expect(outcome(second)).toEqual(
      Object.fromEntries(
        p.tables.map((t, i) => [
          target(t),
          i % 100 === 0
            ? `succeeded incremental (watermark stored) 1 ${t.synced} -> 2024-02-01 00:00:00`
            : `succeeded incremental (watermark stored) 0 ${t.synced} -> ${t.synced}`,
        ]),
      ),
    );
    expect(second.pipelines[0]?.tables.find((t) => t.target === "t0_wh.staging__t0__c0.table_1")?.notes).toEqual(['schema drift: column "extra" added (INTEGER): add_column']);
    const state = openStateStore(join(p.dir, ".rocky", "state"));
    try {
      expect(state.listWatermarks().length).toBe(n);
    } finally {
      await state.close();
    }

    // Per table: one describe_table of the source, plus one of the target once it may be copied incrementally; which
    // targets exist comes from one discovery/list per target catalog, never a table_exists per table.
    const base = { initialize: 1, shutdown: 1 };
    const [run1, plan, run2] = p.requests();
    expect(run1).toEqual({ ...base, "discovery/list": 3, describe_table: n, "catalog/create": 2, "schema/create": 20, execute_statement: n, execute_query: n });
    expect(plan).toEqual({ ...base, "discovery/list": 3, describe_table: 2 * n });
    expect(run2).toEqual({ ...base, "discovery/list": 3, describe_table: 2 * n, "catalog/create": 2, "schema/create": 20, execute_statement: n + 1, execute_query: n });
  });

  it("asks table_exists per table only where no catalog names the target (the main database)", { timeout: 60_000 }, async () => {
    const p = await scaleProject({ tenants: 1, schemasPerTenant: 2, tablesPerSchema: 25 });
    const first = await runIn(p.dir, "run-1");
    const target = (t: (typeof p.tables)[number]) => `staging__${t.schema.slice("src__".length)}.${t.table}`;
    expect(outcome(first)).toEqual(Object.fromEntries(p.tables.map((t) => [target(t), `succeeded full_refresh (target table missing) 2 null -> ${t.synced}`])));
    const second = await runIn(p.dir, "run-2");
    expect(outcome(second)).toEqual(Object.fromEntries(p.tables.map((t) => [target(t), `succeeded incremental (watermark stored) 0 ${t.synced} -> ${t.synced}`])));
    const [run1, run2] = p.requests();
    expect(run1).toEqual({ initialize: 1, shutdown: 1, "discovery/list": 1, describe_table: 50, table_exists: 50, "schema/create": 2, execute_statement: 50, execute_query: 50 });
    expect(run2).toEqual({ initialize: 1, shutdown: 1, "discovery/list": 1, describe_table: 100, table_exists: 50, "schema/create": 2, execute_statement: 50, execute_query: 50 });
  });
});
