import { describe, expect, it } from "vitest";
import { AdapterError } from "../../src/adapter/adapter-error.js";
import { RockyError } from "../../src/errors.js";
import type { ModelPlan } from "../../src/ir/index.js";
import { locateWarehouseError } from "../../src/models/locate-warehouse-error.js";
import { renderModelPlan } from "../../src/models/sql/render-model-plan.js";
import { dialectFor } from "../../src/sql/dialect.js";

const SELECT = "SELECT page, viewed_at\nFROM raw.page_views\nWHERE viewed_at >= @start_date\n  AND viewed_at < @end_date\n  AND bogus = 1";
const PLAN: ModelPlan = {
  name: "page_views",
  target: { catalog: "w", schema: "s", table: "page_views" },
  strategy: {
    kind: "time_interval",
    timeColumn: "viewed_at",
    granularity: "day",
    createTable: false,
    batches: [{ keys: ["2024-01-03"], range: { start: "2024-01-03 00:00:00", end: "2024-01-04 00:00:00" } }],
  },
  select: SELECT,
  sqlFile: "models/page_views.sql",
  dependsOn: [],
  configured: "time_interval",
  reason: "",
  timestampColumn: null,
};
const statements = renderModelPlan(PLAN, dialectFor("duckdb")).flatMap((b) => b.statements);
const statementLine = (text: string) => (statements[0]?.sql.split("\n").findIndex((l) => l.includes(text)) ?? -1) + 1;
const warehouseError = (line: number) => new AdapterError("wh", "execute_statement", -32050, `Binder Error: column "bogus" not found\nLINE ${line}:   AND bogus = 1\n          ^`, { code: "EXECUTION_FAILED" });

describe("locateWarehouseError()", () => {
  it("moves a LINE of the MERGE that wraps a time_interval model (macros bound as placeholders) to the model file's line", () => {
    const sent = statementLine("AND bogus = 1");
    expect(sent).toBeGreaterThan(5);
    const located = locateWarehouseError(warehouseError(sent), PLAN, statements) as RockyError;
    expect(located).toBeInstanceOf(RockyError);
    expect([located.code, located.message, located.location, located.hint]).toEqual([
      "ADAPTER_REQUEST_FAILED",
      'models/page_views.sql:5: Adapter "wh" failed "execute_statement": EXECUTION_FAILED: Binder Error: column "bogus" not found\nLINE 5:   AND bogus = 1\n          ^',
      { file: "models/page_views.sql", line: 5 },
      'Fix line 5 of models/page_views.sql; "rocky plan" shows the statement as sent',
    ]);
  });

  it("leaves an error alone when its line is in the wrapper, or it names no line", () => {
    const inWrapper = warehouseError(1);
    expect(locateWarehouseError(inWrapper, PLAN, statements)).toBe(inWrapper);
    const noLine = new RockyError("ADAPTER_TIMEOUT", "Adapter \"wh\" did not answer");
    expect(locateWarehouseError(noLine, PLAN, statements)).toBe(noLine);
  });
});
