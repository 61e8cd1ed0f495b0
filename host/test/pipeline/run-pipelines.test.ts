import { join } from "node:path";
import { validate, type RunOutput, type RunTableResult } from "@rocky/protocol";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { silentLogger } from "../../src/log.js";
import { runPipelines } from "../../src/pipeline/run-pipelines.js";
import { openStateStore } from "../../src/state/state-store.js";
import { BRONZE_TOML, duck, generate, landedProject } from "./helpers.js";

const ACME = "data/catalogs/acme_warehouse.duckdb";

async function runIn(dir: string, runId: string): Promise<RunOutput> {
  const config = await loadConfig(join(dir, "rocky.toml"), { env: {} });
  const out = await runPipelines({ config, logger: silentLogger(), runId });
  expect(validate("RunOutput", out)).toEqual([]);
  return out;
}

function byTarget(out: RunOutput): Record<string, RunTableResult> {
  return Object.fromEntries(out.pipelines.flatMap((p) => p.tables).map((t) => [t.target, t]));
}

const summary = (out: RunOutput) =>
  Object.fromEntries(Object.entries(byTarget(out)).map(([k, t]) => [k, `${t.status} ${t.strategy} ${t.rows_copied ?? "-"}`]));

describe("runPipelines() on DuckDB through the adapter process", () => {
  it("says so when no source schema matches the prefix, instead of silently copying nothing", async () => {
    const dir = landedProject(BRONZE_TOML.replace('prefix = "src__"', 'prefix = "fivetran__"'));
    const out = await runIn(dir, "run-empty");
    expect(out.status).toBe("succeeded");
    expect(out.pipelines[0]?.tables).toEqual([]);
    expect(out.pipelines[0]?.skipped).toEqual([
      { catalog: "", schema: "fivetran__*", reason: 'no source schema starting with "fivetran__" found in adapter "local": nothing to replicate' },
    ]);
  });

  it("copies every matched table in full on the first run, with metadata columns, and reports skips", async () => {
    const dir = landedProject();
    const out = await runIn(dir, "run-1");
    expect(out.status).toBe("succeeded");
    expect(summary(out)).toEqual({
      "acme_warehouse.staging__eu_central__stripe.charges": "succeeded full_refresh 250",
      "acme_warehouse.staging__eu_central__stripe.refunds": "succeeded full_refresh 30",
      "acme_warehouse.staging__us_west__shopify.customers": "succeeded full_refresh 120",
      "acme_warehouse.staging__us_west__shopify.orders": "succeeded full_refresh 300",
      "acme_warehouse.staging__us_west__shopify.products": "succeeded full_refresh 40",
      "globex_warehouse.staging__us_east__hubspot.contacts": "succeeded full_refresh 200",
      "globex_warehouse.staging__us_east__hubspot.deals": "succeeded full_refresh 80",
      "globex_warehouse.staging__us_east__hubspot.owners": "succeeded full_refresh 12",
      "initech_warehouse.staging__apac__jp__salesforce.accounts": "succeeded full_refresh 60",
    });
    const tables = byTarget(out);
    expect(tables["acme_warehouse.staging__us_west__shopify.orders"]).toMatchObject({ reason: "target table missing", watermark_before: null, watermark_after: "2024-01-01 04:59:00" });
    expect(tables["globex_warehouse.staging__us_east__hubspot.owners"]).toMatchObject({
      reason: `no "_fivetran_synced" column`,
      notes: [`no "_fivetran_synced" column: falls back to full refresh every run`],
      watermark_after: null,
    });
    expect(out.pipelines[0]?.skipped).toEqual([
      { catalog: "warehouse", schema: "src__acme__us_west__shopify", table: "orders_tmp", reason: `excluded by tables.exclude "*_tmp"` },
      { catalog: "warehouse", schema: "src__scratch", reason: "schema has 1 part(s) after the prefix, expected at least 3 (tenant__regions...__connector)" },
    ]);

    const rows = await duck(join(dir, ACME), `
      SELECT count(*), count(DISTINCT _loaded_at), min(_source_schema), min(_source_table), min(_run_id), min(_origin), typeof(min(_loaded_at))
      FROM staging__us_west__shopify.orders`);
    expect(rows).toEqual([[300n, 1n, "src__acme__us_west__shopify", "orders", "run-1", "fivetran", "TIMESTAMP"]]);

    const state = openStateStore(join(dir, ".rocky", "state"));
    try {
      expect(state.getWatermark({ catalog: "acme_warehouse", schema: "staging__us_west__shopify", table: "orders" })).toMatchObject({ value: "2024-01-01 04:59:00", run_id: "run-1" });
      expect(state.listWatermarks().length).toBe(8);
      expect(state.getRun("run-1")).toEqual(out);
    } finally {
      await state.close();
    }
  });

  it("copies only rows newer than the watermark on the next run and adds a new source column", async () => {
    const dir = landedProject();
    await runIn(dir, "run-1");
    generate(dir, "--append");
    const out = await runIn(dir, "run-2");
    expect(out.status).toBe("succeeded");
    expect(summary(out)).toEqual({
      "acme_warehouse.staging__eu_central__stripe.charges": "succeeded incremental 25",
      "acme_warehouse.staging__eu_central__stripe.refunds": "succeeded incremental 25",
      "acme_warehouse.staging__us_west__shopify.customers": "succeeded incremental 25",
      "acme_warehouse.staging__us_west__shopify.orders": "succeeded incremental 25",
      "acme_warehouse.staging__us_west__shopify.products": "succeeded incremental 25",
      "globex_warehouse.staging__us_east__hubspot.contacts": "succeeded incremental 25",
      "globex_warehouse.staging__us_east__hubspot.deals": "succeeded incremental 25",
      "globex_warehouse.staging__us_east__hubspot.owners": "succeeded full_refresh 13",
      "initech_warehouse.staging__apac__jp__salesforce.accounts": "succeeded incremental 25",
    });
    expect(byTarget(out)["acme_warehouse.staging__us_west__shopify.orders"]).toMatchObject({
      watermark_before: "2024-01-01 04:59:00",
      watermark_after: "2024-01-01 05:24:00",
      notes: [`schema drift: column "discount_code" added (VARCHAR): add_column`],
    });
    const rows = await duck(join(dir, ACME), `
      SELECT _run_id, count(*), count(discount_code), count(DISTINCT id) FROM staging__us_west__shopify.orders GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([["run-1", 300n, 0n, 300n], ["run-2", 25n, 25n, 25n]]);

    // Nothing new landed: a third run copies nothing and keeps the watermarks.
    const third = await runIn(dir, "run-3");
    expect(byTarget(third)["acme_warehouse.staging__us_west__shopify.orders"]).toMatchObject({ strategy: "incremental", rows_copied: 0, watermark_after: "2024-01-01 05:24:00" });
  });

  it("copies nothing twice when the stored watermark lags what the target holds (a run that died before storing it)", async () => {
    const dir = landedProject();
    await runIn(dir, "run-1");
    generate(dir, "--append");
    await runIn(dir, "run-2");
    const orders = { catalog: "acme_warehouse", schema: "staging__us_west__shopify", table: "orders" };
    const state = openStateStore(join(dir, ".rocky", "state"));
    await state.setWatermark(orders, { column: "_fivetran_synced", value: "2024-01-01 04:59:00", updated_at: new Date().toISOString(), run_id: "run-1" });
    await state.close();

    const out = await runIn(dir, "run-3");
    expect(byTarget(out)["acme_warehouse.staging__us_west__shopify.orders"]).toMatchObject({
      strategy: "incremental",
      rows_copied: 0,
      watermark_before: "2024-01-01 04:59:00",
      watermark_after: "2024-01-01 05:24:00",
    });
    const rows = await duck(join(dir, ACME), "SELECT _run_id, count(*), count(DISTINCT id) FROM staging__us_west__shopify.orders GROUP BY 1 ORDER BY 1");
    expect(rows).toEqual([["run-1", 300n, 300n], ["run-2", 25n, 25n]]);
  });

  it("reports a failing table, keeps its watermark, and copies the others", async () => {
    // on_drift = "ignore": the copy goes ahead into the target's (incompatible) type, and the warehouse refuses it.
    const dir = landedProject(BRONZE_TOML.replace('type = "replication"', 'type = "replication"\non_drift = "ignore"'));
    await runIn(dir, "run-1");
    // The target's amount_cents column can no longer hold the landed values.
    await duck(join(dir, ACME), "ALTER TABLE staging__eu_central__stripe.charges ALTER amount_cents TYPE DATE USING DATE '2020-01-01'");
    generate(dir, "--append");
    const out = await runIn(dir, "run-2");
    expect(out.status).toBe("failed");
    expect(out.pipelines[0]?.status).toBe("failed");
    const charges = byTarget(out)["acme_warehouse.staging__eu_central__stripe.charges"];
    expect(charges).toMatchObject({ status: "failed", strategy: "incremental", rows_copied: null, watermark_before: "2024-01-01 04:09:00", watermark_after: "2024-01-01 04:09:00" });
    expect(charges?.error?.code).toBe("ADAPTER_REQUEST_FAILED");
    expect(charges?.error?.message).toMatch(/Conversion Error/);
    expect(byTarget(out)["acme_warehouse.staging__eu_central__stripe.refunds"]).toMatchObject({ status: "succeeded", rows_copied: 25 });

    const state = openStateStore(join(dir, ".rocky", "state"));
    try {
      expect(state.getWatermark({ catalog: "acme_warehouse", schema: "staging__eu_central__stripe", table: "charges" })).toMatchObject({ value: "2024-01-01 04:09:00", run_id: "run-1" });
      expect(state.getWatermark({ catalog: "acme_warehouse", schema: "staging__eu_central__stripe", table: "refunds" })).toMatchObject({ value: "2024-01-01 00:54:00", run_id: "run-2" });
      expect(state.listRuns().map((r) => [r.run_id, r.status])).toEqual([["run-2", "failed"], ["run-1", "succeeded"]]);
    } finally {
      await state.close();
    }
    const landed = await duck<[bigint]>(join(dir, ACME), "SELECT count(*) FROM staging__eu_central__stripe.charges");
    expect(landed).toEqual([[250n]]);
  });

  it("recreates every table each run with strategy full_refresh", async () => {
    const dir = landedProject(BRONZE_TOML.replace('type = "replication"', 'type = "replication"\nstrategy = "full_refresh"'));
    await runIn(dir, "run-1");
    generate(dir, "--append");
    const out = await runIn(dir, "run-2");
    expect(byTarget(out)["acme_warehouse.staging__us_west__shopify.orders"]).toMatchObject({ strategy: "full_refresh", reason: "strategy full_refresh", rows_copied: 325 });
  });

  it("refuses to start while another run holds the state lock", async () => {
    const dir = landedProject();
    const state = openStateStore(join(dir, ".rocky", "state"));
    const lock = state.acquireRunLock({ runId: "other", command: "run" });
    try {
      const config = await loadConfig(join(dir, "rocky.toml"), { env: {} });
      await expect(runPipelines({ config, logger: silentLogger() })).rejects.toMatchObject({ code: "STATE_LOCKED" });
    } finally {
      lock.release();
      await state.close();
    }
  });
});
