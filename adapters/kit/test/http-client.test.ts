import { afterEach, describe, expect, it } from "vitest";
import { createHttpClient, createRedactor, HttpError, RetryBudget, type AuthProvider, type RetryEvent } from "../src/index.js";
import { json, scriptedServer } from "./loopback-server.js";

const FAST = { baseDelayMs: 5, maxDelayMs: 2000, maxAttempts: 4 };
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(...script: Parameters<typeof scriptedServer>[0]) {
  const server = await scriptedServer(script);
  close = server.close;
  return server;
}

describe("createHttpClient()", () => {
  it("retries 503 and 502 and answers the first success", async () => {
    const server = await serve(json(503, { error_code: "TEMPORARILY_UNAVAILABLE" }), json(502, {}), json(200, { ok: 1 }));
    const events: RetryEvent[] = [];
    const client = createHttpClient({ baseUrl: server.url, retry: FAST, onRetry: (e) => events.push(e) });
    const response = await client.request<{ ok: number }>({ method: "POST", path: "/x", json: { a: 1 }, query: { q: "v w" } });
    expect(response.body).toEqual({ ok: 1 });
    expect(server.requests.map((r) => r.url)).toEqual(["/x?q=v+w", "/x?q=v+w", "/x?q=v+w"]);
    expect(server.requests[0]?.body).toBe('{"a":1}');
    expect(events.map((e) => [e.status, e.retry, e.rateLimited])).toEqual([[503, 1, false], [502, 2, false]]);
  });

  it("waits what Retry-After asks on 429 and reports a rate limit", async () => {
    const server = await serve(json(429, { error_code: "REQUEST_LIMIT_EXCEEDED" }, { "retry-after": "1" }), json(200, {}));
    const events: RetryEvent[] = [];
    const client = createHttpClient({ baseUrl: server.url, retry: FAST, onRetry: (e) => events.push(e) });
    const started = Date.now();
    await client.request({ method: "GET", path: "/r" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(events).toEqual([
      { method: "GET", path: "/r", status: 429, providerCode: "REQUEST_LIMIT_EXCEEDED", retry: 1, delayMs: 1000, rateLimited: true, reason: "HTTP 429 REQUEST_LIMIT_EXCEEDED" },
    ]);
  });

  it("treats a 503 with Retry-After as a rate limit and honours an HTTP-date Retry-After", async () => {
    const date = new Date(Date.now() + 60_000).toUTCString();
    const server = await serve(json(503, {}, { "retry-after": date }), json(200, {}));
    const events: RetryEvent[] = [];
    const client = createHttpClient({ baseUrl: server.url, retry: { ...FAST, maxDelayMs: 20 }, onRetry: (e) => events.push(e) });
    await client.request({ method: "GET", path: "/d" });
    // The date is a minute away: capped at maxDelayMs.
    expect(events.map((e) => [e.status, e.delayMs, e.rateLimited])).toEqual([[503, 20, true]]);
  });

  it("fails at once on a 400 with the provider's code and message", async () => {
    const server = await serve(json(400, { error_code: "INVALID_PARAMETER_VALUE", message: "warehouse_id is not valid" }));
    const client = createHttpClient({ baseUrl: server.url, retry: FAST, service: "databricks" });
    const error = (await client.request({ method: "POST", path: "/api/2.0/sql/statements" }).catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toBe("POST /api/2.0/sql/statements to databricks failed with HTTP 400 INVALID_PARAMETER_VALUE: warehouse_id is not valid");
    expect([error.status, error.providerCode, error.providerMessage, error.attempts, error.retryable]).toEqual([
      400, "INVALID_PARAMETER_VALUE", "warehouse_id is not valid", 1, false,
    ]);
    expect(server.requests).toHaveLength(1);
  });

  it("retries what the caller's predicate calls transient", async () => {
    const server = await serve(json(400, { error_code: "UC_REQUEST_LIMIT_EXCEEDED" }), json(200, { done: true }));
    const events: RetryEvent[] = [];
    const client = createHttpClient({
      baseUrl: server.url,
      retry: FAST,
      isTransient: (_s, body) => ((body as { error_code?: string }).error_code === "UC_REQUEST_LIMIT_EXCEEDED" ? "rate_limited" : false),
      onRetry: (e) => events.push(e),
    });
    expect((await client.request({ method: "GET", path: "/p" })).body).toEqual({ done: true });
    expect(events.map((e) => e.rateLimited)).toEqual([true]);
  });

  it("gives up after maxAttempts with a retryable error", async () => {
    const server = await serve(json(504, { message: "gateway timeout" }));
    const client = createHttpClient({ baseUrl: server.url, retry: { ...FAST, maxAttempts: 3 } });
    const error = (await client.request({ method: "GET", path: "/g" }).catch((e: unknown) => e)) as HttpError;
    expect(error.message).toMatch(/^GET \/g to 127\.0\.0\.1:\d+ failed with HTTP 504: gateway timeout \(gave up after 3 attempts\)$/);
    expect([error.attempts, error.retryable]).toEqual([3, true]);
    expect(server.requests).toHaveLength(3);
  });

  it("stops retrying once the shared retry budget is spent", async () => {
    const server = await serve(json(503, {}));
    const budget = new RetryBudget(2);
    const client = createHttpClient({ baseUrl: server.url, retry: { ...FAST, maxAttempts: 10 }, budget });
    const first = (await client.request({ method: "GET", path: "/a" }).catch((e: unknown) => e)) as HttpError;
    expect(first.message).toContain("(retry budget of 2 retries spent)");
    expect(server.requests).toHaveLength(3);
    const second = (await client.request({ method: "GET", path: "/b" }).catch((e: unknown) => e)) as HttpError;
    expect(second.attempts).toBe(1);
    expect(server.requests).toHaveLength(4);
    expect(budget.remaining).toBe(0);
  });

  it("refreshes the credential once on 401 and names the auth method when it is rejected again", async () => {
    const secret = "dapiSECRET-0123456789abcdef";
    const server = await serve(json(401, { error_code: "UNAUTHENTICATED", message: `Invalid token ${secret}` }), json(200, { n: 1 }), json(403, { message: "no" }));
    let issued = 0;
    const auth: AuthProvider = {
      method: "personal access token",
      headers: async () => ({ authorization: `Bearer ${secret}-${issued}` }),
      invalidate: () => void issued++,
    };
    const client = createHttpClient({ baseUrl: server.url, retry: FAST, auth, redactor: createRedactor([secret]) });
    expect((await client.request({ method: "GET", path: "/me" })).body).toEqual({ n: 1 });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${secret}-0`, `Bearer ${secret}-1`]);
    const error = (await client.request({ method: "GET", path: "/me" }).catch((e: unknown) => e)) as HttpError;
    expect(error.message).toMatch(/failed with HTTP 403: no \(credentials rejected twice; auth: personal access token\)$/);
    expect(issued).toBe(2);
  });

  it("never puts a secret in an error, also when the provider echoes it", async () => {
    const secret = "s3cr3t-client-secret";
    const server = await serve(json(400, { error: "invalid_client", error_description: `client secret ${secret} (${encodeURIComponent(secret)}) is wrong` }));
    const client = createHttpClient({ baseUrl: server.url, retry: FAST, redactor: createRedactor([secret]) });
    const error = (await client.request({ method: "POST", path: "/oidc/v1/token", form: { client_secret: secret }, noAuth: true }).catch((e: unknown) => e)) as HttpError;
    expect(server.requests[0]?.body).toBe(`client_secret=${secret}`);
    expect(error.message).toMatch(/HTTP 400 invalid_client: client secret \[REDACTED\] \(\[REDACTED\]\) is wrong$/);
    expect(error.providerMessage).not.toContain(secret);
  });

  it("retries network errors and reports them without a status", async () => {
    const server = await serve(json(200, {}));
    await server.close();
    close = undefined;
    const client = createHttpClient({ baseUrl: server.url, retry: { ...FAST, maxAttempts: 2 } });
    const error = (await client.request({ method: "GET", path: "/gone" }).catch((e: unknown) => e)) as HttpError;
    expect([error.status, error.attempts, error.retryable]).toEqual([undefined, 2, true]);
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it("stops waiting as soon as the signal aborts", async () => {
    const server = await serve(json(429, {}, { "retry-after": "30" }));
    const client = createHttpClient({ baseUrl: server.url, retry: { ...FAST, maxDelayMs: 60_000 } });
    const controller = new AbortController();
    const pending = client.request({ method: "GET", path: "/slow", signal: controller.signal });
    setTimeout(() => controller.abort(new Error("cancelled by the host")), 50);
    await expect(pending).rejects.toThrow("cancelled by the host");
    expect(server.requests).toHaveLength(1);
  });
});
