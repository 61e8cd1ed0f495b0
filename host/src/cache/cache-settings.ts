import type { CacheConfig } from "@rocky/protocol";

/** What is cached: discovery/list answers of sources, describe_table answers about source tables. */
export type CacheKind = "discovery" | "schemas";

export const CACHE_KINDS: readonly CacheKind[] = ["discovery", "schemas"];

const DEFAULT_TTL_SECONDS: Record<CacheKind, number> = { discovery: 600, schemas: 86_400 };

export interface CacheSettings {
  readonly enabled: boolean;
  readonly valkeyUrl: string | undefined;
  readonly keyPrefix: string;
  readonly lockLeaseMs: number;
  readonly maxEntries: number;
  /** Per kind; 0 means that kind is not cached. */
  readonly ttlMs: Readonly<Record<CacheKind, number>>;
}

export interface CacheFlags {
  /** --no-cache */
  readonly noCache?: boolean | undefined;
  /** --cache-ttl: one TTL for every kind, in seconds. */
  readonly cacheTtl?: number | undefined;
}

/** [cache] of rocky.toml with the command's --no-cache and --cache-ttl applied. */
export function cacheSettings(config: CacheConfig | undefined, flags: CacheFlags = {}): CacheSettings {
  const kindTtl = (kind: CacheKind) => {
    const section = config?.[kind];
    if (section?.enabled === false) return 0;
    return (flags.cacheTtl ?? section?.ttl_seconds ?? DEFAULT_TTL_SECONDS[kind]) * 1000;
  };
  return {
    enabled: flags.noCache !== true && config?.enabled !== false,
    valkeyUrl: config?.valkey_url,
    keyPrefix: config?.key_prefix ?? "rocky:cache:",
    lockLeaseMs: (config?.lock_lease_seconds ?? 30) * 1000,
    maxEntries: config?.max_entries ?? 10_000,
    ttlMs: { discovery: kindTtl("discovery"), schemas: kindTtl("schemas") },
  };
}
