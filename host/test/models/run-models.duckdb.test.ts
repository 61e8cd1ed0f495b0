import { Methods } from "@rocky/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forgetPartition } from "../../src/models/model-state.js";
import { createDuckDbProject, statuses, type DuckDbProject } from "./helpers/duckdb-project.js";

// Every strategy DuckDB supports, through the real DuckDB adapter process and a real lmdb state store.
let p: DuckDbProject;

beforeEach(async () => {
  p = await createDuckDbProject();
  await p.client.request(Methods.catalogCreate, { catalog: "lake" });
  await p.exec("CREATE SCHEMA IF NOT EXISTS lake.raw");
});

afterEach(async () => {
  await p.close();
});

const TARGET = `[target]\ncatalog = "lake"\nschema = "silver"\n`;

describe("full_refresh on DuckDB", () => {
  it("rebuilds the table from the source on every run", async () => {
    await p.exec("CREATE TABLE lake.raw.orders AS SELECT * FROM (VALUES (1, 'ann', 10.0), (2, 'bob', 5.5), (3, 'ann', 2.5)) v(id, customer, amount)");
    p.model("revenue", "SELECT customer, sum(amount) AS total FROM lake.raw.orders GROUP BY customer", TARGET);
    expect(statuses(await p.run())).toEqual({ revenue: "succeeded" });
    expect(await p.rows("SELECT customer, total FROM lake.silver.revenue ORDER BY customer")).toEqual([["ann", "12.5"], ["bob", "5.5"]]);

    await p.exec("INSERT INTO lake.raw.orders VALUES (4, 'cy', 1.0)");
    await p.run();
    expect(await p.rows("SELECT customer, total FROM lake.silver.revenue ORDER BY customer")).toEqual([["ann", "12.5"], ["bob", "5.5"], ["cy", "1.0"]]);
  });
});

describe("incremental on DuckDB", () => {
  beforeEach(async () => {
    await p.exec(
      "CREATE TABLE lake.raw.events AS SELECT * FROM (VALUES (1, 'a', TIMESTAMP '2024-03-01 10:00:00'), (2, 'b', TIMESTAMP '2024-03-01 11:00:00')) v(id, kind, created_at)",
    );
    p.model("events", "SELECT id, kind, created_at FROM lake.raw.events", `${TARGET}\n[strategy]\ntype = "incremental"\ntimestamp_column = "created_at"\n`);
  });

  it("creates the table on the first run and stores the watermark", async () => {
    const [result] = await p.run();
    expect(result).toMatchObject({ name: "events", status: "succeeded", strategy: "full_refresh", configured_strategy: "incremental", reason: "first run: target table missing", watermark_after: "2024-03-01 11:00:00" });
    expect(await p.rows("SELECT id, kind FROM lake.silver.events ORDER BY id")).toEqual([[1, "a"], [2, "b"]]);
    expect(p.state.getWatermark({ catalog: "lake", schema: "silver", table: "events" })).toMatchObject({ column: "created_at", value: "2024-03-01 11:00:00", run_id: "run-1" });
  });

  it("appends only rows newer than the watermark on later runs", async () => {
    await p.run();
    // id 3 is older than the watermark (late arrival): incremental deliberately skips it.
    await p.exec("INSERT INTO lake.raw.events VALUES (3, 'late', TIMESTAMP '2024-03-01 09:00:00'), (4, 'c', TIMESTAMP '2024-03-01 12:00:00'), (5, 'd', TIMESTAMP '2024-03-01 13:00:00')");
    const [second] = await p.run();
    expect(second).toMatchObject({ strategy: "incremental", reason: "rows with created_at after 2024-03-01 11:00:00", rows_affected: 2, watermark_after: "2024-03-01 13:00:00" });
    expect(await p.rows("SELECT id, kind FROM lake.silver.events ORDER BY id")).toEqual([[1, "a"], [2, "b"], [4, "c"], [5, "d"]]);

    const [third] = await p.run();
    expect(third).toMatchObject({ strategy: "incremental", rows_affected: 0, watermark_after: "2024-03-01 13:00:00" });
    expect(await p.rows("SELECT count(*) FROM lake.silver.events")).toEqual([[4]]);
  });

  it("recovers the watermark from the target when the state lost it", async () => {
    await p.run();
    await p.state.deleteWatermark({ catalog: "lake", schema: "silver", table: "events" });
    await p.exec("INSERT INTO lake.raw.events VALUES (6, 'e', TIMESTAMP '2024-03-02 00:00:00')");
    const [result] = await p.run();
    expect(result).toMatchObject({ strategy: "incremental", reason: "rows with created_at after 2024-03-01 11:00:00", rows_affected: 1 });
    expect(await p.rows("SELECT id FROM lake.silver.events ORDER BY id")).toEqual([[1], [2], [6]]);
  });

  it("inserts nothing twice when the stored watermark lags the target (a run that died before storing it)", async () => {
    await p.run();
    await p.exec("INSERT INTO lake.raw.events VALUES (4, 'c', TIMESTAMP '2024-03-01 12:00:00')");
    await p.run();
    const events = { catalog: "lake", schema: "silver", table: "events" };
    await p.state.setWatermark(events, { column: "created_at", value: "2024-03-01 11:00:00", updated_at: new Date().toISOString(), run_id: "run-1" });
    const [result] = await p.run();
    expect(result).toMatchObject({ strategy: "incremental", reason: "rows with created_at after 2024-03-01 11:00:00", rows_affected: 0, watermark_after: "2024-03-01 12:00:00" });
    expect(await p.rows("SELECT id FROM lake.silver.events ORDER BY id")).toEqual([[1], [2], [4]]);
  });
});

