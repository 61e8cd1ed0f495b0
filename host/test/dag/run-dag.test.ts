import { describe, expect, it } from "vitest";
import { buildDag } from "../../src/dag/build-dag.js";
import { runDag, type NodeOutcome } from "../../src/dag/run-dag.js";

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function summary(outcomes: readonly NodeOutcome<unknown>[]) {
  return outcomes.map((o) =>
    o.status === "skipped" ? `${o.name}:skipped(${o.reason === "upstream_failed" ? o.upstream : "cancelled"})` : `${o.name}:${o.status}`,
  );
}

describe("runDag()", () => {
  it("starts a node only after all its upstream nodes finished", async () => {
    const dag = buildDag([
      { name: "a", deps: [] },
      { name: "b", deps: ["a"] },
      { name: "c", deps: ["a"] },
      { name: "d", deps: ["b", "c"] },
    ]);
    const finished: string[] = [];
    const startedAfter = new Map<string, string[]>();
    await runDag({
      dag,
      concurrency: 4,
      execute: async (name) => {
        startedAfter.set(name, [...finished]);
        await tick();
        finished.push(name);
      },
    });
    expect(startedAfter.get("a")).toEqual([]);
    expect(startedAfter.get("b")).toEqual(["a"]);
    expect(startedAfter.get("c")).toEqual(["a"]);
    expect([...(startedAfter.get("d") ?? [])].sort()).toEqual(["a", "b", "c"]);
  });

  it("never runs more nodes at once than the concurrency limit, and reaches it", async () => {
    const dag = buildDag(["n1", "n2", "n3", "n4", "n5", "n6", "n7"].map((name) => ({ name, deps: [] })));
    let running = 0;
    let peak = 0;
    const outcomes = await runDag({
      dag,
      concurrency: 3,
      execute: async () => {
        running++;
        peak = Math.max(peak, running);
        for (let i = 0; i < 5; i++) await tick();
        running--;
      },
    });
    expect(peak).toBe(3);
    expect(outcomes.every((o) => o.status === "succeeded")).toBe(true);
  });

  it("skips only the downstream of a failed node and lets unrelated branches finish", async () => {
    // src → bad → mid → leaf ; src → good → leaf2 ; solo
    const dag = buildDag([
      { name: "src", deps: [] },
      { name: "bad", deps: ["src"] },
      { name: "mid", deps: ["bad"] },
      { name: "leaf", deps: ["mid", "good"] },
      { name: "good", deps: ["src"] },
      { name: "leaf2", deps: ["good"] },
      { name: "solo", deps: [] },
    ]);
    const ran: string[] = [];
    const outcomes = await runDag({
      dag,
      concurrency: 2,
      execute: async (name) => {
        await tick();
        ran.push(name);
        if (name === "bad") throw new Error("boom");
        return name.length;
      },
    });
    expect(summary(outcomes)).toEqual([
      "solo:succeeded",
      "src:succeeded",
      "bad:failed",
      "good:succeeded",
      "leaf2:succeeded",
      "mid:skipped(bad)",
      "leaf:skipped(bad)",
    ]);
    expect(ran.sort()).toEqual(["bad", "good", "leaf2", "solo", "src"]);
    const failed = outcomes.find((o) => o.status === "failed");
    expect(failed?.status === "failed" && (failed.error as Error).message).toBe("boom");
  });

  it("runs only the chosen nodes, treating unchosen upstream as satisfied", async () => {
    const dag = buildDag([
      { name: "a", deps: [] },
      { name: "b", deps: ["a"] },
      { name: "c", deps: ["b"] },
    ]);
    const ran: string[] = [];
    const outcomes = await runDag({ dag, nodes: ["b", "c"], concurrency: 1, execute: async (n) => void ran.push(n) });
    expect(ran).toEqual(["b", "c"]);
    expect(summary(outcomes)).toEqual(["b:succeeded", "c:succeeded"]);
  });

  it("starts nothing new after the signal aborts and reports the rest as cancelled", async () => {
    const dag = buildDag([
      { name: "a", deps: [] },
      { name: "b", deps: ["a"] },
      { name: "c", deps: ["b"] },
    ]);
    const controller = new AbortController();
    const outcomes = await runDag({
      dag,
      concurrency: 1,
      signal: controller.signal,
      execute: async (name) => {
        if (name === "a") controller.abort();
        await tick();
      },
    });
    expect(summary(outcomes)).toEqual(["a:succeeded", "b:skipped(cancelled)", "c:skipped(cancelled)"]);
  });

  it("reports a synchronous throw in execute as that node's failure", async () => {
    const dag = buildDag([{ name: "x", deps: [] }, { name: "y", deps: ["x"] }]);
    const outcomes = await runDag({
      dag,
      concurrency: 1,
      execute: (): Promise<void> => {
        throw new Error("sync");
      },
    });
    expect(summary(outcomes)).toEqual(["x:failed", "y:skipped(x)"]);
  });
});
