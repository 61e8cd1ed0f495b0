import { describe, expect, it } from "vitest";
import { buildDag } from "../../src/dag/build-dag.js";
import { parseSelector, parseSelectors, selectNodes } from "../../src/dag/select-nodes.js";

// raw → stg → fct → report ; dim → fct ; other (alone)
const dag = buildDag([
  { name: "raw", deps: [] },
  { name: "stg", deps: ["raw"] },
  { name: "dim", deps: [] },
  { name: "fct", deps: ["stg", "dim"] },
  { name: "report", deps: ["fct"] },
  { name: "other", deps: [] },
]);
const tags: Record<string, string[]> = { stg: ["staging"], raw: ["staging"], report: ["finance"] };
const tagsOf = (n: string) => tags[n] ?? [];
const select = (...terms: string[]) => selectNodes(dag, parseSelectors(terms), tagsOf);

describe("selectNodes()", () => {
  it("selects everything without selectors", () => {
    expect(select()).toEqual(dag.order);
  });

  it("selects one model by name", () => {
    expect(select("fct")).toEqual(["fct"]);
  });

  it("selects a model with its upstream for +name", () => {
    expect(select("+fct")).toEqual(["dim", "raw", "stg", "fct"]);
  });

  it("selects a model with its downstream for name+", () => {
    expect(select("stg+")).toEqual(["stg", "fct", "report"]);
  });

  it("selects both directions for +name+", () => {
    expect(select("+stg+")).toEqual(["raw", "stg", "fct", "report"]);
  });

  it("selects models by tag", () => {
    expect(select("tag:staging")).toEqual(["raw", "stg"]);
  });

  it("unions several selectors, comma or space separated", () => {
    expect(select("other,report", "tag:staging")).toEqual(["other", "raw", "stg", "report"]);
  });

  it("rejects an unknown model name", () => {
    expect(() => select("nope")).toThrowError('Selector "nope" names no model: "nope" does not exist');
  });

  it("rejects a tag no model has", () => {
    expect(() => select("tag:gold")).toThrowError('Selector "tag:gold" matches no model: no model has tag "gold"');
  });
});

describe("parseSelector()", () => {
  it("parses plus signs and tags", () => {
    expect(parseSelector("+tag:x+")).toEqual({ text: "+tag:x+", kind: "tag", value: "x", upstream: true, downstream: true });
  });

  it("rejects a bare plus", () => {
    expect(() => parseSelector("+")).toThrowError('Invalid selector "+"');
  });
});