describe("merge on DuckDB", () => {
  beforeEach(async () => {
    await p.exec("CREATE TABLE lake.raw.customers AS SELECT * FROM (VALUES (1, 'Ann', 'ann@x'), (2, 'Bob', 'bob@x')) v(id, name, email)");
  });

  it("updates matched rows and inserts new ones", async () => {
    p.model("customers", "SELECT id, name, email FROM lake.raw.customers", `${TARGET}\n[strategy]\ntype = "merge"\nunique_key = "id"\n`);
    const [first] = await p.run();
    expect(first).toMatchObject({ strategy: "full_refresh", reason: "first run: target table missing" });
    await p.exec("UPDATE lake.raw.customers SET name = 'Robert', email = 'robert@x' WHERE id = 2");
    await p.exec("INSERT INTO lake.raw.customers VALUES (3, 'Cy', 'cy@x')");
    await p.exec("DELETE FROM lake.raw.customers WHERE id = 1");
    const [second] = await p.run();
    expect(second).toMatchObject({ strategy: "merge", reason: "upsert on id", status: "succeeded", rows_affected: 2 });
    // Merge never deletes: id 1 stays although the source dropped it.
    expect(await p.rows("SELECT id, name, email FROM lake.silver.customers ORDER BY id")).toEqual([
      [1, "Ann", "ann@x"],
      [2, "Robert", "robert@x"],
      [3, "Cy", "cy@x"],
    ]);
    await p.run();
    expect(await p.rows("SELECT count(*) FROM lake.silver.customers")).toEqual([[3]]);
  });

  it("updates only update_columns on a match", async () => {
    p.model(
      "customers",
      "SELECT id, name, email FROM lake.raw.customers",
      `${TARGET}\n[strategy]\ntype = "merge"\nunique_key = ["id"]\nupdate_columns = ["email"]\n`,
    );
    await p.run();
    await p.exec("UPDATE lake.raw.customers SET name = 'Robert', email = 'robert@x' WHERE id = 2");
    await p.run();
    expect(await p.rows("SELECT id, name, email FROM lake.silver.customers ORDER BY id")).toEqual([
      [1, "Ann", "ann@x"],
      [2, "Bob", "robert@x"],
    ]);
  });
});

