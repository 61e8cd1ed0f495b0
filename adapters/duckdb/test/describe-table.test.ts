import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useAdapters, type AdapterProcess } from "./adapter-process.js";

const { open, path } = useAdapters();

type Ref = { catalog: string; schema: string; table: string };
type Columns = { name: string; data_type: string; nullable: boolean }[];

const SETUP = `
  CREATE SCHEMA s;
  CREATE TABLE s.typed (
    id INTEGER PRIMARY KEY, d DECIMAL(18,3), n VARCHAR NOT NULL, tz TIMESTAMP WITH TIME ZONE, st STRUCT(a INTEGER, b VARCHAR[]),
    e ENUM('x', 'y'), l INTEGER[], m MAP(VARCHAR, INTEGER), u UNION(a INTEGER, b VARCHAR), arr INTEGER[3], "Mixed Case" INTEGER,
    big HUGEINT, uuid UUID, j JSON, dflt INTEGER DEFAULT 4, chk INTEGER CHECK (chk > 0)
  );
  CREATE VIEW s.v AS SELECT id, n FROM s.typed;
  CREATE TABLE s.gone (a INTEGER);
  CREATE VIEW s.broken AS SELECT a FROM s.gone;
  DROP TABLE s.gone;
  CREATE SCHEMA "MixedSchema";
  CREATE TABLE "MixedSchema"."MixedTable" (x INTEGER);
  CREATE TABLE main.plain (x BIGINT NOT NULL);
  CREATE TABLE sales.main.orders (id BIGINT);
`;

/** What describe_table answered before it stopped reading information_schema: the reference semantics. */
async function reference(a: AdapterProcess, ref: Ref): Promise<Columns | undefined> {
  const { rows } = await a.result<{ rows: [string, string, string][] }>("execute_query", {
    sql: `SELECT column_name, data_type, is_nullable FROM information_schema.columns
          WHERE lower(table_catalog) = lower(coalesce(nullif(?, ''), current_database())) AND lower(table_schema) = lower(?) AND lower(table_name) = lower(?)
          ORDER BY ordinal_position`,
    params: [ref.catalog, ref.schema, ref.table],
  });
  return rows.length === 0 ? undefined : rows.map(([name, data_type, nullable]) => ({ name, data_type, nullable: nullable === "YES" }));
}

const REFS: Ref[] = [
  { catalog: "warehouse", schema: "s", table: "typed" },
  { catalog: "", schema: "s", table: "typed" },
  { catalog: "WAREHOUSE", schema: "S", table: "TYPED" },
  { catalog: "warehouse", schema: "s", table: "v" },
  { catalog: "warehouse", schema: "s", table: "broken" },
  { catalog: "", schema: "mixedschema", table: "mixedtable" },
  { catalog: "", schema: "main", table: "plain" },
  { catalog: "sales", schema: "main", table: "orders" },
  { catalog: "", schema: "sales", table: "orders" },
  { catalog: "", schema: "main", table: "orders" },
  { catalog: "warehouse", schema: "s", table: "nope" },
  { catalog: "warehouse", schema: "nope", table: "typed" },
  { catalog: "nope", schema: "s", table: "typed" },
  { catalog: "sales", schema: "s", table: "typed" },
  { catalog: "warehouse", schema: "s", table: "gone" },
];

describe("duckdb adapter describe_table and table_exists", () => {
  it("answer what information_schema says for tables, views, broken views, cases, catalogs and missing names", async () => {
    const a = await open();
    await a.result("catalog/create", { catalog: "sales" });
    await a.result("execute_statement", { sql: SETUP });
    for (const ref of REFS) {
      const expected = await reference(a, ref);
      const described = await a.request("describe_table", ref);
      const exists = await a.result("table_exists", ref);
      if (expected === undefined) {
        expect({ ref, error: described.error, exists }).toEqual({
          ref,
          error: { code: -32053, message: `Table ${[ref.catalog, ref.schema, ref.table].filter((p) => p !== "").map((p) => `"${p}"`).join(".")} does not exist`, data: { code: "NOT_FOUND" } },
          exists: { exists: false },
        });
      } else {
        expect({ ref, result: described.result, exists }).toEqual({ ref, result: { columns: expected }, exists: { exists: true } });
      }
    }
  });

  it("lists a table's columns in order with DuckDB's type names and NOT NULL from constraints", async () => {
    const a = await open();
    await a.result("catalog/create", { catalog: "sales" });
    await a.result("execute_statement", { sql: SETUP });
    const { columns } = await a.result<{ columns: Columns }>("describe_table", { catalog: "", schema: "s", table: "typed" });
    expect(columns.map((c) => `${c.name} ${c.data_type}${c.nullable ? "" : " NOT NULL"}`)).toEqual([
      "id INTEGER NOT NULL", "d DECIMAL(18,3)", "n VARCHAR NOT NULL", "tz TIMESTAMP WITH TIME ZONE", "st STRUCT(a INTEGER, b VARCHAR[])",
      "e ENUM('x', 'y')", "l INTEGER[]", "m MAP(VARCHAR, INTEGER)", "u UNION(a INTEGER, b VARCHAR)", "arr INTEGER[3]", "Mixed Case INTEGER",
      "big HUGEINT", "uuid UUID", "j JSON", "dflt INTEGER", "chk INTEGER",
    ]);
    expect(await a.result("describe_table", { catalog: "", schema: "s", table: "v" })).toEqual({
      columns: [{ name: "id", data_type: "INTEGER", nullable: true }, { name: "n", data_type: "VARCHAR", nullable: true }],
    });
    expect(await a.result("describe_table", { catalog: "", schema: "s", table: "broken" })).toEqual({ columns: [{ name: "a", data_type: "INTEGER", nullable: true }] });
  });

  it("resolves the empty catalog to a main database whose file name is not an identifier", async () => {
    const a = await open({ path: join(path(), "my-db.duckdb") });
    await a.result("execute_statement", { sql: "CREATE SCHEMA s; CREATE TABLE s.t (x INTEGER NOT NULL)" });
    expect(await a.result("describe_table", { catalog: "", schema: "s", table: "t" })).toEqual({ columns: [{ name: "x", data_type: "INTEGER", nullable: false }] });
    expect(await a.result("table_exists", { catalog: "", schema: "s", table: "nope" })).toEqual({ exists: false });
  });

  it("refuses names that are not identifiers before touching SQL", async () => {
    const a = await open();
    for (const method of ["describe_table", "table_exists"]) {
      const answer = await a.request(method, { catalog: 'x"; DROP', schema: "s", table: "t" });
      expect(answer.error).toMatchObject({ code: -32602, message: 'Invalid catalog name "x\\"; DROP": identifiers must match ^[a-zA-Z0-9_]+$' });
    }
  });
});
