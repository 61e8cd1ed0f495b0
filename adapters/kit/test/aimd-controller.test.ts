import { describe, expect, it } from "vitest";
import { AimdController, type AimdChange } from "../src/index.js";

describe("AimdController", () => {
  it("halves on rate limits down to the floor and grows by one every increaseEvery successes", async () => {
    const changes: AimdChange[] = [];
    const aimd = new AimdController({ max: 8, increaseEvery: 2, onChange: (c) => changes.push(c) });
    const once = async (outcome: "success" | "rate_limited") => (await aimd.acquire()).release(outcome);
    const script = ["rate_limited", "rate_limited", "rate_limited", "rate_limited", "success", "success", "success", "success", "success"] as const;
    const windows: number[] = [];
    for (const outcome of script) {
      await once(outcome);
      windows.push(aimd.window);
    }
    expect(windows).toEqual([4, 2, 1, 1, 1, 2, 2, 3, 3]);
    expect(changes.map((c) => `${c.previous}->${c.window} ${c.reason}`)).toEqual([
      "8->4 rate_limited", "4->2 rate_limited", "2->1 rate_limited", "1->1 rate_limited", "1->2 increase", "2->3 increase",
    ]);
    expect(aimd.stats).toMatchObject({ rateLimits: 4, decreases: 4, increases: 2, inFlight: 0 });
  });

  it("never lets more operations run than the window", async () => {
    const aimd = new AimdController({ max: 3 });
    let running = 0;
    let peak = 0;
    const work = () =>
      aimd.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
      });
    await Promise.all(Array.from({ length: 20 }, work));
    expect(peak).toBe(3);
    expect(aimd.stats).toMatchObject({ inFlight: 0, waiting: 0 });
  });

  it("counts one burst of rate limits from operations started together as one decrease", async () => {
    const aimd = new AimdController({ max: 8 });
    const permits = await Promise.all(Array.from({ length: 8 }, () => aimd.acquire()));
    for (const p of permits) p.rateLimited();
    expect(aimd.window).toBe(4);
    for (const p of permits) p.release("success");
    const later = await aimd.acquire();
    later.rateLimited();
    later.rateLimited();
    later.release("rate_limited");
    expect(aimd.window).toBe(2);
    expect(aimd.stats.rateLimits).toBe(11);
  });

  it("run() shrinks the window when the error is a rate limit and frees the slot either way", async () => {
    const aimd = new AimdController({ max: 4 });
    const isRateLimit = (e: unknown) => (e as Error).message === "429";
    await expect(aimd.run(() => Promise.reject(new Error("429")), { isRateLimit })).rejects.toThrow("429");
    await expect(aimd.run(() => Promise.reject(new Error("syntax")), { isRateLimit })).rejects.toThrow("syntax");
    expect([aimd.window, aimd.stats.inFlight]).toEqual([2, 0]);
  });

  it("a waiter whose signal aborts leaves the queue", async () => {
    const aimd = new AimdController({ max: 1 });
    const held = await aimd.acquire();
    const controller = new AbortController();
    const waiting = aimd.acquire(controller.signal);
    expect(aimd.stats.waiting).toBe(1);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    held.release("success");
    expect(aimd.stats).toMatchObject({ waiting: 0, inFlight: 0 });
  });
});
