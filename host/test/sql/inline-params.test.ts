import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { DATABRICKS, DUCKDB, GENERIC, SNOWFLAKE } from "../../src/sql/dialect.js";
import { placeholderOffsets } from "../../src/sql/inline-params.js";
import { HOSTILE } from "./hostile-strings.js";


describe("placeholderOffsets()", () => {
  it.each([
    ["SELECT ?, ?", [7, 10]],
    ["SELECT '?', \"?\", `?`, ?", [22]],
    ["SELECT 'it''s ?' || ?", [20]],
    ["SELECT ? -- ?\n, ?", [7, 16]],
    ["SELECT /* ? */ ?", [15]],
    ["SELECT $$ ? $$, $tag$ ? $tag$, ?", [31]],
  ])("finds the placeholders of %j outside strings, identifiers and comments", (sql, offsets) => {
    expect(placeholderOffsets(sql, false)).toEqual(offsets);
  });

  it("honours backslash escapes only where the dialect has them", () => {
    expect(placeholderOffsets("SELECT 'a\\' ?', ?", true)).toEqual([16]);
    // Without backslash escapes the string ends at the backslash's quote, and the last quote opens one that never closes.
    expect(placeholderOffsets("SELECT 'a\\' ?', ?", false)).toEqual([12]);
  });
});

describe("Dialect.inlineParams()", () => {
  it("writes strings, numbers, booleans and NULL as literals", () => {
    expect(DUCKDB.inlineParams("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)", ["it's", 42, -7, 1e-7, true, null])).toBe(
      "INSERT INTO t VALUES ('it''s', 42, (-7), 1e-7, TRUE, NULL)",
    );
    expect(DUCKDB.inlineParams("SELECT x -?", [-1])).toBe("SELECT x -(-1)");
  });

  it("doubles backslashes for dialects whose strings escape with them", () => {
    expect(DATABRICKS.inlineParams("SELECT ?", ["a\\'b"])).toBe("SELECT 'a\\\\''b'");
    expect(SNOWFLAKE.inlineParams("SELECT ?", ["a\\'b"])).toBe("SELECT 'a\\\\''b'");
    expect(GENERIC.inlineParams("SELECT ?", ["a\\'b"])).toBe("SELECT 'a\\''b'");
  });

  it("splices NUL in with the dialect's character function", () => {
    expect(DUCKDB.inlineParams("SELECT ?", ["a\0b"])).toBe("SELECT ('a' || chr(0) || 'b')");
    expect(GENERIC.inlineParams("SELECT ?", ["a\0b"])).toBe("SELECT ('a' || CHAR(0) || 'b')");
    expect(SNOWFLAKE.inlineParams("SELECT ?", ["\0"])).toBe("SELECT ('' || CHR(0) || '')");
  });

  it("replaces the dialect's timestamp placeholder by its timestamp literal", () => {
    expect(DUCKDB.inlineParams(DUCKDB.watermarkWhere("ts"), ["2024-01-02 03:04:05"])).toBe(`WHERE "ts" > CAST('2024-01-02 03:04:05' AS TIMESTAMP)`);
    expect(SNOWFLAKE.inlineParams(SNOWFLAKE.watermarkWhere("ts"), ["2024-01-02"])).toBe("WHERE ts > TO_TIMESTAMP_NTZ('2024-01-02')");
    expect(GENERIC.inlineParams(GENERIC.watermarkWhere("ts"), ["2024-01-02 03:04:05.5"])).toBe(`WHERE "ts" > '2024-01-02 03:04:05.5'`);
    expect(GENERIC.inlineParams(`SELECT ${GENERIC.timestampParam()}, ?`, [null, "x"])).toBe("SELECT CAST(NULL AS TIMESTAMP), 'x'");
  });

  it("refuses a parameter count that does not match the placeholders", () => {
    expect(() => DUCKDB.inlineParams("SELECT ?, '?'", [1, 2])).toThrow('Cannot write 2 parameter(s) into SQL with 1 "?" placeholder(s): SELECT ?, \'?\'');
  });

  it("delivers hostile strings to DuckDB as data", async () => {
    const db = await DuckDBInstance.create(":memory:");
    const conn = await db.connect();
    await conn.run("CREATE TABLE x (id INTEGER, s VARCHAR, ts TIMESTAMP, d DATE)");
    for (const [i, s] of HOSTILE.entries()) {
      await conn.run(DUCKDB.inlineParams(`INSERT INTO x VALUES (?, ?, ${DUCKDB.timestampParam()}, CAST(? AS DATE))`, [i, s, "2024-02-29 13:45:30.123456", "2024-02-29"]));
    }
    const rows = (await conn.runAndReadAll("SELECT s, CAST(ts AS VARCHAR), CAST(d AS VARCHAR) FROM x ORDER BY id")).getRows();
    expect(rows.map((r) => r[0])).toEqual(HOSTILE);
    expect(new Set(rows.map((r) => `${String(r[1])} ${String(r[2])}`))).toEqual(new Set(["2024-02-29 13:45:30.123456 2024-02-29"]));
    const found = (await conn.runAndReadAll(DUCKDB.inlineParams("SELECT count(*)::INTEGER FROM x WHERE s = ? OR s = ?", ["'; DROP TABLE x; --", "nul\0in\0side"]))).getRows();
    expect(found).toEqual([[2]]);
    conn.closeSync();
  });
});
