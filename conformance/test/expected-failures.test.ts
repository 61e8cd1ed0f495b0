import { describe, expect, it } from "vitest";
import { parseExpectedFailures } from "../src/expected-failures.js";

describe("parseExpectedFailures()", () => {
  it("reads one check id per line, ignoring comments and blank lines", () => {
    const parsed = parseExpectedFailures("# not written yet\nmerge_into\n\n  discover  # later\r\n");
    expect([...parsed.ids]).toEqual(["merge_into", "discover"]);
    expect(parsed.problems).toEqual([]);
  });

  it("names each line that is not a check id", () => {
    expect(parseExpectedFailures("merge_into\nmerge\n# ok\nDiscover\n").problems).toEqual([
      'line 2: "merge" is not a conformance check id',
      'line 4: "Discover" is not a conformance check id',
    ]);
  });
});
