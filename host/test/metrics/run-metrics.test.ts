import { describe, expect, it } from "vitest";
import { Methods } from "@rocky/protocol";
import { measureClient } from "../../src/metrics/measure-client.js";
import { createCallRecorder, histogram, percentile, runMetrics } from "../../src/metrics/run-metrics.js";
import { spawnFixture } from "../adapter/helpers.js";

describe("histogram()", () => {
  it("takes nearest-rank percentiles of known data", () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(histogram(values)).toEqual({ count: 20, p50: 10, p95: 19, max: 20 });
    expect(histogram([7])).toEqual({ count: 1, p50: 7, p95: 7, max: 7 });
    expect(histogram([1, 2, 3, 4, 100])).toEqual({ count: 5, p50: 3, p95: 100, max: 100 });
    expect(histogram([])).toEqual({ count: 0, p50: null, p95: null, max: null });
    expect(percentile([1, 2, 3, 4], 25)).toBe(1);
  });
});

describe("measureClient()", () => {
  it("times each call the host waits for and counts every statement sent, batches by statement", async () => {
    const raw = await spawnFixture("records-statements.mjs");
    const recorder = createCallRecorder();
    const client = measureClient(raw, recorder);
    try {
      await client.executeStatement("CREATE TABLE a (x INTEGER)");
      await client.request(Methods.executeStatement, { sql: "INSERT INTO a VALUES (1)" });
      await client.executeBatch([{ sql: "DELETE FROM a" }, { sql: "INSERT INTO a VALUES (2)" }, { sql: "INSERT INTO a VALUES (3)" }], { transaction: false });
      await expect(client.executeStatement("FAIL")).rejects.toThrow('cannot run "FAIL"');
      await client.query("recorded");
      const stats = recorder.stats();
      expect(stats.statements).toBe(1 + 1 + 3 + 1);
      expect(stats.callMs).toHaveLength(5);
      expect(stats.failed).toBe(1);
      expect(stats.callMs.every((ms) => ms >= 0)).toBe(true);
    } finally {
      await client.close();
    }
  });
});

describe("$/metrics", () => {
  it("sums each adapter's counters, tracks its gauges, totals retries, and ignores a notification that breaks the schema", async () => {
    const raw = await spawnFixture("reports-metrics.mjs");
    const recorder = createCallRecorder();
    const client = measureClient(raw, recorder);
    try {
      for (let i = 0; i < 3; i++) await client.executeStatement(`UPDATE t SET x = ${i}`);
      await client.query("SELECT 1");
      const metrics = runMetrics({ pipelines: [] }, recorder.stats());
      expect(metrics.adapters).toEqual({
        "reports-metrics": { counters: { retries: 3, rate_limited: 1 }, gauges: { concurrency_window: { last: 2, min: 2, max: 4 } } },
      });
      expect(metrics.counters.retries).toBe(3);
    } finally {
      await client.close();
    }
  });
});
