import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rocky } from "../../../test/e2e/helpers.js";
import { SECRETS, startFixture, type Fixture } from "./snowflake-fixture.js";

let f: Fixture;

const MODELS: Record<string, [string, string]> = {
  revenue: ["SELECT customer, SUM(amount) AS total FROM lake.raw.orders GROUP BY customer", ""],
  events: ["SELECT id, kind, created_at FROM lake.raw.events", '[strategy]\ntype = "incremental"\ntimestamp_column = "created_at"\n'],
  customers: ["SELECT id, name FROM lake.raw.customers", '[strategy]\ntype = "merge"\nunique_key = "id"\n'],
  daily: [
    "SELECT id, kind, created_at FROM lake.raw.events\nWHERE created_at >= @start_date AND created_at < @end_date",
    '[strategy]\ntype = "time_interval"\ntime_column = "created_at"\ngranularity = "day"\nbatch_size = 2\n',
  ],
  kinds: ["SELECT kind, COUNT(*) AS n FROM lake.raw.events GROUP BY kind", '[strategy]\ntype = "dynamic_table"\ntarget_lag = "1 hour"\nwarehouse = "ROCKY_WH"\n'],
};

beforeAll(async () => {
  f = await startFixture();
  writeFileSync(
    join(f.dir, "rocky.toml"),
    [
      "[adapter.sf]",
      'type = "snowflake"',
      'account = "testacct"',
      `base_url = "${f.server.url}"`,
      'warehouse = "ROCKY_WH"',
      `pat = "${SECRETS.pat}"`,
      "",
      "[pipeline.silver]",
      'type = "transformation"',
      'models = "models"',
      'target = { adapter = "sf", catalog = "lake", schema = "silver" }',
      "",
      "[state]",
      'path = ".rocky/state"',
      "",
    ].join("\n"),
  );
  mkdirSync(join(f.dir, "models"));
  for (const [name, [sql, toml]] of Object.entries(MODELS)) {
    writeFileSync(join(f.dir, "models", `${name}.sql`), `${sql}\n`);
    writeFileSync(join(f.dir, "models", `${name}.toml`), toml);
  }
  for (const sql of [
    "CREATE DATABASE lake",
    "CREATE SCHEMA lake.raw",
    "CREATE TABLE lake.raw.orders (id BIGINT, customer VARCHAR, amount NUMBER(10,2))",
    "INSERT INTO lake.raw.orders VALUES (1, 'ann', 10.00), (2, 'bob', 5.50), (3, 'ann', 2.50)",
    "CREATE TABLE lake.raw.events (id BIGINT, kind VARCHAR, created_at TIMESTAMP_NTZ)",
    "INSERT INTO lake.raw.events VALUES (1, 'a', '2024-03-01 10:00:00'), (2, 'b', '2024-03-01 11:00:00'), (3, 'a', '2024-03-02 09:00:00')",
    "CREATE TABLE lake.raw.customers (id BIGINT, name VARCHAR)",
    "INSERT INTO lake.raw.customers VALUES (1, 'Ann'), (2, 'Bob')",
  ]) {
    await f.sql(sql);
  }
});

afterAll(async () => {
  await f.close();
});

interface RunOutput {
  readonly pipelines?: unknown;
}

const run = () => rocky(f.dir, "run", "--output", "json", "--from", "2024-03-01", "--to", "2024-03-02");

/** Every model result of a run's JSON output, by name: status and strategy. */
function models(stdout: string): Record<string, { status: string; strategy: string }> {
  const found: Record<string, { status: string; strategy: string }> = {};
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.name === "string" && typeof o.status === "string" && typeof o.strategy === "string") found[o.name] = { status: o.status, strategy: o.strategy };
      Object.values(o).forEach(walk);
    }
  };
  walk(JSON.parse(stdout) as RunOutput);
  return found;
}

