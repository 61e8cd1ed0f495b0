import { describe, expect, it } from "vitest";
import { splitStatements } from "./scan-sql.js";
import { translate } from "./translate-sql.js";

describe("test server translate()", () => {
  it("folds unquoted names to upper case and leaves literals and quoted names alone", () => {
    expect(translate(`select a, "b", 'c d' from s.t -- note`)).toEqual({ kind: "duckdb", sql: `SELECT A, "b", 'c d' FROM S.T -- note`, waitSeconds: 0 });
  });

  it("reads Snowflake string escapes into standard literals", () => {
    expect(translate(String.raw`select 'it\'s', 'a\\b', 'x''y', 'tab\t', $$raw 'q'$$`)).toMatchObject({ sql: "SELECT 'it''s', 'a\\b', 'x''y', 'tab\t', 'raw ''q'''" });
  });

  it("turns a dynamic table into a table and keeps its lag and warehouse, a comment before them included", () => {
    expect(translate("create or replace dynamic table db.s.dt /* lag */\ntarget_lag = '5 minutes'\nwarehouse = wh\nas\nselect 1 as x")).toEqual({
      kind: "dynamic-table",
      target: "DB.S.DT",
      lag: "5 minutes",
      warehouse: "WH",
      select: "SELECT 1 AS X",
    });
  });

  it("answers grants, tags, sessions and databases itself", () => {
    expect(translate("grant select on table db.s.t to role analyst")).toEqual({ kind: "grant", privilege: "SELECT", objectKind: "TABLE", object: "DB.S.T", role: "ANALYST" });
    expect(translate("alter table s.t set tag s.owner = 'a''b', s.pii = 'no'")).toEqual({ kind: "set-tags", table: "S.T", tags: [["S.OWNER", "a'b"], ["S.PII", "no"]] });
    expect(translate("ALTER SESSION SET TRANSACTION_ABORT_ON_ERROR = TRUE")).toEqual({ kind: "alter-session", name: "TRANSACTION_ABORT_ON_ERROR", value: "TRUE" });
    expect(translate("create database if not exists lake")).toEqual({ kind: "create-database", name: "LAKE", ifNotExists: true });
  });

  it("maps types, catalog views and SYSTEM$WAIT", () => {
    expect(translate("create table t (a timestamp_ntz, b number(10,2), c variant)")).toMatchObject({ sql: "CREATE TABLE T (A TIMESTAMP, B DECIMAL(10,2), C JSON)" });
    expect(translate("select system$wait(2)")).toEqual({ kind: "duckdb", sql: "SELECT 'waited 2 seconds'", waitSeconds: 2 });
    expect((translate("select column_name from lake.information_schema.columns") as { sql: string }).sql).toMatch(/^SELECT COLUMN_NAME FROM \(SELECT \* REPLACE \(.+\) FROM INFORMATION_SCHEMA\.COLUMNS WHERE TABLE_CATALOG = 'LAKE'\) AS COLUMNS$/);
  });
});

describe("test server splitStatements()", () => {
  it("splits on semicolons outside literals and comments and numbers each statement's first line", () => {
    expect(splitStatements("begin;\ninsert into t values (';');\n-- c;\ndelete from t\nwhere x = 1\n;\ncommit")).toEqual([
      { sql: "begin", line: 1 },
      { sql: "insert into t values (';')", line: 2 },
      { sql: "-- c;\ndelete from t\nwhere x = 1", line: 3 },
      { sql: "commit", line: 7 },
    ]);
  });
});
