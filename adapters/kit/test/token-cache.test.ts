import { describe, expect, it } from "vitest";
import { TokenCache } from "../src/index.js";

describe("TokenCache", () => {
  it("reuses a token until the refresh slack before expiry, then issues another", async () => {
    let now = 0;
    let n = 0;
    const cache = new TokenCache({ issue: async () => ({ token: `t${++n}`, expiresInSeconds: 3600 }), refreshSlackMs: 60_000, now: () => now });
    expect(await cache.get()).toBe("t1");
    now = 3_539_999;
    expect(await cache.get()).toBe("t1");
    now = 3_540_000;
    expect(await cache.get()).toBe("t2");
    expect(cache.issued).toBe(2);
  });

  it("shares one issue among concurrent callers and drops the token on invalidate()", async () => {
    let n = 0;
    const cache = new TokenCache({ issue: async () => ({ token: `t${++n}`, expiresInSeconds: 3600 }) });
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(["t1", "t1", "t1"]);
    cache.invalidate();
    expect(await cache.get()).toBe("t2");
  });

  it("never trusts a short-lived token for more than half its life", async () => {
    let now = 0;
    let n = 0;
    const cache = new TokenCache({ issue: async () => ({ token: `t${++n}`, expiresInSeconds: 10 }), refreshSlackMs: 60_000, now: () => now });
    await cache.get();
    now = 5000;
    expect(await cache.get()).toBe("t2");
  });

  it("does not cache a failed issue", async () => {
    let n = 0;
    const cache = new TokenCache({
      issue: async () => {
        if (++n === 1) throw new Error("token endpoint down");
        return { token: "ok" };
      },
    });
    await expect(cache.get()).rejects.toThrow("token endpoint down");
    expect(await cache.get()).toBe("ok");
  });
});