describe("time_interval on DuckDB", () => {
  const NOW = new Date("2024-01-05T12:00:00Z");
  const rowsOf = () => p.rows("SELECT CAST(viewed_at AS DATE)::VARCHAR AS day, page, views FROM lake.silver.page_views ORDER BY viewed_at, page");

  beforeEach(async () => {
    await p.exec(`CREATE TABLE lake.raw.page_views AS SELECT * FROM (VALUES
      (TIMESTAMP '2024-01-01 08:00:00', 'home', 1), (TIMESTAMP '2024-01-02 09:00:00', 'home', 2), (TIMESTAMP '2024-01-02 10:00:00', 'cart', 3),
      (TIMESTAMP '2024-01-03 11:00:00', 'home', 4), (TIMESTAMP '2024-01-04 12:00:00', 'home', 5), (TIMESTAMP '2024-01-05 01:00:00', 'home', 6)
    ) v(viewed_at, page, views)`);
    p.model(
      "page_views",
      "SELECT viewed_at, page, views FROM lake.raw.page_views\nWHERE viewed_at >= @start_date AND viewed_at < @end_date",
      `${TARGET}\n[strategy]\ntype = "time_interval"\ntime_column = "viewed_at"\ngranularity = "day"\nbatch_size = 2\nlookback = 1\nfirst_partition = "2024-01-01"\n`,
    );
  });

  it("builds a --from/--to range in batches and records each partition", async () => {
    const [result] = await p.run({ partitions: { from: "2024-01-01", to: "2024-01-04" }, now: NOW });
    expect(result).toMatchObject({ status: "succeeded", strategy: "time_interval", partitions: ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"] });
    expect(await rowsOf()).toEqual([
      ["2024-01-01", "home", 1],
      ["2024-01-02", "home", 2],
      ["2024-01-02", "cart", 3],
      ["2024-01-03", "home", 4],
      ["2024-01-04", "home", 5],
    ]);
    const recorded = p.state.namespace("partitions").entries({ prefix: ["lake.silver.page_views"] }).map((e) => e.key);
    expect(recorded).toEqual([
      ["lake.silver.page_views", "2024-01-01"],
      ["lake.silver.page_views", "2024-01-02"],
      ["lake.silver.page_views", "2024-01-03"],
      ["lake.silver.page_views", "2024-01-04"],
    ]);
  });

  it("replaces a re-run partition instead of duplicating it", async () => {
    await p.run({ partitions: { from: "2024-01-01", to: "2024-01-04" }, now: NOW });
    await p.exec("UPDATE lake.raw.page_views SET views = 20 WHERE page = 'home' AND viewed_at < TIMESTAMP '2024-01-03 00:00:00' AND viewed_at >= TIMESTAMP '2024-01-02 00:00:00'");
    await p.exec("INSERT INTO lake.raw.page_views VALUES (TIMESTAMP '2024-01-02 23:00:00', 'help', 7)");
    const [result] = await p.run({ partitions: { partition: "2024-01-02" }, now: NOW });
    // One MERGE: the partition's 2 old rows deleted, its 3 new rows inserted.
    expect(result).toMatchObject({ partitions: ["2024-01-02"], rows_affected: 5 });
    expect(await rowsOf()).toEqual([
      ["2024-01-01", "home", 1],
      ["2024-01-02", "home", 20],
      ["2024-01-02", "cart", 3],
      ["2024-01-02", "help", 7],
      ["2024-01-03", "home", 4],
      ["2024-01-04", "home", 5],
    ]);
    await p.run({ partitions: { partition: "2024-01-02" }, now: NOW });
    expect(await p.rows("SELECT count(*) FROM lake.silver.page_views")).toEqual([[6]]);
  });

  it("rebuilds exactly the partition whose record was deleted with --missing", async () => {
    await p.run({ partitions: { from: "2024-01-01", to: "2024-01-04" }, now: NOW });
    await forgetPartition(p.state, { catalog: "lake", schema: "silver", table: "page_views" }, "2024-01-03");
    // Source changes on two days; only the forgotten one may be picked up.
    await p.exec("UPDATE lake.raw.page_views SET views = views * 100 WHERE viewed_at >= TIMESTAMP '2024-01-02 00:00:00' AND viewed_at < TIMESTAMP '2024-01-04 00:00:00'");
    const [result] = await p.run({ partitions: { missing: true }, now: NOW });
    expect(result).toMatchObject({ status: "succeeded", partitions: ["2024-01-03"] });
    expect(await rowsOf()).toEqual([
      ["2024-01-01", "home", 1],
      ["2024-01-02", "home", 2],
      ["2024-01-02", "cart", 3],
      ["2024-01-03", "home", 400],
      ["2024-01-04", "home", 5],
    ]);
    const [again] = await p.run({ partitions: { missing: true }, now: NOW });
    expect(again).toMatchObject({ status: "succeeded", partitions: [], reason: "no partitions to build" });
  });

  it("builds the partition containing now and the lookback by default", async () => {
    const [result] = await p.run({ now: NOW });
    expect(result).toMatchObject({ strategy: "time_interval", partitions: ["2024-01-04", "2024-01-05"] });
    expect(await rowsOf()).toEqual([
      ["2024-01-04", "home", 5],
      ["2024-01-05", "home", 6],
    ]);
  });

  it("fills every gap from first_partition with --missing on a fresh target", async () => {
    await p.run({ partitions: { partition: "2024-01-02" }, now: NOW });
    const [result] = await p.run({ partitions: { missing: true }, now: NOW });
    expect(result?.partitions).toEqual(["2024-01-01", "2024-01-03", "2024-01-04"]);
    expect(await p.rows("SELECT count(*) FROM lake.silver.page_views")).toEqual([[5]]);
  });
});

describe("model DAG on DuckDB", () => {
  beforeEach(async () => {
    await p.exec("CREATE TABLE lake.raw.orders AS SELECT * FROM (VALUES (1, 'ann', 10), (2, 'bob', 5)) v(id, customer, amount)");
    p.model("stg_orders", "SELECT id, customer, amount FROM lake.raw.orders", TARGET);
    p.model("customer_totals", "SELECT customer, sum(amount) AS total FROM stg_orders GROUP BY customer", TARGET);
    p.model("big_customers", "SELECT customer FROM lake.silver.customer_totals WHERE total > 6", TARGET);
    p.model("order_count", "SELECT count(*) AS n FROM silver.stg_orders", TARGET);
  });

  it("resolves references by model name and target name and runs upstream first", async () => {
    const results = await p.run({ concurrency: 2 });
    expect(results.map((r) => r.name)).toEqual(["stg_orders", "customer_totals", "big_customers", "order_count"]);
    expect(statuses(results)).toEqual({ stg_orders: "succeeded", customer_totals: "succeeded", order_count: "succeeded", big_customers: "succeeded" });
    expect(await p.rows("SELECT customer FROM lake.silver.big_customers")).toEqual([["ann"]]);
  });

  it("skips the downstream of a failed model and finishes unrelated branches", async () => {
    p.model("customer_totals", "SELECT customer, sum(no_such_column) AS total FROM stg_orders GROUP BY customer", TARGET);
    const results = await p.run();
    expect(statuses(results)).toEqual({
      stg_orders: "succeeded",
      customer_totals: "failed",
      order_count: "succeeded",
      big_customers: 'skipped: upstream model "customer_totals" failed',
    });
    const failed = results.find((r) => r.name === "customer_totals");
    expect(failed?.error?.code).toBe("ADAPTER_REQUEST_FAILED");
    expect(failed?.error?.message).toContain("no_such_column");
    expect(results.find((r) => r.name === "big_customers")?.failed_upstream).toBe("customer_totals");
  });

  it("runs only the selected models", async () => {
    await p.run();
    expect(statuses(await p.run({ select: ["customer_totals+"] }))).toEqual({ customer_totals: "succeeded", big_customers: "succeeded" });
    expect(statuses(await p.run({ select: ["+customer_totals"] }))).toEqual({ stg_orders: "succeeded", customer_totals: "succeeded" });
  });
});

describe("strategy refusal on DuckDB", () => {
  it("refuses a materialized_view before running anything", async () => {
    p.model("mv", "SELECT 1 AS x", `${TARGET}\n[strategy]\ntype = "materialized_view"\n`);
    await expect(p.run()).rejects.toThrowError('Model "mv" uses strategy "materialized_view", which dialect "duckdb" cannot express');
  });
});
