import { describe, expect, it } from "vitest";
import { jwtAccount } from "../src/auth/key-pair-jwt.js";
import { toBindings } from "../src/sql-api/bindings.js";
import { convertValue, typeName } from "../src/sql-api/row-values.js";

describe("convertValue()", () => {
  const f = (type: string, extra: object = {}) => ({ name: "C", type, ...extra });

  it("reads FIXED as a number within 2^53, a string beyond, and a decimal string with a scale", () => {
    expect(convertValue("42", f("fixed", { scale: 0 }))).toBe(42);
    expect(convertValue("-9007199254740991", f("fixed", { scale: 0 }))).toBe(-9007199254740991);
    expect(convertValue("9007199254740993", f("fixed", { scale: 0 }))).toBe("9007199254740993");
    expect(convertValue("12.50", f("fixed", { scale: 2 }))).toBe("12.50");
  });

  it("reads DATE, TIME and TIMESTAMP_* from seconds since the epoch", () => {
    expect(convertValue("19782", f("date"))).toBe("2024-02-29");
    expect(convertValue("-1", f("date"))).toBe("1969-12-31");
    expect(convertValue("49530.123456000", f("time"))).toBe("13:45:30.123456");
    expect(convertValue("1709214330.123456789", f("timestamp_ntz"))).toBe("2024-02-29 13:45:30.123456");
    expect(convertValue("1709164800.000000000", f("timestamp_ltz"))).toBe("2024-02-29 00:00:00");
    expect(convertValue("-0.500000000", f("timestamp_ntz"))).toBe("1969-12-31 23:59:59.500000");
    expect(convertValue("1616173619.000000000 960", f("timestamp_tz"))).toBe("2021-03-19 17:06:59");
  });

  it("reads REAL, BOOLEAN, NULL and text", () => {
    expect(convertValue("1e-07", f("real"))).toBe(1e-7);
    expect(convertValue("true", f("boolean"))).toBe(true);
    expect(convertValue("false", f("boolean"))).toBe(false);
    expect(convertValue(null, f("fixed"))).toBeNull();
    expect(convertValue('{"a":1}', f("variant"))).toBe('{"a":1}');
  });

  it("names types as Snowflake spells them", () => {
    expect([f("fixed", { precision: 38, scale: 0 }), f("real"), f("text"), f("timestamp_ntz")].map(typeName)).toEqual(["NUMBER(38,0)", "FLOAT", "VARCHAR", "TIMESTAMP_NTZ"]);
  });
});

describe("toBindings()", () => {
  it("types each param and numbers them from 1", () => {
    expect(toBindings([1, 2.5, "x", false, null])).toEqual({
      "1": { type: "FIXED", value: "1" },
      "2": { type: "REAL", value: "2.5" },
      "3": { type: "TEXT", value: "x" },
      "4": { type: "BOOLEAN", value: "false" },
      "5": { type: "TEXT", value: null },
    });
    expect(toBindings([])).toBeUndefined();
  });
});

describe("jwtAccount()", () => {
  it("upper-cases the account and drops the region of a locator", () => {
    expect(jwtAccount("xy12345.us-east-1.aws")).toBe("XY12345");
    expect(jwtAccount("myorg-myaccount")).toBe("MYORG-MYACCOUNT");
  });
});

describe("inlineParams()", () => {
  it("replaces ? outside literals, quoted identifiers and comments with escaped Snowflake literals", async () => {
    const { inlineParams } = await import("../src/sql-api/inline-params.js");
    const sql = `SELECT ?, '?', 'it''s ?', 'a\\'?', "col?", $$?$$, ? -- ?\n, ? /* ? */, ?`;
    expect(inlineParams(sql, [1, "o'k \\ x", null, 2.5])).toBe(`SELECT 1, '?', 'it''s ?', 'a\\'?', "col?", $$?$$, 'o''k \\\\ x' -- ?\n, NULL /* ? */, 2.5`);
    expect(() => inlineParams("SELECT ?, ?", [1])).toThrow("The statement has more ? placeholders than its 1 params");
    expect(() => inlineParams("SELECT 1", [1])).toThrow("The statement has fewer ? placeholders than its 1 params");
  });
});
