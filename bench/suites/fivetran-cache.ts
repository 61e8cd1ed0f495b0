import { resolve } from "node:path";
import { startFivetranServer } from "../../adapters/fivetran/test/server/fivetran-server.js";
import { singleSchema, type Connection, type FivetranAccount } from "../../adapters/fivetran/test/server/fixture.js";
import { startRedisServer } from "../../test/redis/redis-server.js";
import { createSuiteResult, figure, type SuiteResult } from "../lib/figure.js";
import { HOST_DIST, spawnHostAdapter } from "../lib/host-adapter.js";
import { ROOT } from "../lib/peers.js";
import { median, nowMs } from "../lib/stats.js";

const { createTieredCache } = (await import(`${HOST_DIST}/cache/tiered-cache.js`)) as typeof import("../../host/dist/cache/tiered-cache.js");
const { cacheSettings } = (await import(`${HOST_DIST}/cache/cache-settings.js`)) as typeof import("../../host/dist/cache/cache-settings.js");
const { silentLogger } = (await import(`${HOST_DIST}/log.js`)) as typeof import("../../host/dist/log.js");

const CONNECTIONS = 500;
const TABLES = 10;
const LATENCY_MS = 20;
const ROUNDS = 5;
const GROUP = "bench_group";

function account(): FivetranAccount {
  const connections: Connection[] = Array.from({ length: CONNECTIONS }, (_, i) => {
    const schema = `src__tenant${i % 20}__region${i % 3}__conn${i}`;
    return {
      id: `conn_${i}`, group_id: GROUP, service: "postgres", schema, paused: false, succeeded_at: "2024-01-02T03:00:00.000000Z", failed_at: null,
      created_at: "2023-12-01T00:00:00.000000Z", config: {}, schemas: singleSchema(schema, Array.from({ length: TABLES }, (_, t) => `table_${t}`)),
    };
  });
  return {
    groups: [{ id: GROUP, name: "Bench", created_at: "2023-11-01T00:00:00.000000Z" }],
    destinations: [{ id: GROUP, group_id: GROUP, service: "snowflake", region: "GCP_US_EAST4", time_zone_offset: "0", setup_status: "connected", config: { database: "landing" } }],
    connections,
  };
}

/** discovery/list of 500 connections through the Fivetran adapter (every answer 20 ms late), then the same question from the cache tiers. */
export async function fivetranCacheSuite(): Promise<SuiteResult> {
  const result = createSuiteResult("fivetran", `Fivetran discovery of ${CONNECTIONS} connections × ${TABLES} tables: the API, and the cache tiers in front of it`);
  const api = await startFivetranServer({ account: account(), apiKey: "k", apiSecret: "s", delayMs: LATENCY_MS });
  const redis = await startRedisServer();
  const main = [process.execPath, resolve(ROOT, "adapters", "fivetran", "dist", "main.js")];
  try {
    const discover = async (concurrency: number) => {
      const client = await spawnHostAdapter("fivetran", main, { destination_id: GROUP, base_url: api.url, api_key: "k", api_secret: "s", concurrency });
      try {
        const t0 = nowMs();
        const listed = await client.discover({});
        return { ms: nowMs() - t0, schemas: listed.schemas.length, load: () => client.discover({}) };
      } finally {
        await client.close();
      }
    };
    const samples: Record<string, number[]> = { "concurrency 1": [], "concurrency 10": [], "Valkey hit (new runner)": [], "memory hit": [] };
    const calls = api.calls.length;
    const cold = await discover(10);
    const requests = api.calls.length - calls;
    for (let i = 0; i < ROUNDS; i++) {
      samples["concurrency 1"]?.push((await discover(1)).ms);
      samples["concurrency 10"]?.push((await discover(10)).ms);
    }
    const settings = cacheSettings({ valkey_url: redis.url, key_prefix: "bench:" });
    const question = { adapter: { type: "fivetran" }, method: "discovery/list", params: {} };
    const first = await createTieredCache(settings, silentLogger());
    const answer = await discover(10);
    await first.get("discovery", question, async () => answer);
    for (let i = 0; i < 20; i++) {
      const runner = await createTieredCache(settings, silentLogger());
      let t0 = nowMs();
      await runner.get("discovery", question, () => Promise.reject(new Error("not cached")));
      samples["Valkey hit (new runner)"]?.push(nowMs() - t0);
      t0 = nowMs();
      await runner.get("discovery", question, () => Promise.reject(new Error("not cached")));
      samples["memory hit"]?.push(nowMs() - t0);
      runner.close();
    }
    first.close();
    const med = (k: string) => median(samples[k] ?? []);
    const api10 = { name: `adapter → API, concurrency 10 (median of ${ROUNDS})`, value: med("concurrency 10") };
    result.figures.push(
      figure(api10.name, api10.value, "ms", { baseline: { name: `concurrency 1 (median of ${ROUNDS})`, value: med("concurrency 1") } }),
      figure("Valkey hit, new runner (median of 20)", med("Valkey hit (new runner)"), "ms", { baseline: api10 }),
      figure("memory hit (median of 20)", med("memory hit"), "ms", { baseline: api10 }),
    );
    result.notes.push(
      `One discovery: ${requests} API requests (destination, ${Math.ceil(CONNECTIONS / 100)} pages of 100 connections, one schema config per connection), ${cold.schemas} schemas; the loopback server answers each ${LATENCY_MS} ms late to stand in for the network.`,
      "Adapter rows time discovery/list from the host (spawn and handshake not timed). Cache rows time TieredCache.get of the same answer: a new runner (empty memory tier) reads it from Valkey (JSON parse included); then from its memory tier.",
    );
    result.details.samplesMs = samples;
  } finally {
    await redis.kill();
    await api.close();
  }
  return result;
}
