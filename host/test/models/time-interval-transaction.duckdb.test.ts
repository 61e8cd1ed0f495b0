import { Methods } from "@rocky/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GENERIC } from "../../src/sql/dialect.js";
import { createDuckDbProject, type DuckDbProject } from "./helpers/duckdb-project.js";

// The generic dialect replaces a partition with DELETE + INSERT; through the real DuckDB adapter they run as one execute_batch.
let p: DuckDbProject;
const NOW = new Date("2024-01-05T12:00:00Z");
const rowsOf = () => p.rows("SELECT CAST(viewed_at AS DATE)::VARCHAR AS day, page, views FROM lake.silver.page_views ORDER BY viewed_at, page");
const recorded = () => p.state.namespace("partitions").entries({ prefix: ["lake.silver.page_views"] }).map((e) => e.key[1]);

beforeEach(async () => {
  p = await createDuckDbProject({ dialect: GENERIC });
  await p.client.request(Methods.catalogCreate, { catalog: "lake" });
  await p.exec(`CREATE SCHEMA IF NOT EXISTS lake.raw; CREATE TABLE lake.raw.page_views AS SELECT * FROM (VALUES
    (TIMESTAMP '2024-01-01 08:00:00', 'home', 1), (TIMESTAMP '2024-01-02 09:00:00', 'home', 2), (TIMESTAMP '2024-01-02 10:00:00', 'cart', 3),
    (TIMESTAMP '2024-01-03 11:00:00', 'home', 4)
  ) v(viewed_at, page, views)`);
  // A 'boom' page makes the model's query fail at run time, after the partition's DELETE has run.
  p.model(
    "page_views",
    "SELECT viewed_at, page, CAST(CASE WHEN page = 'boom' THEN error('boom row') ELSE views END AS INTEGER) AS views\nFROM lake.raw.page_views\nWHERE viewed_at >= @start_date AND viewed_at < @end_date",
    `[target]\ncatalog = "lake"\nschema = "silver"\n\n[strategy]\ntype = "time_interval"\ntime_column = "viewed_at"\ngranularity = "day"\nfirst_partition = "2024-01-01"\n`,
  );
  await p.run({ partitions: { from: "2024-01-01", to: "2024-01-03" }, now: NOW });
});

afterEach(async () => {
  await p.close();
});

describe("time_interval with the generic dialect on DuckDB", () => {
  it("replaces a re-run partition with its DELETE and INSERT in one execute_batch", async () => {
    await p.exec("UPDATE lake.raw.page_views SET views = 20 WHERE page = 'home' AND viewed_at >= TIMESTAMP '2024-01-02 00:00:00' AND viewed_at < TIMESTAMP '2024-01-03 00:00:00'");
    await p.exec("INSERT INTO lake.raw.page_views VALUES (TIMESTAMP '2024-01-02 23:00:00', 'help', 7)");
    const [result] = await p.run({ partitions: { partition: "2024-01-02" }, now: NOW });
    // The partition's 2 old rows deleted, its 3 new rows inserted.
    expect(result).toMatchObject({ status: "succeeded", partitions: ["2024-01-02"], rows_affected: 5 });
    expect(await rowsOf()).toEqual([
      ["2024-01-01", "home", 1],
      ["2024-01-02", "home", 20],
      ["2024-01-02", "cart", 3],
      ["2024-01-02", "help", 7],
      ["2024-01-03", "home", 4],
    ]);
  });

  it("keeps the old partition when its INSERT fails, instead of leaving it deleted", async () => {
    await p.exec("UPDATE lake.raw.page_views SET views = 20 WHERE page = 'home'");
    await p.exec("INSERT INTO lake.raw.page_views VALUES (TIMESTAMP '2024-01-02 23:00:00', 'boom', 7)");
    const [result] = await p.run({ partitions: { from: "2024-01-02", to: "2024-01-03" }, now: NOW });
    expect(result).toMatchObject({ status: "failed", partitions: [], rows_affected: null });
    expect(result?.error?.message).toMatch(/^Adapter "warehouse" failed "execute_batch" at statement 2: EXECUTION_FAILED: Invalid Input Error: boom row/);
    // Batch 2024-01-02 rolled back whole; 2024-01-03 never ran.
    expect(await rowsOf()).toEqual([
      ["2024-01-01", "home", 1],
      ["2024-01-02", "home", 2],
      ["2024-01-02", "cart", 3],
      ["2024-01-03", "home", 4],
    ]);
    expect(recorded()).toEqual(["2024-01-01", "2024-01-02", "2024-01-03"]);
  });
});
