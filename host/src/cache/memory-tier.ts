import { LRUCache } from "lru-cache";

/** Tier 1: this process's LRU of serialized answers, each with its own TTL. */
export interface MemoryTier {
  get(key: string): string | undefined;
  set(key: string, value: string, ttlMs: number): void;
}

export function createMemoryTier(maxEntries: number): MemoryTier {
  const lru = new LRUCache<string, string>({ max: maxEntries, ttlAutopurge: false });
  return {
    get: (key) => lru.get(key),
    set: (key, value, ttlMs) => void lru.set(key, value, { ttl: ttlMs }),
  };
}
