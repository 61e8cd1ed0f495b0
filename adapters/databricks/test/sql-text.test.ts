import { describe, expect, it } from "vitest";
import { quoteLiteral, quotePrincipal } from "../src/identifiers.js";
import { bindParameters } from "../src/parameters.js";
import { lexSql } from "../src/sql-lexer.js";
import { convertValue, protocolTimestamp } from "../src/values.js";

describe("bindParameters()", () => {
  it("names the ? markers in code only, and types each value", () => {
    const sql = "SELECT ?, '?', \"it\\\"s ?\", `col?` -- why?\nFROM t /* ? */ WHERE a = ? AND b IS ?";
    expect(bindParameters(sql, [1, 2.5, null])).toEqual({
      statement: "SELECT :p1, '?', \"it\\\"s ?\", `col?` -- why?\nFROM t /* ? */ WHERE a = :p2 AND b IS :p3",
      parameters: [{ name: "p1", value: "1", type: "BIGINT" }, { name: "p2", value: "2.5", type: "DOUBLE" }, { name: "p3" }],
    });
    expect(bindParameters("SELECT ? || ?", [true, "x"]).parameters).toEqual([{ name: "p1", value: "true", type: "BOOLEAN" }, { name: "p2", value: "x", type: "STRING" }]);
    expect(bindParameters("SELECT '?'", [])).toEqual({ statement: "SELECT '?'", parameters: [] });
    expect(() => bindParameters("SELECT '?'", [1])).toThrow('The statement has 0 "?" parameter marker(s) but 1 parameter value(s) were given');
  });

  it("lexSql() keeps escaped quotes and doubled backquotes inside their segment, and an unterminated literal to the end", () => {
    expect(lexSql("a 'b\\'c' `d``e` f 'g").map((s) => [s.kind, s.text])).toEqual([
      ["code", "a "], ["string", "'b\\'c'"], ["code", " "], ["identifier", "`d``e`"], ["code", " f "], ["string", "'g"],
    ]);
  });
});

describe("literals and principals", () => {
  it("quoteLiteral() escapes backslashes, quotes and newlines as Spark SQL reads them", () => {
    expect(quoteLiteral("it's a \\ path\nnext")).toBe("'it\\'s a \\\\ path\\nnext'");
    expect(() => quoteLiteral("nul\0")).toThrow("NUL characters are not allowed");
  });

  it("quotePrincipal() backquotes names with spaces and @, doubling backquotes, and refuses control characters", () => {
    expect(quotePrincipal("ana@example.com")).toBe("`ana@example.com`");
    expect(quotePrincipal("data `eng`")).toBe("`data ``eng```");
    expect(() => quotePrincipal("x\ny")).toThrow('Invalid principal "x\\ny"');
  });
});

describe("convertValue()", () => {
  it("converts JSON_ARRAY strings by type_name", () => {
    expect([
      convertValue("42", "INT"), convertValue("-9007199254740993", "LONG"), convertValue("1e3", "DOUBLE"), convertValue("NaN", "DOUBLE"),
      convertValue("false", "BOOLEAN"), convertValue("12.50", "DECIMAL"), convertValue("[1,2]", "ARRAY"), convertValue(null, "INT"), convertValue("x", undefined),
    ]).toEqual([42, "-9007199254740993", 1000, "NaN", false, "12.50", [1, 2], null, "x"]);
  });

  it("protocolTimestamp() reads ISO-8601 with Z or offset zero into YYYY-MM-DD HH:MM:SS[.ffffff]", () => {
    expect(["2024-01-02T03:04:05.000Z", "2024-01-02T03:04:05.1Z", "2024-01-02 03:04:05.123456789", "2024-01-02T03:04:05+00:00", "not a time"].map(protocolTimestamp)).toEqual([
      "2024-01-02 03:04:05", "2024-01-02 03:04:05.100000", "2024-01-02 03:04:05.123456", "2024-01-02 03:04:05", "not a time",
    ]);
  });
});
