import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { spawnAdapter } from "../../../host/src/adapter/spawn-adapter.js";
import type { AdapterClient } from "../../../host/src/adapter/types.js";
import { createLogger } from "../../../host/src/log.js";
import { startFivetranServer, type FivetranServer } from "./server/fivetran-server.js";
import { FIRST_SYNC, MAIN_GROUP, OTHER_GROUP, playgroundAccount } from "./server/playground-account.js";

const MAIN = resolve(import.meta.dirname, "..", "dist", "main.js");
const KEY = "ftn-key-Q7W2";
const SECRET = "ftn-SECRET-zz91-kite-0042";

let server: FivetranServer | undefined;
let adapter: AdapterClient | undefined;
afterEach(async () => {
  await adapter?.close();
  await server?.close();
  adapter = server = undefined;
});

async function start(config: Record<string, unknown>, logLines: string[] = [], delayMs = 0): Promise<AdapterClient> {
  server ??= await startFivetranServer({ account: playgroundAccount(), apiKey: KEY, apiSecret: SECRET, delayMs });
  const destination = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
  adapter = await spawnAdapter({
    spec: { name: "fivetran", type: "fivetran", command: [process.execPath, MAIN], config: { base_url: server.url, api_key: KEY, api_secret: SECRET, ...config }, origin: "command" },
    logger: createLogger({ level: "debug", destination }),
  });
  return adapter;
}

