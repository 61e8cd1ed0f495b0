import type { CacheStats } from "@rocky/protocol";
import { CACHE_KINDS, type CacheKind } from "./cache-settings.js";

export type ValkeyStatus = CacheStats["valkey"];
export type Outcome = "memory" | "valkey" | "miss";

/** Counts how each question was answered, for the command's output. */
export class CacheCounter {
  private readonly hits = { memory: 0, valkey: 0 };
  private misses = 0;
  private waits = 0;
  private readonly byKind = new Map<CacheKind, { hits: number; misses: number }>(CACHE_KINDS.map((k) => [k, { hits: 0, misses: 0 }]));

  count(kind: CacheKind, outcome: Outcome): void {
    const k = this.byKind.get(kind);
    if (outcome === "miss") {
      this.misses++;
      if (k) k.misses++;
    } else {
      this.hits[outcome]++;
      if (k) k.hits++;
    }
  }

  waited(): void {
    this.waits++;
  }

  snapshot(enabled: boolean, valkey: ValkeyStatus): CacheStats {
    return {
      enabled,
      valkey,
      hits: { ...this.hits },
      misses: this.misses,
      waits: this.waits,
      by_kind: Object.fromEntries([...this.byKind].map(([k, v]) => [k, { ...v }])),
    };
  }
}

/**
 * "cache: 12 hits (10 memory, 2 valkey), 3 misses; valkey connected" for the human output, when there is something to
 * say: a Valkey tier configured, or a hit. (A command without Valkey asks each question once, so it would only count misses.)
 */
export function formatCacheStats(stats: CacheStats | undefined): string {
  if (!stats?.enabled) return "";
  const hits = stats.hits.memory + stats.hits.valkey;
  if (hits === 0 && (stats.valkey === "not_configured" || stats.valkey === "off")) return "";
  const waits = stats.waits > 0 ? `, ${stats.waits} waited for another runner` : "";
  return `cache: ${hits} hits (${stats.hits.memory} memory, ${stats.hits.valkey} valkey), ${stats.misses} misses${waits}; valkey ${stats.valkey.replace("_", " ")}\n`;
}
