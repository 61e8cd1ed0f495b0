import { describe, expect, it } from "vitest";
import { parseColumnType, safeDataType } from "../../src/schema-change/column-type.js";
import { alterableInPlace, compareTypes } from "../../src/schema-change/compare-types.js";

describe("parseColumnType()", () => {
  it("rebuilds a type from the strict grammar and refuses anything else", () => {
    expect(safeDataType("VARCHAR")).toBe("VARCHAR");
    expect(safeDataType("timestamp with time zone")).toBe("TIMESTAMP WITH TIME ZONE");
    expect(safeDataType("DECIMAL(18,2)")).toBe("DECIMAL(18, 2)");
    expect(safeDataType('STRUCT(a INTEGER, "b" VARCHAR[])')).toBe("STRUCT(a INTEGER, b VARCHAR[])");
    expect(safeDataType("MAP(VARCHAR, INTEGER)")).toBe("MAP(VARCHAR, INTEGER)");
    expect(safeDataType("INTEGER[3]")).toBe("INTEGER[3]");
    expect(safeDataType('STRUCT("y z" VARCHAR)')).toBeUndefined();
    expect(safeDataType("ENUM('a', 'b')")).toBeUndefined();
    expect(safeDataType("INT); DROP TABLE x; --")).toBeUndefined();
    expect(safeDataType("INT -- x")).toBeUndefined();
    expect(safeDataType("")).toBeUndefined();
  });

  it("maps warehouse spellings and Rocky type names to one family", () => {
    expect(parseColumnType("Int64")).toEqual({ sql: "INT64", family: "int64" });
    expect(parseColumnType("BIGINT")?.family).toBe("int64");
    expect(parseColumnType("String")?.family).toBe("string");
    expect(parseColumnType("VARCHAR(20)")).toEqual({ sql: "VARCHAR(20)", family: "string", length: 20 });
    expect(parseColumnType("NUMBER", "snowflake")).toEqual({ sql: "NUMBER", family: "decimal", precision: 38, scale: 0 });
    expect(parseColumnType("DECIMAL", "duckdb")).toEqual({ sql: "DECIMAL", family: "decimal", precision: 18, scale: 3 });
    expect(parseColumnType("FLOAT", "snowflake")?.family).toBe("float64");
    expect(parseColumnType("FLOAT", "duckdb")?.family).toBe("float32");
    expect(parseColumnType("INTEGER[]")?.family).toBe("other");
  });
});

describe("compareTypes()", () => {
  it("knows the safe widenings, in both directions", () => {
    const cases: [string, string, string][] = [
      ["INTEGER", "INT", "same"],
      ["VARCHAR", "STRING", "same"],
      ["TINYINT", "SMALLINT", "widening"],
      ["INTEGER", "BIGINT", "widening"],
      ["BIGINT", "INTEGER", "narrowing"],
      ["FLOAT", "DOUBLE", "widening"],
      ["DECIMAL(10,2)", "DECIMAL(12,2)", "widening"],
      ["DECIMAL(10,2)", "DECIMAL(12,3)", "incompatible"],
      ["VARCHAR(10)", "VARCHAR(20)", "widening"],
      ["VARCHAR(10)", "VARCHAR", "widening"],
      ["DATE", "VARCHAR", "widening"],
      ["BOOLEAN", "VARCHAR(5)", "incompatible"],
      ["VARCHAR", "INTEGER", "narrowing"],
      ["DATE", "TIMESTAMP", "incompatible"],
      ["INTEGER", "DOUBLE", "incompatible"],
      ["INTEGER[]", "INTEGER[]", "same"],
      ["ENUM('a')", "ENUM('b')", "incompatible"],
    ];
    expect(cases.map(([a, b]) => [a, b, compareTypes(a, b, "duckdb")])).toEqual(cases);
  });

  it("alters in place only what the dialect can", () => {
    expect(alterableInPlace("INTEGER", "BIGINT", "duckdb")).toBe(true);
    expect(alterableInPlace("INTEGER", "VARCHAR", "duckdb")).toBe(true);
    expect(alterableInPlace("INT", "BIGINT", "databricks")).toBe(true);
    expect(alterableInPlace("INT", "STRING", "databricks")).toBe(false);
    expect(alterableInPlace("NUMBER(10,0)", "NUMBER(20,0)", "snowflake")).toBe(true);
    expect(alterableInPlace("INTEGER", "BIGINT", "generic")).toBe(false);
    expect(alterableInPlace("BIGINT", "INTEGER", "duckdb")).toBe(false);
  });
});