describe("rocky run against the Snowflake test server", () => {
  it("builds full refresh, incremental, merge, time interval and dynamic table models, twice, with exact results", async () => {
    const first = await run();
    expect(first.stderr).not.toContain(SECRETS.pat);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(models(first.stdout)).toEqual({
      revenue: { status: "succeeded", strategy: "full_refresh" },
      events: { status: "succeeded", strategy: "full_refresh" },
      customers: { status: "succeeded", strategy: "full_refresh" },
      daily: { status: "succeeded", strategy: "time_interval" },
      kinds: { status: "succeeded", strategy: "dynamic_table" },
    });
    expect(await f.sql("SELECT customer, total FROM lake.silver.revenue ORDER BY customer")).toEqual([["ann", "12.50"], ["bob", "5.50"]]);
    expect(await f.sql("SELECT id, kind FROM lake.silver.events ORDER BY id")).toEqual([["1", "a"], ["2", "b"], ["3", "a"]]);
    expect(await f.sql("SELECT id, name FROM lake.silver.customers ORDER BY id")).toEqual([["1", "Ann"], ["2", "Bob"]]);
    expect(await f.sql("SELECT id FROM lake.silver.daily ORDER BY id")).toEqual([["1"], ["2"], ["3"]]);
    expect(await f.sql("SELECT kind, n FROM lake.silver.kinds ORDER BY kind")).toEqual([["a", "2"], ["b", "1"]]);
    expect([...f.server.ctx.engine.dynamicTables]).toEqual([["LAKE.SILVER.KINDS", { lag: "1 hour", warehouse: "ROCKY_WH" }]]);

    for (const sql of [
      "INSERT INTO lake.raw.orders VALUES (4, 'cy', 1.00)",
      "INSERT INTO lake.raw.events VALUES (4, 'c', '2024-03-02 12:00:00'), (5, 'a', '2024-03-03 08:00:00')",
      "UPDATE lake.raw.customers SET name = 'Bobby' WHERE id = 2",
      "INSERT INTO lake.raw.customers VALUES (3, 'Cy')",
      "DELETE FROM lake.raw.events WHERE id = 1",
    ]) {
      await f.sql(sql);
    }
    f.server.ctx.log.length = 0;
    f.server.ctx.store.records.clear();
    const second = await run();
    expect(second.exitCode, second.stderr).toBe(0);
    expect(models(second.stdout)).toEqual({
      revenue: { status: "succeeded", strategy: "full_refresh" },
      events: { status: "succeeded", strategy: "incremental" },
      customers: { status: "succeeded", strategy: "merge" },
      daily: { status: "succeeded", strategy: "time_interval" },
      kinds: { status: "succeeded", strategy: "dynamic_table" },
    });
    expect(await f.sql("SELECT customer, total FROM lake.silver.revenue ORDER BY customer")).toEqual([["ann", "12.50"], ["bob", "5.50"], ["cy", "1.00"]]);
    // Incremental: rows after the watermark only (id 1, deleted at the source, stays; id 5 is newer).
    expect(await f.sql("SELECT id, kind FROM lake.silver.events ORDER BY id")).toEqual([["1", "a"], ["2", "b"], ["3", "a"], ["4", "c"], ["5", "a"]]);
    expect(await f.sql("SELECT id, name FROM lake.silver.customers ORDER BY id")).toEqual([["1", "Ann"], ["2", "Bobby"], ["3", "Cy"]]);
    // Time interval: 2024-03-01 and 2024-03-02 replaced (id 1 gone, id 4 added), 2024-03-03 not selected.
    expect(await f.sql("SELECT id FROM lake.silver.daily ORDER BY id")).toEqual([["2"], ["3"], ["4"]]);
    expect(await f.sql("SELECT kind, n FROM lake.silver.kinds ORDER BY kind")).toEqual([["a", "2"], ["b", "1"], ["c", "1"]]);
    // The partition replacement was one multi-statement request: BEGIN, DELETE, INSERT, COMMIT.
    const replaced = [...f.server.ctx.store.records.values()].filter((r) => r.requestId !== undefined && /DELETE FROM lake\.silver\.daily/.test(r.text)).map((r) => r.text.split("\n;\n").map((s) => s.split(" ")[0]));
    expect(replaced).toEqual([["ALTER", "BEGIN", "DELETE", "INSERT", "COMMIT"]]);
    expect(f.server.ctx.log.filter((e) => e.method === "POST" && e.status >= 400)).toEqual([]);
  }, 120_000);
});
