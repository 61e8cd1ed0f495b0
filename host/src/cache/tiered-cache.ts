import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { CacheStats } from "@rocky/protocol";
import type { Logger } from "../log.js";
import { cacheKey } from "./cache-key.js";
import type { CacheKind, CacheSettings } from "./cache-settings.js";
import { CacheCounter, type ValkeyStatus } from "./cache-stats.js";
import { createMemoryTier } from "./memory-tier.js";
import { connectValkey, type ValkeyTier } from "./valkey-tier.js";
import { safeUrl } from "../valkey-url.js";

interface Loader {
  load(): Promise<unknown>;
  cacheable?(value: unknown): boolean;
}

/** How often a runner waiting for another's lock looks for the answer. */
const POLL_MS = 25;

export interface TieredCache {
  /**
   * The answer to `question` (any JSON; it names the adapter, the method and its params): from this process's LRU,
   * else from Valkey, else from `load`, whose answer fills both tiers. Concurrent identical questions make one call:
   * in this process by sharing the promise, across runners by a lock in Valkey the others wait on.
   */
  get<T>(kind: CacheKind, question: unknown, load: () => Promise<T>, options?: GetOptions<T>): Promise<T>;
  stats(): CacheStats;
  close(): void;
}

export interface GetOptions<T> {
  /** An answer it refuses (a partial one) is returned but stored in no tier. */
  readonly cacheable?: (value: T) => boolean;
}

class LoadFailed {
  constructor(readonly error: unknown) {}
}

/**
 * Serialized with when it was written and when it expires: a copy taken from Valkey into memory expires when the
 * original does, and a runner whose TTL is shorter (a lowered ttl_seconds, --cache-ttl) treats older entries as misses.
 */
const wrap = (writtenAt: number, expiresAt: number, json: string) => `${writtenAt} ${expiresAt}\n${json}`;
function unwrap(entry: string): { writtenAt: number; expiresAt: number; json: string } {
  const newline = entry.indexOf("\n");
  const [writtenAt, expiresAt] = entry.slice(0, newline).split(" ").map(Number);
  return { writtenAt: writtenAt ?? 0, expiresAt: expiresAt ?? 0, json: entry.slice(newline + 1) };
}

const fresh = (entry: string | undefined, ttlMs: number): entry is string => entry !== undefined && Date.now() - unwrap(entry).writtenAt <= ttlMs;

/** The URL without credentials, for messages. */

export async function createTieredCache(settings: CacheSettings, logger: Logger): Promise<TieredCache> {
  const counter = new CacheCounter();
  const memory = createMemoryTier(settings.maxEntries);
  const inFlight = new Map<string, Promise<{ entry: string; outcome: "memory" | "valkey" | "miss" }>>();
  let valkey: ValkeyTier | undefined;
  let status: ValkeyStatus = !settings.enabled ? "off" : settings.valkeyUrl === undefined ? "not_configured" : "connected";

  const lost = (err: unknown) => {
    if (!valkey && status === "unavailable") return;
    valkey?.close();
    valkey = undefined;
    status = "unavailable";
    logger.warn({ err: (err as Error)?.message ?? String(err) }, `Valkey cache at ${safeUrl(settings.valkeyUrl ?? "")} unavailable: continuing with the in-process cache only`);
  };
  if (settings.enabled && settings.valkeyUrl !== undefined) {
    try {
      valkey = await connectValkey(settings.valkeyUrl);
    } catch (err) {
      lost(err);
    }
  }

  async function load(key: string, ttlMs: number, fn: Loader): Promise<string> {
    let value: unknown;
    try {
      value = await fn.load();
    } catch (err) {
      throw new LoadFailed(err);
    }
    const now = Date.now();
    if (fn.cacheable && !fn.cacheable(value)) return wrap(now, now, JSON.stringify(value));
    const entry = wrap(now, now + ttlMs, JSON.stringify(value));
    if (valkey) await valkey.set(key, entry, ttlMs).catch(lost);
    return entry;
  }

  /** Tier 2 and 3 with the lock: one runner loads, the others poll until its answer lands or its lease runs out. */
  async function throughValkey(tier: ValkeyTier, key: string, ttlMs: number, fn: Loader): Promise<{ entry: string; outcome: "valkey" | "miss" }> {
    const lockKey = `${key}:lock`;
    const token = randomUUID();
    let waited = false;
    for (;;) {
      const found = await tier.get(key);
      if (fresh(found, ttlMs)) return { entry: found, outcome: "valkey" };
      if (await tier.tryLock(lockKey, token, settings.lockLeaseMs)) {
        const renew = setInterval(() => void tier.renew(lockKey, token, settings.lockLeaseMs).catch(() => undefined), Math.max(100, settings.lockLeaseMs / 3));
        renew.unref();
        try {
          // Filled between our miss and our lock?
          const again = await tier.get(key);
          if (fresh(again, ttlMs)) return { entry: again, outcome: "valkey" };
          return { entry: await load(key, ttlMs, fn), outcome: "miss" };
        } finally {
          clearInterval(renew);
          await tier.unlock(lockKey, token).catch(() => undefined);
        }
      }
      if (!waited) counter.waited();
      waited = true;
      await delay(POLL_MS);
    }
  }

  async function answer(key: string, ttlMs: number, fn: Loader): Promise<{ entry: string; outcome: "valkey" | "miss" }> {
    const tier = valkey;
    if (tier) {
      try {
        return await throughValkey(tier, key, ttlMs, fn);
      } catch (err) {
        if (err instanceof LoadFailed) throw err;
        lost(err);
      }
    }
    return { entry: await load(key, ttlMs, fn), outcome: "miss" };
  }

  return {
    async get<T>(kind: CacheKind, question: unknown, fn: () => Promise<T>, options: GetOptions<T> = {}): Promise<T> {
      const ttlMs = settings.ttlMs[kind];
      if (!settings.enabled || ttlMs <= 0) return fn();
      const key = cacheKey(settings.keyPrefix, kind, question);
      const cached = memory.get(key);
      if (fresh(cached, ttlMs)) {
        counter.count(kind, "memory");
        return JSON.parse(unwrap(cached).json) as T;
      }
      let pending = inFlight.get(key);
      const shared = pending !== undefined;
      if (!pending) {
        const cacheable = options.cacheable as ((value: unknown) => boolean) | undefined;
        pending = answer(key, ttlMs, { load: fn, ...(cacheable ? { cacheable } : {}) }).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      let result: { entry: string; outcome: "memory" | "valkey" | "miss" };
      try {
        result = await pending;
      } catch (err) {
        throw err instanceof LoadFailed ? err.error : err;
      }
      const { expiresAt, json } = unwrap(result.entry);
      if (!shared && expiresAt > Date.now()) memory.set(key, result.entry, expiresAt - Date.now());
      counter.count(kind, shared ? "memory" : result.outcome);
      return JSON.parse(json) as T;
    },
    stats: () => counter.snapshot(settings.enabled, status),
    close: () => valkey?.close(),
  };
}
