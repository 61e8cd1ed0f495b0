import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { Redis } from "ioredis";
import { afterEach, describe, expect, inject, it } from "vitest";
import { cacheKey } from "../../src/cache/cache-key.js";
import { cacheSettings, type CacheFlags } from "../../src/cache/cache-settings.js";
import { createTieredCache, type TieredCache } from "../../src/cache/tiered-cache.js";
import { createLogger } from "../../src/log.js";
import { startRedisServer, type RedisServer } from "../../../test/redis/redis-server.js";
import type { CacheConfig } from "@rocky/protocol";

const open: TieredCache[] = [];
const servers: RedisServer[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.kill();
});

/** A cache as one runner process would build it, with its own memory tier; a unique key prefix per test. */
async function runner(config: CacheConfig, flags: CacheFlags = {}, logs: string[] = []): Promise<TieredCache> {
  const destination = new Writable({ write: (chunk, _e, done) => (logs.push(String(chunk)), done()) });
  const cache = await createTieredCache(cacheSettings(config, flags), createLogger({ level: "warn", destination }));
  open.push(cache);
  return cache;
}

function counted<T>(value: T): { calls: number; load: () => Promise<T> } {
  const c = { calls: 0, load: async () => (c.calls++, value) };
  return c;
}

const QUESTION = { adapter: { type: "fivetran" }, method: "discovery/list", params: {} };

