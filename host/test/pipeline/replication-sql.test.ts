import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReplicationTablePlan } from "../../src/ir/replication-plan.js";
import type { Statement } from "../../src/ir/statement.js";
import { copiedRowsQuery, setupStatement, tableStatements } from "../../src/pipeline/replication-sql.js";
import { DATABRICKS, DUCKDB, SNOWFLAKE, type Dialect } from "../../src/sql/dialect.js";

const FIXTURES = join(import.meta.dirname, "fixtures", "replication-sql");

const base: ReplicationTablePlan = {
  source: { catalog: "warehouse", schema: "src__acme__us_west__shopify", table: "orders" },
  target: { catalog: "acme_warehouse", schema: "staging__us_west__shopify", table: "orders" },
  strategy: { kind: "full_refresh" },
  reason: "first run",
  notes: [],
  columns: ["id", "amount", "_fivetran_synced"],
  addColumns: [],
  metadata: [
    { name: "_loaded_at", type: "timestamp", value: { kind: "load_time" } },
    { name: "_source_schema", type: "string", value: { kind: "source_schema" } },
    { name: "_source_table", type: "string", value: { kind: "source_table" } },
    { name: "_run_id", type: "string", value: { kind: "run_id" } },
    { name: "_origin", type: "string", value: { kind: "literal", value: "fivetran'; DROP TABLE x; --" } },
  ],
  timestampColumn: "_fivetran_synced",
};

const incremental: ReplicationTablePlan = {
  ...base,
  strategy: { kind: "incremental", timestampColumn: "_fivetran_synced", watermark: "2024-01-01 04:59:00" },
  reason: "watermark stored",
  addColumns: [{ name: "discount_code", dataType: "VARCHAR" }],
};

function render(statements: readonly Statement[]): string {
  return statements.map((s) => `${s.sql};\n-- params: ${JSON.stringify(s.params)}\n`).join("\n");
}

/** Compares with fixtures/<name>.sql; ROCKY_UPDATE_GOLDEN=1 rewrites them. */
function golden(name: string, actual: string): void {
  const file = join(FIXTURES, `${name}.sql`);
  if (process.env.ROCKY_UPDATE_GOLDEN === "1") writeFileSync(file, actual);
  expect(existsSync(file), `missing golden ${file}: run with ROCKY_UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

const dialects: [string, Dialect][] = [["duckdb", DUCKDB], ["databricks", DATABRICKS], ["snowflake", SNOWFLAKE]];

describe.each(dialects)("replication SQL for %s", (name, dialect) => {
  const ctx = { dialect, pipeline: "bronze", runId: "run-1" };

  it("renders a full refresh as CREATE OR REPLACE TABLE AS SELECT with bound metadata", () => {
    golden(`${name}.full-refresh`, render(tableStatements(base, ctx)));
  });

  it("renders an incremental copy with added columns and the watermark as the last parameter", () => {
    golden(`${name}.incremental`, render(tableStatements(incremental, ctx)));
  });

  it("renders the post-copy row count and watermark query", () => {
    golden(`${name}.copied-rows`, render([copiedRowsQuery(incremental, dialect), copiedRowsQuery(base, dialect), copiedRowsQuery({ ...base, timestampColumn: null }, dialect)]));
  });
});

describe("replication SQL", () => {
  it("never interpolates metadata values or watermarks", () => {
    const [add, copy] = tableStatements(incremental, { dialect: DUCKDB, pipeline: "bronze", runId: "run-1" });
    expect(add?.params).toEqual([]);
    expect(copy?.sql).not.toContain("2024-01-01");
    expect(copy?.sql).not.toContain("DROP");
    expect(copy?.params).toEqual(["src__acme__us_west__shopify", "orders", "run-1", "fivetran'; DROP TABLE x; --", "2024-01-01 04:59:00"]);
    expect(copy?.sql.split("?").length - 1).toBe(copy?.params.length);
  });

  it("refuses identifiers outside ^[a-zA-Z0-9_]+$ with IDENTIFIER_INVALID", () => {
    const bad = { ...base, source: { ...base.source, table: 'orders"; DROP TABLE x; --' } };
    expect(() => tableStatements(bad, { dialect: DUCKDB, pipeline: "bronze", runId: "r" })).toThrow(expect.objectContaining({ code: "IDENTIFIER_INVALID" }));
  });

  it("renders setup steps as adapter methods or SQL", () => {
    expect(setupStatement({ kind: "create_catalog", catalog: "acme_warehouse", via: "method" }, DUCKDB)).toEqual({ method: "catalog/create", params: { catalog: "acme_warehouse" } });
    expect(setupStatement({ kind: "create_schema", catalog: "acme_warehouse", schema: "staging", via: "sql" }, DATABRICKS)).toEqual({
      sql: "CREATE SCHEMA IF NOT EXISTS `acme_warehouse`.`staging`",
      params: [],
    });
  });
});