describe("fivetran adapter discovery/list", () => {
  it("pages through a group's connections and lists only enabled tables of synced connections, named as Fivetran writes them", async () => {
    const client = await start({ destination_id: MAIN_GROUP, page_size: 2 });
    const result = await client.discover({});
    expect(result.schemas.map((s) => [s.catalog, s.schema, s.tables.map((t) => t.name).join(","), s.synced_at])).toEqual([
      ["warehouse", "src__acme__eu_central__stripe", "charges,refunds", FIRST_SYNC],
      ["warehouse", "src__acme__us_west__shopify", "customers,orders,orders_tmp", FIRST_SYNC],
      ["warehouse", "src__globex__us_east__hubspot", "contacts,deals,owners", FIRST_SYNC],
      ["warehouse", "src__initech__apac__jp__salesforce", "accounts", FIRST_SYNC],
      ["warehouse", "src__scratch", "notes", FIRST_SYNC],
    ]);
    // 6 connections in pages of 2; the never-synced zendesk connection's schema config is never asked for.
    expect(server?.calls.filter((c) => c.path === `/v1/groups/${MAIN_GROUP}/connectors`).map((c) => c.status)).toEqual([200, 200, 200]);
    expect(server?.count(/\/schemas$/)).toBe(5);
    expect(server?.count(/zendesk/)).toBe(0);
  });

  it("fetches schema configs concurrently, never more at once than concurrency", async () => {
    const client = await start({ destination_id: MAIN_GROUP, concurrency: 2 }, [], 150);
    expect((await client.discover({})).schemas).toHaveLength(5);
    const schemaCalls = server?.calls.filter((c) => c.path.endsWith("/schemas")) ?? [];
    expect(schemaCalls).toHaveLength(5);
    expect(Math.max(...schemaCalls.map((c) => c.inFlight))).toBe(2);
  });

  it("names a database connector's schemas <schema_prefix>_<schema>, skipping disabled schemas and tables, in the destination's catalog", async () => {
    const client = await start({ destination_id: OTHER_GROUP });
    const result = await client.discover({});
    expect(result.schemas.map((s) => [s.catalog, s.schema, s.tables.map((t) => t.name)])).toEqual([
      ["staging_lake", "src__globex__eu_west__postgres_billing", ["invoices"]],
      ["staging_lake", "src__globex__eu_west__postgres_public", ["users"]],
    ]);
  });

  it("narrows by schema_prefix and catalog, and a configured catalog replaces the destination's", async () => {
    const client = await start({ destination_id: MAIN_GROUP, catalog: "landing" });
    expect((await client.discover({ schema_prefix: "src__acme__" })).schemas.map((s) => `${s.catalog}.${s.schema}`)).toEqual([
      "landing.src__acme__eu_central__stripe",
      "landing.src__acme__us_west__shopify",
    ]);
    expect((await client.discover({ catalog: "warehouse" })).schemas).toEqual([]);
    expect(server?.count(/^\/v1\/destinations/)).toBe(0);
  });

  it("waits out 429 and 503 answers as their Retry-After says, then succeeds", async () => {
    const logs: string[] = [];
    const client = await start({ destination_id: MAIN_GROUP, page_size: 2 }, logs);
    server?.throttle({ path: /\/connectors$/, times: 1, retryAfter: 1 });
    server?.throttle({ path: /\/schemas$/, times: 2, status: 503, retryAfter: 1 });
    const started = performance.now();
    const result = await client.discover({});
    expect(performance.now() - started).toBeGreaterThanOrEqual(1900);
    expect(result.schemas).toHaveLength(5);
    expect(server?.calls.filter((c) => c.status !== 200).map((c) => c.status)).toEqual([429, 503, 503]);
    expect(logs.join("")).toMatch(/HTTP 429 TooManyRequests; retry 1 in 1000 ms/);
  });

  it("leaves out a connection whose schema config cannot be read, saying so in failed and a warning", async () => {
    const logs: string[] = [];
    const client = await start({ destination_id: MAIN_GROUP, max_attempts: 1 }, logs);
    server?.throttle({ path: /stripe_acme_euc\/schemas$/, times: 1, status: 503 });
    const result = await client.discover({});
    expect(result.schemas.map((s) => s.schema)).not.toContain("src__acme__eu_central__stripe");
    expect(result.schemas).toHaveLength(4);
    expect(result.failed).toEqual([
      {
        catalog: "warehouse",
        schema: "src__acme__eu_central__stripe",
        message: "GET /v1/connectors/stripe_acme_euc/schemas to Fivetran failed with HTTP 503 ServiceUnavailable: Service is temporarily unavailable (gave up after 1 attempts)",
        connector_id: "stripe_acme_euc",
      },
    ]);
    expect(logs.join("")).toContain('Cannot read the schema config of connection \\"stripe_acme_euc\\"');
  });

  it("fails with Unavailable naming the endpoint when the API keeps rate-limiting", async () => {
    const client = await start({ destination_id: MAIN_GROUP, max_attempts: 2 });
    server?.throttle({ path: /\/connectors$/, times: 5, retryAfter: 0 });
    await expect(client.discover({})).rejects.toMatchObject({
      wireCode: -32055,
      message: expect.stringMatching(/GET \/v1\/groups\/decent_dropsy\/connectors to Fivetran failed with HTTP 429 TooManyRequests: Too many requests, retry later \(gave up after 2 attempts\)/),
    });
  });

  it("reports an unknown group as the API's NotFound error", async () => {
    const client = await start({ destination_id: "no_such_group", catalog: "w" });
    await expect(client.discover({})).rejects.toThrow(/HTTP 404 NotFound_Group: Group with id 'no_such_group' doesn't exist/);
  });
});

/** Runs the adapter as a bare process: initialize, one discovery/list, stdin closed; everything it wrote. */
function runRaw(config: Record<string, unknown>): Promise<{ stdout: string; stderr: string; error: string | undefined }> {
  const lines = [
    { jsonrpc: "2.0", id: 1, method: "initialize", params: { config, protocol_versions: { min: 1, max: 1 } } },
    { jsonrpc: "2.0", id: 2, method: "discovery/list", params: {} },
  ];
  return new Promise((done) => {
    const child = execFile(process.execPath, [MAIN], { env: { ...process.env, ROCKY_ADAPTER_DEBUG: "1" } }, (_err, stdout, stderr) => {
      const answer = stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { id?: number; error?: { message: string } }).find((m) => m.id === 2);
      done({ stdout, stderr, error: answer?.error?.message });
    });
    child.stdin?.write(lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    setTimeout(() => child.stdin?.end(), 1500);
  });
}

function expectNoSecret(...texts: string[]): void {
  const basic = Buffer.from(`${KEY}:${SECRET}`).toString("base64").replace(/=+$/, "");
  for (const text of texts) {
    for (const form of [SECRET, encodeURIComponent(SECRET), Buffer.from(SECRET).toString("base64").replace(/=+$/, ""), basic]) expect(text).not.toContain(form);
  }
}

describe("fivetran adapter secrets", () => {
  it("keeps rejected credentials out of stdout, stderr and the error", async () => {
    server = await startFivetranServer({ account: playgroundAccount(), apiKey: KEY, apiSecret: "the-right-one" });
    const run = await runRaw({ destination_id: MAIN_GROUP, base_url: server.url, api_key: KEY, api_secret: SECRET, max_attempts: 1 });
    expect(run.error).toMatch(/failed with HTTP 401 AuthFailed: Missing or invalid API key and secret/);
    expectNoSecret(run.stdout, run.stderr);
  });

  it("redacts the secret (plain, URL-encoded or base64) wherever the API echoes it, even from the environment", async () => {
    server = await startFivetranServer({ account: playgroundAccount(), apiKey: KEY, apiSecret: SECRET });
    process.env.FIVETRAN_API_KEY = KEY;
    process.env.FIVETRAN_API_SECRET = SECRET;
    try {
      // A secret pasted into the wrong key reaches a URL path and the API's error message.
      const run = await runRaw({ destination_id: SECRET, catalog: "warehouse", base_url: server.url, max_attempts: 1 });
      expect(run.error).toBe("GET /v1/groups/[REDACTED]/connectors to Fivetran failed with HTTP 404 NotFound_Group: Group with id '[REDACTED]' doesn't exist");
      expectNoSecret(run.stdout, run.stderr);
    } finally {
      delete process.env.FIVETRAN_API_KEY;
      delete process.env.FIVETRAN_API_SECRET;
    }
  });

  it("refuses to start without credentials, naming both ways to give them", async () => {
    const run = await runRaw({ destination_id: MAIN_GROUP, base_url: "http://127.0.0.1:9" });
    expect(run.stdout).toMatch(/Fivetran credentials missing: set api_key and api_secret, or FIVETRAN_API_KEY and FIVETRAN_API_SECRET/);
  });
});