describe("tiered cache", () => {
  it("answers a repeated question from memory, and asks again once the TTL has passed", async () => {
    const cache = await runner({}, { cacheTtl: 1 });
    const upstream = counted({ schemas: [{ schema: "s" }] });
    expect(await cache.get("discovery", QUESTION, upstream.load)).toEqual({ schemas: [{ schema: "s" }] });
    expect(await cache.get("discovery", QUESTION, upstream.load)).toEqual({ schemas: [{ schema: "s" }] });
    expect(upstream.calls).toBe(1);
    await new Promise((r) => setTimeout(r, 1100));
    await cache.get("discovery", QUESTION, upstream.load);
    expect(upstream.calls).toBe(2);
    expect(cache.stats()).toEqual({ enabled: true, valkey: "not_configured", hits: { memory: 1, valkey: 0 }, misses: 2, waits: 0, by_kind: { discovery: { hits: 1, misses: 2 }, schemas: { hits: 0, misses: 0 } } });
  });

  it("serves another runner from Valkey, filling its memory tier, until the entry expires there too", async () => {
    const config = { valkey_url: inject("redisUrl"), key_prefix: `t-${randomUUID()}:`, discovery: { ttl_seconds: 1 } };
    const upstream = counted([1, 2, 3]);
    const first = await runner(config);
    const second = await runner(config);
    await first.get("discovery", QUESTION, upstream.load);
    expect(await second.get("discovery", QUESTION, upstream.load)).toEqual([1, 2, 3]);
    expect(await second.get("discovery", QUESTION, upstream.load)).toEqual([1, 2, 3]);
    expect(upstream.calls).toBe(1);
    expect(second.stats().hits).toEqual({ memory: 1, valkey: 1 });
    await new Promise((r) => setTimeout(r, 1100));
    const third = await runner(config);
    await third.get("discovery", QUESTION, upstream.load);
    // The copy in second's memory expired with the Valkey entry it came from.
    await second.get("discovery", QUESTION, upstream.load);
    expect(upstream.calls).toBe(2);
    expect(second.stats().hits).toEqual({ memory: 1, valkey: 2 });
  });

  it("makes one upstream call for 20 concurrent identical questions of two runners", async () => {
    const config = { valkey_url: inject("redisUrl"), key_prefix: `t-${randomUUID()}:` };
    const [a, b] = [await runner(config), await runner(config)];
    let calls = 0;
    const load = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 200));
      return { answer: 42 };
    };
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).get("schemas", QUESTION, load)));
    expect(answers).toEqual(Array.from({ length: 20 }, () => ({ answer: 42 })));
    expect(calls).toBe(1);
    const [sa, sb] = [a.stats(), b.stats()];
    expect(sa.misses + sb.misses).toBe(1);
    expect(sa.hits.valkey + sb.hits.valkey).toBe(1);
    expect(sa.hits.memory + sb.hits.memory).toBe(18);
    expect(sa.waits + sb.waits).toBe(1);
  });

  it("takes over the lock of a runner that died holding it once its lease expires", async () => {
    const prefix = `t-${randomUUID()}:`;
    const config = { valkey_url: inject("redisUrl"), key_prefix: prefix, lock_lease_seconds: 1 };
    const raw = new Redis(inject("redisUrl"));
    await raw.set(`${cacheKey(prefix, "discovery", QUESTION)}:lock`, "dead-runner", "PX", 1000);
    raw.disconnect();
    const cache = await runner(config);
    const upstream = counted("fresh");
    const started = performance.now();
    expect(await cache.get("discovery", QUESTION, upstream.load)).toBe("fresh");
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(upstream.calls).toBe(1);
    expect(cache.stats().waits).toBe(1);
  });

  it("stores no answer the caller calls uncacheable (a partial listing): the next asker calls again", async () => {
    const config = { valkey_url: inject("redisUrl"), key_prefix: `t-${randomUUID()}:` };
    const cache = await runner(config);
    const partial = counted({ schemas: [], failed: [{ schema: "s", message: "503" }] });
    const cacheable = (v: { failed: unknown[] }) => v.failed.length === 0;
    await cache.get("discovery", QUESTION, partial.load, { cacheable });
    await cache.get("discovery", QUESTION, partial.load, { cacheable });
    await (await runner(config)).get("discovery", QUESTION, partial.load, { cacheable });
    expect(partial.calls).toBe(3);
  });

  it("does not cache a failed call: the next asker calls again", async () => {
    const cache = await runner({ valkey_url: inject("redisUrl"), key_prefix: `t-${randomUUID()}:` });
    await expect(cache.get("discovery", QUESTION, () => Promise.reject(new Error("upstream down")))).rejects.toThrow("upstream down");
    expect(await cache.get("discovery", QUESTION, async () => "ok")).toBe("ok");
    expect(cache.stats().misses).toBe(1);
  });

  it("degrades to the memory tier with one warning when Valkey is killed mid-run", async () => {
    const server = await startRedisServer();
    servers.push(server);
    const logs: string[] = [];
    const cache = await runner({ valkey_url: server.url, key_prefix: "t:" }, {}, logs);
    await cache.get("discovery", QUESTION, async () => "before");
    expect(cache.stats().valkey).toBe("connected");
    await server.kill();
    const other = { ...QUESTION, params: { schema_prefix: "src__" } };
    expect(await cache.get("discovery", other, async () => "after")).toBe("after");
    expect(await cache.get("discovery", other, async () => "not asked")).toBe("after");
    expect(await cache.get("discovery", QUESTION, async () => "not asked")).toBe("before");
    expect(cache.stats()).toMatchObject({ valkey: "unavailable", hits: { memory: 2, valkey: 0 }, misses: 2 });
    const warnings = logs.filter((l) => l.includes("unavailable"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`Valkey cache at ${server.url} unavailable: continuing with the in-process cache only`);
  });

  it("starts with the memory tier alone, warning, when Valkey cannot be reached", async () => {
    const logs: string[] = [];
    const cache = await runner({ valkey_url: "redis://user:hunter2@127.0.0.1:9" }, {}, logs);
    expect(await cache.get("schemas", QUESTION, async () => 1)).toBe(1);
    expect(cache.stats().valkey).toBe("unavailable");
    expect(logs.join("")).toContain("Valkey cache at redis://127.0.0.1:9 unavailable");
    expect(logs.join("")).not.toContain("hunter2");
  });

  it("calls the adapter every time with --no-cache, or for a kind whose cache is disabled", async () => {
    const upstream = counted(1);
    const off = await runner({ valkey_url: inject("redisUrl") }, { noCache: true });
    await off.get("discovery", QUESTION, upstream.load);
    await off.get("discovery", QUESTION, upstream.load);
    const kindOff = await runner({ schemas: { enabled: false } });
    await kindOff.get("schemas", QUESTION, upstream.load);
    await kindOff.get("schemas", QUESTION, upstream.load);
    expect(upstream.calls).toBe(4);
    expect(off.stats()).toMatchObject({ enabled: false, valkey: "off", misses: 0 });
  });
});
