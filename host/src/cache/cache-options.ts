import type { Argv } from "yargs";
import { RockyError } from "../errors.js";
import type { CacheFlags } from "./cache-settings.js";

export interface CacheArgs {
  /** false with --no-cache. */
  readonly cache: boolean;
  readonly "cache-ttl"?: number | undefined;
}

/** --no-cache and --cache-ttl, on the commands that ask adapters what exists (discover, plan, run). */
export function withCacheOptions<T>(yargs: Argv<T>): Argv<T & CacheArgs> {
  return yargs
    .option("cache", { type: "boolean", default: true, describe: "Use the discovery/metadata cache ([cache] in rocky.toml); --no-cache asks the adapters afresh" })
    .option("cache-ttl", { type: "number", describe: "Seconds a cached answer is served, for every kind (overrides [cache.*].ttl_seconds)" }) as Argv<T & CacheArgs>;
}

export function cacheFlags(args: Partial<CacheArgs>): CacheFlags {
  const ttl = args["cache-ttl"];
  if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0)) {
    throw new RockyError("USAGE", `--cache-ttl must be a whole number of seconds above 0, got ${JSON.stringify(ttl)}`, { hint: "e.g. --cache-ttl 300, or --no-cache to ask the adapters afresh" });
  }
  return { noCache: args.cache === false, cacheTtl: args["cache-ttl"] };
}
