import { describe, expect, it } from "vitest";
import { buildDag } from "../../src/dag/build-dag.js";
import { findCycle } from "../../src/dag/find-cycle.js";
import { runDag } from "../../src/dag/run-dag.js";
import { parseSelectors, selectNodes } from "../../src/dag/select-nodes.js";

const N = 20_000;
const name = (i: number) => `n${String(i).padStart(5, "0")}`;
/** n00000 ← n00001 ← … : each node depends on the previous one, listed last-first so the order has to be computed. */
const chain = () => Array.from({ length: N }, (_, k) => N - 1 - k).map((i) => ({ name: name(i), deps: i === 0 ? [] : [name(i - 1)] }));
const names = Array.from({ length: N }, (_, i) => name(i));

describe("DAG functions on 20,000 nodes", () => {
  it("buildDag() orders a 20,000-deep chain without overflowing the stack", () => {
    expect(buildDag(chain()).order).toEqual(names);
  });

  it("buildDag() orders 20,000 independent nodes by name", () => {
    expect(buildDag([...names].reverse().map((n) => ({ name: n, deps: [] }))).order).toEqual(names);
  });

  it("findCycle() reports a cycle closing a 20,000-deep chain", () => {
    const upstream = new Map(chain().map((n) => [n.name, n.name === name(0) ? [name(N - 1)] : n.deps]));
    const cycle = findCycle(upstream);
    expect(cycle?.length).toBe(N + 1);
    expect(cycle?.slice(0, 3)).toEqual([name(0), name(N - 1), name(N - 2)]);
    expect(cycle?.at(-1)).toBe(name(0));
  });

  it("selectNodes() takes everything upstream and downstream of the middle of a 20,000-deep chain", () => {
    const dag = buildDag(chain());
    expect(selectNodes(dag, parseSelectors([`+${name(N / 2)}`]))).toEqual(names.slice(0, N / 2 + 1));
    expect(selectNodes(dag, parseSelectors([`${name(N / 2)}+`]))).toEqual(names.slice(N / 2));
  });

  it("selectNodes() takes upstream and downstream of a tag every node has", () => {
    const dag = buildDag(chain());
    expect(selectNodes(dag, parseSelectors(["+tag:all+"]), () => ["all"])).toEqual(names);
  });

  it("runDag() runs a 20,000-deep chain in order and skips everything below a failure", async () => {
    const ran: string[] = [];
    const outcomes = await runDag({
      dag: buildDag(chain()),
      concurrency: 4,
      execute: async (n) => {
        ran.push(n);
        if (n === name(10)) throw new Error("boom");
        return n;
      },
    });
    expect(ran).toEqual(names.slice(0, 11));
    expect(outcomes.map((o) => o.status)).toEqual([...Array(10).fill("succeeded"), "failed", ...Array(N - 11).fill("skipped")]);
    expect(outcomes.at(-1)).toEqual({ name: name(N - 1), status: "skipped", reason: "upstream_failed", upstream: name(10) });
  });

  it("runDag() runs 20,000 independent nodes in DAG order with bounded concurrency", async () => {
    let running = 0;
    let most = 0;
    const ran: string[] = [];
    await runDag({
      dag: buildDag(names.map((n) => ({ name: n, deps: [] }))),
      concurrency: 8,
      execute: async (n) => {
        running++;
        most = Math.max(most, running);
        ran.push(n);
        await Promise.resolve();
        running--;
      },
    });
    expect(ran).toEqual(names);
    expect(most).toBe(8);
  });
});
