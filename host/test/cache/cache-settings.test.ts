import { describe, expect, it } from "vitest";
import { cacheFlags } from "../../src/cache/cache-options.js";
import { cacheSettings } from "../../src/cache/cache-settings.js";
import { cacheKey, stableJson } from "../../src/cache/cache-key.js";

describe("cacheSettings()", () => {
  it("defaults to the original's day for schemas and ten minutes for discovery, without Valkey", () => {
    expect(cacheSettings(undefined)).toEqual({
      enabled: true, valkeyUrl: undefined, keyPrefix: "rocky:cache:", lockLeaseMs: 30_000, maxEntries: 10_000, ttlMs: { discovery: 600_000, schemas: 86_400_000 },
    });
  });

  it("takes [cache] keys, turns a kind off with enabled = false, and lets --cache-ttl override every kind's TTL", () => {
    const config = { valkey_url: "valkey://127.0.0.1:6380/1", key_prefix: "p:", lock_lease_seconds: 5, max_entries: 7, schemas: { enabled: false }, discovery: { ttl_seconds: 60 } };
    expect(cacheSettings(config)).toMatchObject({ valkeyUrl: "valkey://127.0.0.1:6380/1", keyPrefix: "p:", lockLeaseMs: 5000, maxEntries: 7, ttlMs: { discovery: 60_000, schemas: 0 } });
    expect(cacheSettings(config, { cacheTtl: 9 }).ttlMs).toEqual({ discovery: 9000, schemas: 0 });
    expect(cacheSettings({ ...config, enabled: false }).enabled).toBe(false);
    expect(cacheSettings(config, { noCache: true }).enabled).toBe(false);
  });
});

describe("cacheFlags()", () => {
  it("reads --no-cache and --cache-ttl, refusing a TTL that is not a positive whole number", () => {
    expect(cacheFlags({ cache: false })).toEqual({ noCache: true, cacheTtl: undefined });
    expect(cacheFlags({ cache: true, "cache-ttl": 30 })).toEqual({ noCache: false, cacheTtl: 30 });
    expect(() => cacheFlags({ cache: true, "cache-ttl": 0 })).toThrow("--cache-ttl must be a whole number of seconds above 0, got 0");
    expect(() => cacheFlags({ cache: true, "cache-ttl": 1.5 })).toThrow(/got 1\.5/);
  });
});

describe("cacheKey()", () => {
  it("is the same for equal questions written in another key order, and never contains the question", () => {
    const a = cacheKey("rocky:cache:", "discovery", { adapter: { config: { api_secret: "s3cr3t-value" }, type: "fivetran" }, params: { b: 1, a: 2 } });
    const b = cacheKey("rocky:cache:", "discovery", { params: { a: 2, b: 1 }, adapter: { type: "fivetran", config: { api_secret: "s3cr3t-value" } } });
    expect(a).toBe(b);
    expect(a).toMatch(/^rocky:cache:v1:discovery:[0-9a-f]{64}$/);
    expect(stableJson({ b: [1, { d: undefined, c: null }], a: "x" })).toBe('{"a":"x","b":[1,{"c":null}]}');
  });
});
