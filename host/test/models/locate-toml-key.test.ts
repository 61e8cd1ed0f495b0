import { describe, expect, it } from "vitest";
import { locateTomlKey } from "../../src/models/locate-toml-key.js";

const TEXT = `# comment
tags = ["a"]

[target]
schema = "s"

[strategy]
type = "merge"
"unique_key" = "id"
`;

describe("locateTomlKey()", () => {
  it("finds keys under their table header", () => {
    expect(locateTomlKey(TEXT, ["tags"])).toBe(2);
    expect(locateTomlKey(TEXT, ["target", "schema"])).toBe(5);
    expect(locateTomlKey(TEXT, ["strategy", "unique_key"])).toBe(9);
  });

  it("falls back to the enclosing table for a missing key, and to line 1", () => {
    expect(locateTomlKey(TEXT, ["strategy", "update_columns"])).toBe(7);
    expect(locateTomlKey(TEXT, ["nowhere"])).toBe(1);
  });

  it("understands dotted keys and inline tables", () => {
    expect(locateTomlKey('target.schema = "s"\nstrategy = { type = "merge" }\n', ["target", "schema"])).toBe(1);
    expect(locateTomlKey('target.schema = "s"\nstrategy = { type = "merge" }\n', ["strategy", "unique_key"])).toBe(2);
  });
});
