import { describe, expect, it } from "vitest";
import { findMacros, lineColumn, substituteMacros } from "../../src/models/macros.js";

describe("findMacros()", () => {
  it("finds @start_date and @end_date outside strings, quoted names and comments", () => {
    const sql = `SELECT '@start_date', "@end_date" -- @start_date\n/* @end_date */ FROM t WHERE a >= @start_date AND b < @end_date AND c = @start_dates`;
    expect(findMacros(sql)).toEqual([
      { name: "@start_date", offset: sql.indexOf("@start_date AND") },
      { name: "@end_date", offset: sql.indexOf("@end_date AND") },
    ]);
  });
});

describe("substituteMacros()", () => {
  it("maps offsets in the substituted text back to the original", () => {
    const sql = "a @start_date b @end_date c";
    const { text, originalOffset } = substituteMacros(sql, (n) => (n === "@start_date" ? "CAST(? AS TIMESTAMP)" : "?"));
    expect(text).toBe("a CAST(? AS TIMESTAMP) b ? c");
    expect(originalOffset(text.indexOf("b"))).toBe(sql.indexOf("b"));
    expect(originalOffset(text.indexOf("c"))).toBe(sql.indexOf("c"));
    expect(originalOffset(text.indexOf("AS"))).toBe(sql.indexOf("@start_date"));
    expect(originalOffset(0)).toBe(0);
  });
});

describe("lineColumn()", () => {
  it("counts lines and columns from 1", () => {
    expect(lineColumn("ab\ncd\nef", 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn("ab", 0)).toEqual({ line: 1, column: 1 });
  });
});
