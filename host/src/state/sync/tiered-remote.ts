import type { RemoteState } from "./remote-state.js";

/** The remote accepted the new version, but its durable copy did not follow: upload again at `version`. */
export class DurableCopyFailed extends Error {
  constructor(readonly version: string, cause: unknown) {
    super(`the durable copy was not written: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "DurableCopyFailed";
  }
}

/**
 * Valkey for speed, the lease and the compare-and-swap; S3 as the durable copy, written after each accepted upload and
 * read only when Valkey has no state (a new or flushed server). Valkey's version counter is the one versions compare;
 * `durable` writes unconditionally (Valkey already serialises the writers).
 */
export function createTieredRemote(fast: RemoteState, durable: RemoteState): RemoteState {
  return {
    describe: `${fast.describe}, durable copy ${durable.describe}`,
    async download() {
      const hot = await fast.download();
      if (hot) return hot;
      const cold = await durable.download();
      return cold ? { bytes: cold.bytes, version: "" } : undefined;
    },
    async upload(bytes, expected) {
      const version = await fast.upload(bytes, expected === "" ? null : expected);
      try {
        await durable.upload(bytes, null);
      } catch (err) {
        throw new DurableCopyFailed(version, err);
      }
      return version;
    },
    tryAcquireLease: (holder, ttlMs) => fast.tryAcquireLease(holder, ttlMs),
    renewLease: (holder, ttlMs) => fast.renewLease(holder, ttlMs),
    releaseLease: (holder) => fast.releaseLease(holder),
    leaseHolder: () => fast.leaseHolder(),
    async close() {
      await Promise.all([fast.close(), durable.close()]);
    },
  };
}
