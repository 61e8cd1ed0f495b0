import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DiscoverOutput, RunOutput } from "@rocky/protocol";
import { startFivetranServer, type FivetranServer } from "../../adapters/fivetran/test/server/fivetran-server.js";
import { syncConnection } from "../../adapters/fivetran/test/server/fixture.js";
import { MAIN_GROUP, playgroundAccount } from "../../adapters/fivetran/test/server/playground-account.js";
import { startRedisServer } from "../redis/redis-server.js";
import { duck, landData, parseJson, playgroundCopy, rocky } from "./helpers.js";

// Fivetran as the source (the loopback API server), DuckDB as the warehouse holding what "Fivetran" landed
// (examples/playground/generate.mjs), Valkey shared by the runs.
const KEY = "e2e-key";
const SECRET = "e2e-secret-Zq81-lantern";

function projectToml(api: string, valkeyUrl: string, prefix: string, discoveryTtl = 600): string {
  return `
[adapter.fivetran]
type = "fivetran"
destination_id = "${MAIN_GROUP}"
base_url = "${api}"
page_size = 2

[adapter.local]
type = "duckdb"
path = "data/warehouse.duckdb"
catalogs_dir = "data/catalogs"

[pipeline.bronze]
type = "replication"
timestamp_column = "_fivetran_synced"

[pipeline.bronze.source]
adapter = "fivetran"
catalog = "warehouse"
schema_pattern = { prefix = "src__", separator = "__", components = ["tenant", "regions...", "connector"] }

[pipeline.bronze.target]
adapter = "local"
catalog_template = "{tenant}_warehouse"
schema_template = "staging__{regions}__{connector}"

[pipeline.bronze.tables]
exclude = ["*_tmp"]

[cache]
valkey_url = "${valkeyUrl}"
key_prefix = "${prefix}"

[cache.discovery]
ttl_seconds = ${discoveryTtl}

[state]
path = ".rocky/state"
`;
}

let dir: string;
let api: FivetranServer;
let prefix: string;
beforeAll(async () => {
  dir = playgroundCopy();
  api = await startFivetranServer({ account: playgroundAccount(), apiKey: KEY, apiSecret: SECRET });
  prefix = `e2e-${randomUUID()}:`;
  writeFileSync(join(dir, "rocky.toml"), projectToml(api.url, inject("redisUrl"), prefix));
  process.env.FIVETRAN_API_KEY = KEY;
  process.env.FIVETRAN_API_SECRET = SECRET;
}, 60_000);
afterAll(async () => {
  await api.close();
});

const copied = (run: RunOutput) => run.pipelines.flatMap((p) => p.tables.map((t) => `${t.target} ${t.status} ${t.rows_copied ?? "-"}`)).sort();
const unchanged = (run: RunOutput) => run.pipelines.flatMap((p) => p.skipped.filter((s) => s.reason.startsWith("unchanged")).map((s) => `${s.schema}.${s.table ?? ""}`)).sort();

