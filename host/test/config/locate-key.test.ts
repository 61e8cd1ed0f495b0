import { describe, expect, it } from "vitest";
import { formatKeyPath, indexKeyPositions, locateKey } from "../../src/config/locate-key.js";

const SOURCE = `# comment with [brackets] and = signs
title = "a # not a comment"
[pipeline.bronze]
source.adapter = "local"   # dotted key
target = { adapter = "wh", schema_template = "s_{x}" }
description = """
[not.a.table]
"""
[[pipeline.bronze.metadata_columns]]
name = "_a"
[[pipeline.bronze.metadata_columns]]
name = "_b"
tags = [
  "x",
  { value = "y" },
]
["quoted key".inner]
k = 1
`;

describe("indexKeyPositions()", () => {
  const positions = indexKeyPositions(SOURCE);
  const line = (...path: (string | number)[]) => locateKey(positions, path)?.line;

  it("finds keys under table headers, dotted keys and inline tables", () => {
    expect(line("title")).toBe(2);
    expect(line("pipeline", "bronze")).toBe(3);
    expect(line("pipeline", "bronze", "source", "adapter")).toBe(4);
    expect(line("pipeline", "bronze", "target", "schema_template")).toBe(5);
    expect(line("pipeline", "bronze", "description")).toBe(6);
  });

  it("ignores table-like text inside multi-line strings", () => {
    expect(line("not", "a", "table")).toBeUndefined();
  });

  it("indexes arrays of tables and multi-line array elements", () => {
    expect(line("pipeline", "bronze", "metadata_columns", 0, "name")).toBe(10);
    expect(line("pipeline", "bronze", "metadata_columns", 1, "name")).toBe(12);
    expect(line("pipeline", "bronze", "metadata_columns", 1, "tags", 1, "value")).toBe(15);
  });

  it("handles quoted keys and falls back to the nearest written ancestor", () => {
    expect(line("quoted key", "inner", "k")).toBe(18);
    expect(line("pipeline", "bronze", "target", "missing_key")).toBe(5);
  });
});

describe("formatKeyPath()", () => {
  it("joins names with dots, indexes in brackets, and quotes odd names", () => {
    expect(formatKeyPath(["pipeline", "bronze", "metadata_columns", 0, "value"])).toBe("pipeline.bronze.metadata_columns[0].value");
    expect(formatKeyPath(["adapter", "my adapter"])).toBe(`adapter."my adapter"`);
  });
});
