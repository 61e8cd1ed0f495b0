import { describe, expect, it } from "vitest";
import { findTableNames, rewriteTableReferences, scanTableNames } from "../../src/models/rewrite-table-references.js";

const names = (sql: string) => findTableNames(sql).map((s) => [s.parts.join("."), sql.slice(s.start, s.end)]);

describe("findTableNames()", () => {
  it("finds names after FROM, JOIN and commas, at every query level", () => {
    const sql =
      'WITH x AS (SELECT * FROM a) SELECT * FROM x JOIN s.b AS bb ON x.id = bb.id, "q"."c" cc LEFT JOIN d USING (id) WHERE id IN (SELECT id FROM e) UNION ALL SELECT 1 FROM cat.s.f, (SELECT 1 FROM g) h';
    expect(names(sql)).toEqual([
      ["a", "a"],
      ["x", "x"],
      ["s.b", "s.b"],
      ["q.c", '"q"."c"'],
      ["d", "d"],
      ["e", "e"],
      ["cat.s.f", "cat.s.f"],
      ["g", "g"],
    ]);
  });

  it("ignores FROM inside function calls, table functions, strings and comments", () => {
    const sql = "SELECT EXTRACT(YEAR FROM ts), 'FROM t1' FROM read_csv('x.csv') -- FROM t2\n/* JOIN t3 */ JOIN t4 ON TRIM(BOTH FROM y) = 'a'";
    expect(names(sql)).toEqual([["t4", "t4"]]);
  });
});

describe("scanTableNames()", () => {
  const ctes = (sql: string) => [...scanTableNames(sql).cteNames];

  it("collects the CTE names of WITH lists, with column lists, RECURSIVE and MATERIALIZED, at any level", () => {
    expect(ctes("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT * FROM t")).toEqual(["t"]);
    expect(ctes('WITH a AS MATERIALIZED (SELECT 1), "B" (x) AS NOT MATERIALIZED (SELECT * FROM a) SELECT * FROM "B"')).toEqual(["a", "b"]);
    expect(ctes("WITH x AS (SELECT * FROM t1) SELECT * FROM (WITH y AS (SELECT * FROM x) SELECT * FROM y) z")).toEqual(["x", "y"]);
  });

  it("takes WITH only at the start of a query, and finds the tables after the WITH list", () => {
    const scan = scanTableNames("WITH a (x, y) AS (SELECT 1, 2) SELECT CAST(ts AS TIMESTAMP WITH TIME ZONE), ts::timestamp with time zone FROM a, other");
    expect([...scan.cteNames]).toEqual(["a"]);
    expect(scan.spans.map((s) => s.parts.join("."))).toEqual(["a", "other"]);
  });

  it("does not take a file path or the word after it for a table", () => {
    expect(names("SELECT * FROM 'data/x.csv' AS f JOIN t5 USING (id)")).toEqual([["t5", "t5"]]);
  });
});

describe("rewriteTableReferences()", () => {
  it("replaces only the names the callback maps", () => {
    const out = rewriteTableReferences("SELECT * FROM stg JOIN other ON 1 = 1", ({ parts }) => (parts[0] === "stg" ? '"wh"."silver"."stg"' : undefined));
    expect(out).toBe('SELECT * FROM "wh"."silver"."stg" JOIN other ON 1 = 1');
  });
});