describe("Fivetran source, DuckDB warehouse", () => {
  it("rocky test-adapter passes every check the Fivetran adapter declares", async () => {
    const result = await rocky(dir, "test-adapter", "--adapter", "fivetran", "--output", "json");
    expect(result.stderr).not.toContain(SECRET);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout) as { status: string; tests_failed: number; tests_passed: number; results: { name: string; status: string }[] };
    expect(report.status).toBe("passed");
    expect(report.tests_failed).toBe(0);
    // The warehouse checks are skipped: a source adapter declares no warehouse capability.
    expect(report.results.filter((r) => r.status === "passed").map((r) => r.name).sort()).toEqual([
      "batch_requests", "concurrent_requests", "connect", "discover", "error_codes", "exit_on_eof", "invalid_request", "large_message", "malformed_json", "manifest_valid",
      "no_orphans", "responses_valid", "shutdown", "startup", "stdout_clean", "undeclared_capability", "unknown_method", "utf8_roundtrip", "version_negotiation",
    ]);
  });

  it("rocky discover maps the connections' schemas through the pattern, without disabled tables or never-synced connections", async () => {
    const before = api.count(/\/connectors$/);
    const result = await rocky(dir, "discover", "--output", "json");
    expect(result.exitCode).toBe(0);
    const out = parseJson<DiscoverOutput>(result);
    expect(out.pipelines[0]?.schemas.map((s) => `${s.schema} -> ${s.target_catalog}.${s.target_schema}: ${s.tables.map((t) => t.name).join(",")} @ ${s.synced_at}`)).toEqual([
      "src__acme__eu_central__stripe -> acme_warehouse.staging__eu_central__stripe: charges,refunds @ 2024-01-02T03:00:00.000000Z",
      "src__acme__us_west__shopify -> acme_warehouse.staging__us_west__shopify: customers,orders @ 2024-01-02T03:00:00.000000Z",
      "src__globex__us_east__hubspot -> globex_warehouse.staging__us_east__hubspot: contacts,deals,owners @ 2024-01-02T03:00:00.000000Z",
      "src__initech__apac__jp__salesforce -> initech_warehouse.staging__apac__jp__salesforce: accounts @ 2024-01-02T03:00:00.000000Z",
    ]);
    expect(out.pipelines[0]?.skipped.map((s) => `${s.schema}.${s.table ?? "*"}`)).toEqual(["src__acme__us_west__shopify.orders_tmp", "src__scratch.*"]);
    expect(out.cache).toMatchObject({ enabled: true, valkey: "connected", misses: 1 });
    // 6 connections in pages of 2.
    expect(api.count(/\/connectors$/) - before).toBe(3);

    const again = await rocky(dir, "discover", "--no-cache", "--output", "json");
    expect(parseJson<DiscoverOutput>(again).cache).toEqual({ enabled: false, valkey: "off", hits: { memory: 0, valkey: 0 }, misses: 0, waits: 0, by_kind: { discovery: { hits: 0, misses: 0 }, schemas: { hits: 0, misses: 0 } } });
    expect(api.count(/\/connectors$/) - before).toBe(6);
  });

  it("rocky run copies every synced table; an immediate second run skips them all as unchanged, discovery answered from Valkey", async () => {
    const first = await rocky(dir, "run", "--output", "json");
    expect(first.exitCode, first.stderr).toBe(0);
    // Discovery answered from Valkey (rocky discover asked the same question); each source table described once.
    expect(parseJson<RunOutput>(first).cache?.by_kind).toEqual({ discovery: { hits: 1, misses: 0 }, schemas: { hits: 0, misses: 8 } });
    expect(copied(parseJson<RunOutput>(first))).toEqual([
      "acme_warehouse.staging__eu_central__stripe.charges succeeded 250",
      "acme_warehouse.staging__eu_central__stripe.refunds succeeded 30",
      "acme_warehouse.staging__us_west__shopify.customers succeeded 120",
      "acme_warehouse.staging__us_west__shopify.orders succeeded 300",
      "globex_warehouse.staging__us_east__hubspot.contacts succeeded 200",
      "globex_warehouse.staging__us_east__hubspot.deals succeeded 80",
      "globex_warehouse.staging__us_east__hubspot.owners succeeded 12",
      "initech_warehouse.staging__apac__jp__salesforce.accounts succeeded 60",
    ]);
    const listings = api.count(/\/connectors$/);
    const second = await rocky(dir, "run");
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/src__acme__us_west__shopify\.orders +- +- +- +skipped +unchanged: source last synced at 2024-01-02T03:00:00\.000000Z, already copied by run /);
    expect(second.stdout).toMatch(/^bronze: succeeded, 0 ok, 0 failed, 10 skipped, 0 rows copied in /m);
    expect(second.stdout).toMatch(/^cache: 1 hits \(0 memory, 1 valkey\), 0 misses; valkey connected$/m);
    expect(api.count(/\/connectors$/)).toBe(listings);
  });

  it("after one connector syncs, rocky run copies only that connector's tables", async () => {
    landData(dir, "--append");
    syncConnection(api.account, "shopify_acme_usw", "2024-01-02T09:30:00.000000Z");
    // Discovery answers older than a second are stale now; the cached describes of the source tables (a day) are not.
    writeFileSync(join(dir, "rocky.toml"), projectToml(api.url, inject("redisUrl"), prefix, 1));
    await new Promise((r) => setTimeout(r, 1100));
    const result = await rocky(dir, "run", "--output", "json");
    expect(result.exitCode, result.stderr).toBe(0);
    const run = parseJson<RunOutput>(result);
    // Discovery asked afresh; shopify's tables described afresh for the new sync.
    expect(run.cache?.by_kind).toEqual({ discovery: { hits: 0, misses: 1 }, schemas: { hits: 0, misses: 2 } });
    expect(copied(run)).toEqual([
      "acme_warehouse.staging__us_west__shopify.customers succeeded 25",
      "acme_warehouse.staging__us_west__shopify.orders succeeded 25",
    ]);
    expect(unchanged(run)).toEqual([
      "src__acme__eu_central__stripe.charges",
      "src__acme__eu_central__stripe.refunds",
      "src__globex__us_east__hubspot.contacts",
      "src__globex__us_east__hubspot.deals",
      "src__globex__us_east__hubspot.owners",
      "src__initech__apac__jp__salesforce.accounts",
    ]);
    // The resync's new column reached the target: describe_table was asked afresh for the new sync.
    const orders = await duck(join(dir, "data", "catalogs", "acme_warehouse.duckdb"), "SELECT count(*), count(discount_code) FROM staging__us_west__shopify.orders");
    expect(orders).toEqual([[325n, 25n]]);
    const charges = await duck(join(dir, "data", "catalogs", "acme_warehouse.duckdb"), "SELECT count(*) FROM staging__eu_central__stripe.charges");
    expect(charges).toEqual([[250n]]);
  });

  it("rocky run whose Valkey is killed mid-run warns once and finishes on the in-process cache", async () => {
    const redis = await startRedisServer();
    let killed: Promise<void> | undefined;
    // Valkey dies while the run waits on Fivetran for its discovery (holding the lock); every answer takes 300 ms.
    const slowApi = await startFivetranServer({
      account: playgroundAccount(), apiKey: KEY, apiSecret: SECRET, delayMs: 300,
      onRequest: (path) => void (path.endsWith("/schemas") && (killed ??= redis.kill())),
    });
    try {
      const fresh = playgroundCopy();
      writeFileSync(join(fresh, "rocky.toml"), projectToml(slowApi.url, redis.url, "killed:"));
      const result = await rocky(fresh, "run", "--output", "json");
      expect(result.exitCode, result.stderr).toBe(0);
      expect(killed).toBeDefined();
      expect(result.stderr.split("\n").filter((l) => l.includes("unavailable: continuing with the in-process cache only"))).toHaveLength(1);
      const run = parseJson<RunOutput>(result);
      expect(run.cache).toMatchObject({ valkey: "unavailable", misses: 9 });
      expect(copied(run)).toHaveLength(8);
    } finally {
      await killed;
      await slowApi.close();
    }
  });

  it("rocky discover reports a connection whose schema config cannot be read as skipped, and does not cache that listing", async () => {
    writeFileSync(join(dir, "rocky.toml"), projectToml(api.url, inject("redisUrl"), `partial-${randomUUID()}:`).replace("page_size = 2", "page_size = 2\nmax_attempts = 1"));
    api.throttle({ path: /hubspot_globex_use\/schemas$/, times: 1, status: 503 });
    const partial = parseJson<DiscoverOutput>(await rocky(dir, "discover", "--output", "json"));
    expect(partial.pipelines[0]?.schemas.map((s) => s.schema)).not.toContain("src__globex__us_east__hubspot");
    expect(partial.pipelines[0]?.skipped).toContainEqual({
      catalog: "warehouse",
      schema: "src__globex__us_east__hubspot",
      reason: "the source adapter could not read it: GET /v1/connectors/hubspot_globex_use/schemas to Fivetran failed with HTTP 503 ServiceUnavailable: Service is temporarily unavailable (gave up after 1 attempts)",
    });
    const next = parseJson<DiscoverOutput>(await rocky(dir, "discover", "--output", "json"));
    expect(next.cache).toMatchObject({ hits: { memory: 0, valkey: 0 }, misses: 1 });
    expect(next.pipelines[0]?.schemas.map((s) => s.schema)).toContain("src__globex__us_east__hubspot");
  });

  it("rocky discover with Valkey down warns once and runs on the in-process cache", async () => {
    const server = await startRedisServer();
    await server.kill();
    writeFileSync(join(dir, "rocky.toml"), projectToml(api.url, server.url, "down:"));
    const result = await rocky(dir, "discover", "--output", "json");
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(`Valkey cache at ${server.url} unavailable: continuing with the in-process cache only`);
    expect(parseJson<DiscoverOutput>(result).cache).toMatchObject({ valkey: "unavailable", misses: 1 });
  });
});
