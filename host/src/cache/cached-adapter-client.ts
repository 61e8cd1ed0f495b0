import type { AdapterClient, AdapterSpec } from "../adapter/types.js";
import type { TieredCache } from "./tiered-cache.js";

/**
 * The adapter, with discover and describeTable answered through the cache when the caller asks for it
 * (`{ cache: "discovery" }`). Questions are keyed by what determines the answer: the adapter's type, command, config
 * and working directory, the method and its params; the same question from another runner shares the entry.
 */
export function withCache(client: AdapterClient, cache: TieredCache, spec: AdapterSpec): AdapterClient {
  const adapter = { type: spec.type, command: spec.command, config: spec.config, cwd: spec.cwd ?? null };
  return {
    ...client,
    discover(params = {}, options = {}) {
      const { cache: kind, cacheVersion, ...rest } = options;
      if (!kind) return client.discover(params, rest);
      // A listing with sources the adapter could not read is partial: the next asker should ask again.
      return cache.get(kind, { adapter, method: "discovery/list", params, version: cacheVersion }, () => client.discover(params, rest), {
        cacheable: (listed) => (listed.failed ?? []).length === 0,
      });
    },
    describeTable(ref, options = {}) {
      const { cache: kind, cacheVersion, ...rest } = options;
      if (!kind) return client.describeTable(ref, rest);
      return cache.get(kind, { adapter, method: "describe_table", params: ref, version: cacheVersion }, () => client.describeTable(ref, rest));
    },
  };
}
