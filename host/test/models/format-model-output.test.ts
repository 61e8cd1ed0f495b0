import { describe, expect, it } from "vitest";
import { formatModelResults, formatPlannedModels } from "../../src/models/format-model-output.js";

describe("formatModelResults()", () => {
  it("lists what ran, what failed and why, and what was skipped because of whom", () => {
    const base = { configured_strategy: "incremental", duration_ms: 12, partitions: [], watermark_after: null };
    const lines = formatModelResults([
      { ...base, name: "orders", target: "wh.silver.orders", strategy: "incremental", reason: "rows with ts after 2024-01-01 00:00:00", status: "succeeded", rows_affected: 3 },
      { ...base, name: "daily", target: "wh.silver.daily", strategy: "time_interval", reason: "4 day partitions", status: "succeeded", rows_affected: null, partitions: ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"] },
      { ...base, name: "totals", target: "wh.gold.totals", strategy: "full_refresh", reason: "r", status: "failed", rows_affected: null, error: { code: "ADAPTER_REQUEST_FAILED", message: "column nope not found", hint: "Fix the SQL" } },
      { ...base, name: "report", target: "wh.gold.report", strategy: "full_refresh", reason: "r", status: "skipped", rows_affected: null, skipped_because: 'upstream model "totals" failed', failed_upstream: "totals" },
    ]);
    expect(lines).toEqual([
      "models: 2 succeeded, 1 failed, 1 skipped",
      "  ok       orders  wh.silver.orders incremental (rows with ts after 2024-01-01 00:00:00), 3 rows, 12 ms",
      "  ok       daily   wh.silver.daily time_interval (4 day partitions), partitions 2024-01-01 … 2024-01-04 (4), 12 ms",
      "  FAILED   totals  wh.gold.totals: column nope not found (ADAPTER_REQUEST_FAILED)",
      "                   hint: Fix the SQL",
      '  skipped  report  upstream model "totals" failed',
    ]);
  });
});

describe("formatPlannedModels()", () => {
  it("prints each model's statements with their bound parameters", () => {
    const lines = formatPlannedModels([
      {
        name: "orders", target: "wh.silver.orders", strategy: "incremental", configured_strategy: "incremental", reason: "rows after x", depends_on: ["raw"], partitions: [],
        statements: [{ sql: 'INSERT INTO "wh"."silver"."orders"\nSELECT 1', params: ["2024-01-01 00:00:00"] }],
      },
    ]);
    expect(lines).toEqual([
      "-- model orders → wh.silver.orders: incremental (rows after x) after raw",
      '-- params: ["2024-01-01 00:00:00"]',
      'INSERT INTO "wh"."silver"."orders"\nSELECT 1;',
      "",
    ]);
  });
});
