import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { RENEW, UNLOCK } from "../../cache/valkey-tier.js";
import { clientUrl, safeUrl } from "../../valkey-url.js";
import { type LeaseHolder, type RemoteSnapshot, type RemoteState, RemoteVersionConflict } from "./remote-state.js";

// Compare-and-swap in one script, which Valkey runs atomically: the data and a new version token replace the old ones
// only if the version is still what the uploader downloaded ("" for none). Tokens are unique, so a flushed server
// restarting from a durable copy can never hand out a version a runner already holds.
const CAS_UPLOAD = `
local v = redis.call('GET', KEYS[2]) or ''
if v ~= ARGV[2] then return redis.error_reply('ROCKY_CONFLICT ' .. v) end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[3])
return ARGV[3]`;

export interface ValkeyRemoteOptions {
  readonly url: string;
  readonly prefix: string;
  readonly timeoutMs: number;
}

/** Valkey (or Redis): the snapshot, a version counter and the lease under one prefix. */
export function createValkeyRemote(o: ValkeyRemoteOptions): RemoteState {
  const redis = new Redis(clientUrl(o.url), {
    lazyConnect: true,
    connectTimeout: Math.min(o.timeoutMs, 10_000),
    commandTimeout: o.timeoutMs,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    retryStrategy: (times) => (times > 2 ? null : 200 * times),
  });
  redis.on("error", () => undefined); // every command reports its own failure
  const keys = { data: `${o.prefix}data`, version: `${o.prefix}version`, lease: `${o.prefix}lease` };
  const connected = redis.connect();
  const ready = async () => {
    await connected;
  };
  return {
    describe: `valkey ${safeUrl(o.url)} (prefix "${o.prefix}")`,
    async download(): Promise<RemoteSnapshot | undefined> {
      await ready();
      const [data, version] = await redis.mgetBuffer(keys.data, keys.version);
      return data && version ? { bytes: data, version: version.toString("utf8") } : undefined;
    },
    async upload(bytes, expected) {
      await ready();
      try {
        return String(await redis.eval(CAS_UPLOAD, 2, keys.data, keys.version, bytes, expected ?? "", randomUUID()));
      } catch (err) {
        const match = /ROCKY_CONFLICT (\S*)/.exec(err instanceof Error ? err.message : "");
        if (match) throw new RemoteVersionConflict(expected, match[1] || null);
        throw err;
      }
    },
    async tryAcquireLease(holder, ttlMs) {
      await ready();
      const value = JSON.stringify(holder);
      if ((await redis.set(keys.lease, value, "PX", ttlMs, "NX")) === "OK") return undefined;
      const current = await redis.get(keys.lease);
      if (current === null) return this.tryAcquireLease(holder, ttlMs); // expired in between
      return JSON.parse(current) as LeaseHolder;
    },
    async renewLease(holder, ttlMs) {
      await ready();
      return Number(await redis.eval(RENEW, 1, keys.lease, JSON.stringify(holder), ttlMs)) === 1;
    },
    async releaseLease(holder) {
      await ready();
      await redis.eval(UNLOCK, 1, keys.lease, JSON.stringify(holder));
    },
    async leaseHolder() {
      await ready();
      const current = await redis.get(keys.lease);
      return current === null ? undefined : (JSON.parse(current) as LeaseHolder);
    },
    async close() {
      await connected.catch(() => undefined);
      await Promise.race([redis.quit().catch(() => undefined), new Promise((r) => setTimeout(r, 1000).unref())]);
      redis.disconnect();
    },
  };
}
