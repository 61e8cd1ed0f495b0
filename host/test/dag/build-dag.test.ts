import { describe, expect, it } from "vitest";
import { buildDag } from "../../src/dag/build-dag.js";
import { findCycle } from "../../src/dag/find-cycle.js";
import { RockyError } from "../../src/errors.js";

describe("buildDag()", () => {
  it("orders upstream before downstream, ties by name", () => {
    const dag = buildDag([
      { name: "report", deps: ["orders", "customers"] },
      { name: "orders", deps: ["raw_orders"] },
      { name: "customers", deps: [] },
      { name: "raw_orders", deps: [] },
      { name: "audit", deps: [] },
    ]);
    expect(dag.order).toEqual(["audit", "customers", "raw_orders", "orders", "report"]);
    expect(dag.downstream.get("orders")).toEqual(["report"]);
    expect(dag.upstream.get("report")).toEqual(["customers", "orders"]);
  });

  it("throws DAG_CYCLE naming the full cycle path", () => {
    const nodes = [
      { name: "a", deps: ["b"] },
      { name: "b", deps: ["c"] },
      { name: "c", deps: ["a"] },
      { name: "d", deps: ["a"] },
    ];
    let caught: unknown;
    try {
      buildDag(nodes);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(RockyError);
    expect((caught as RockyError).code).toBe("DAG_CYCLE");
    expect((caught as RockyError).message).toBe("Dependency cycle: a → b → c → a");
    expect((caught as RockyError).hint).toBe("Each model depends on the next one; remove one of these references or depends_on entries");
  });

  it("throws DAG_CYCLE for a model that depends on itself", () => {
    expect(() => buildDag([{ name: "loop", deps: ["loop"] }])).toThrowError("Dependency cycle: loop → loop");
  });

  it("throws DAG_MISSING_REF naming the model and the missing dependency", () => {
    let caught: unknown;
    try {
      buildDag([{ name: "orders", deps: ["nope"] }]);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(RockyError);
    expect((caught as RockyError).code).toBe("DAG_MISSING_REF");
    expect((caught as RockyError).message).toBe('"orders" depends on "nope", which does not exist');
  });
});

describe("findCycle()", () => {
  it("rotates the cycle to start at its smallest name", () => {
    const upstream = new Map([
      ["z", ["m"]],
      ["m", ["k"]],
      ["k", ["z"]],
    ]);
    expect(findCycle(upstream)).toEqual(["k", "z", "m", "k"]);
  });

  it("returns undefined for a diamond", () => {
    const upstream = new Map([
      ["top", ["left", "right"]],
      ["left", ["base"]],
      ["right", ["base"]],
      ["base", []],
    ]);
    expect(findCycle(upstream)).toBeUndefined();
  });
});
