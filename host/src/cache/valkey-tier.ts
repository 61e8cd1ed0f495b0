import { Redis } from "ioredis";
import { clientUrl } from "../valkey-url.js";

/** Tier 2: a Valkey/Redis server shared by every runner. Every method rejects when the server is gone. */
export interface ValkeyTier {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Takes the lock `key` for `leaseMs` unless someone holds it. */
  tryLock(key: string, token: string, leaseMs: number): Promise<boolean>;
  /** Extends the lease if `token` still holds the lock. */
  renew(key: string, token: string, leaseMs: number): Promise<boolean>;
  /** Releases the lock if `token` still holds it (a lock that expired and was taken by another is left alone). */
  unlock(key: string, token: string): Promise<void>;
  close(): void;
}

/** Compare-and-extend and compare-and-delete of a lease held under a token, as one atomic script each. */
export const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
export const UNLOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Connects without retrying: a server that is down, or goes away, fails calls at once (no offline queue, no
 * reconnection), and every call has a deadline, so the cache falls back to tier 1 instead of stalling the command.
 */
export async function connectValkey(url: string, timeoutMs = 2000): Promise<ValkeyTier> {
  const redis = new Redis(clientUrl(url), {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
  });
  // Failures surface through the calls; without a listener ioredis would report them as unhandled. The socket's own
  // error (ECONNREFUSED, ENOTFOUND...) says more than connect()'s "Connection is closed.", so that is what is thrown.
  let socketError: unknown;
  redis.on("error", (err: unknown) => {
    socketError = err;
  });
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw socketError ?? err;
  }
  return {
    async get(key) {
      return (await redis.get(key)) ?? undefined;
    },
    async set(key, value, ttlMs) {
      await redis.set(key, value, "PX", ttlMs);
    },
    async tryLock(key, token, leaseMs) {
      return (await redis.set(key, token, "PX", leaseMs, "NX")) === "OK";
    },
    async renew(key, token, leaseMs) {
      return (await redis.eval(RENEW, 1, key, token, String(leaseMs))) === 1;
    },
    async unlock(key, token) {
      await redis.eval(UNLOCK, 1, key, token);
    },
    close: () => redis.disconnect(),
  };
}
