import { describe, expect, it } from "vitest";
import { databricks } from "./fixture.js";

const windows = (logs: Array<{ fields?: Record<string, unknown>; message: string }>) =>
  logs.filter((l) => l.message.startsWith("Concurrency window")).map((l) => l.fields?.aimd_window);

describe("Databricks adapter: throttling and retries", () => {
  it("halves the AIMD window on each rate limit down to 1 and grows it by one every 10 successes", async () => {
    const { adapter, server } = await databricks({ config: { max_concurrency: 8 } });
    // Three statements rate limited in turn: a 429 with Retry-After, a 503 with Retry-After, Unity Catalog's limit.
    server.state.faults.add({ route: "execute-statement", status: 429, errorCode: "REQUEST_LIMIT_EXCEEDED", retryAfter: "0" });
    await adapter.result("execute_query", { sql: "SELECT 1" });
    server.state.faults.add({ route: "execute-statement", status: 503, errorCode: "TEMPORARILY_UNAVAILABLE", retryAfter: "0" });
    await adapter.result("execute_query", { sql: "SELECT 2" });
    server.state.faults.add({ route: "execute-statement", status: 400, errorCode: "UC_REQUEST_LIMIT_EXCEEDED" });
    await adapter.result("execute_query", { sql: "SELECT 3" });
    // A 503 without Retry-After is transient, not a rate limit: retried, the window kept.
    server.state.faults.add({ route: "execute-statement", status: 503, errorCode: "TEMPORARILY_UNAVAILABLE" });
    for (let i = 0; i < 19; i++) await adapter.result("execute_query", { sql: "SELECT ?", params: [i] });
    expect(windows(adapter.logs())).toEqual([4, 2, 1, 2, 3]);
    const retries = adapter.logs().filter((l) => l.message.startsWith("Retrying POST /api/2.0/sql/statements"));
    expect(retries.map((l) => [l.message.replace(/ in \d+ ms/, ""), l.fields?.rate_limited])).toEqual([
      ["Retrying POST /api/2.0/sql/statements (HTTP 429 REQUEST_LIMIT_EXCEEDED; retry 1)", true],
      ["Retrying POST /api/2.0/sql/statements (HTTP 503 TEMPORARILY_UNAVAILABLE; retry 1)", true],
      ["Retrying POST /api/2.0/sql/statements (HTTP 400 UC_REQUEST_LIMIT_EXCEEDED; retry 1)", true],
      ["Retrying POST /api/2.0/sql/statements (HTTP 503 TEMPORARILY_UNAVAILABLE; retry 1)", false],
    ]);
    // The same, as $/metrics for the host's run metrics: one retry counted per retry, the window as a gauge.
    const reported = adapter.received.filter((m) => m.method === "$/metrics").map((m) => m.params as { counters?: Record<string, number>; gauges?: Record<string, number> });
    expect(reported.reduce((n, m) => n + (m.counters?.retries ?? 0), 0)).toBe(4);
    expect(reported.reduce((n, m) => n + (m.counters?.rate_limited ?? 0), 0)).toBe(3);
    expect(reported.flatMap((m) => (m.gauges?.concurrency_window === undefined ? [] : [m.gauges.concurrency_window]))).toEqual([4, 2, 1, 2, 3]);
    await adapter.result("shutdown");
    const stats = adapter.logs().find((l) => l.message === "Statement statistics")?.fields;
    expect(stats).toMatchObject({ window: 3, rateLimits: 3, decreases: 3, increases: 2, inFlight: 0, retries_used: 4 });
  });

  it("bounds concurrent statements by the window", async () => {
    const { adapter, server } = await databricks({ config: { max_concurrency: 2 } });
    await Promise.all(Array.from({ length: 8 }, (_, i) => adapter.result("execute_query", { sql: "SELECT count(*) FROM range(8000000) t(i) WHERE i % 7 = ?", params: [i] })));
    expect([server.state.statements.peakRunning, server.state.statements.all.size]).toEqual([2, 8]);
  });

  it("fails with -32055 once the run's retry budget is spent", async () => {
    const { adapter, server } = await databricks({ config: { retry: { base_delay_ms: 5, budget: 1 } } });
    server.state.faults.add({ route: "execute-statement", status: 503, errorCode: "TEMPORARILY_UNAVAILABLE", message: "Warehouse is starting", times: 3 });
    const error = (await adapter.request("execute_query", { sql: "SELECT 1" })).error;
    expect(error).toMatchObject({ code: -32055, data: { code: "UNAVAILABLE", retryable: true, http_status: 503, provider_code: "TEMPORARILY_UNAVAILABLE" } });
    expect(error?.message).toBe("POST /api/2.0/sql/statements to Databricks failed with HTTP 503 TEMPORARILY_UNAVAILABLE: Warehouse is starting (retry budget of 1 retries spent)");
  });
});
