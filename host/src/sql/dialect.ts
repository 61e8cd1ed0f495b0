import { RockyError } from "../errors.js";
import type { SqlParam } from "@rocky/protocol";
import { assertIdentifier } from "./identifiers.js";
import { inlineParams, type LiteralSyntax } from "./inline-params.js";

export type DialectName = "duckdb" | "databricks" | "snowflake" | "generic";

export interface TableName {
  readonly catalog?: string | undefined;
  readonly schema: string;
  readonly table: string;
}

/** What a dialect can express; consulted at plan time so an impossible plan is refused before anything runs. */
export interface DialectFeatures {
  readonly createCatalog: boolean;
  readonly merge: boolean;
  readonly materializedView: boolean;
  readonly dynamicTable: boolean;
  readonly qualify: boolean;
}

/** Base SQL rendering of one warehouse. Every identifier passes assertIdentifier here; values are `?` parameters. */
export interface Dialect {
  readonly name: DialectName;
  readonly features: DialectFeatures;
  quote(name: string, what?: string): string;
  tableRef(ref: TableName): string;
  /** A placeholder bound to an ISO-8601 timestamp string. */
  timestampParam(): string;
  currentTimestamp(): string;
  stringType(): string;
  timestampType(): string;
  createCatalog(catalog: string): string;
  createSchema(catalog: string | undefined, schema: string): string;
  createOrReplaceTableAs(ref: TableName, select: string): string;
  insertInto(ref: TableName, select: string, columns?: readonly string[]): string;
  dropTable(ref: TableName): string;
  rowHash(columns: readonly string[]): string;
  /** `WHERE <column> > <timestamp param>` */
  watermarkWhere(column: string): string;
  /** How values are written as literals (string escapes, NUL, timestamps). */
  readonly literals: LiteralSyntax;
  /** `sql` with its `?` placeholders replaced by `params` as literals, for adapters that cannot bind (the original protocol). */
  inlineParams(sql: string, params: readonly SqlParam[]): string;
  /**
   * `WHERE <column> > COALESCE((SELECT MAX(<column>) FROM <target>), <timestamp param>)`: rows past what the target already
   * holds (the stored watermark only while it is empty), read in the statement that inserts them, so a copy committed
   * by a run that died before storing its watermark is never copied again.
   */
  watermarkPastTarget(column: string, target: TableName): string;
}

/** Alias of the target table in the subquery of watermarkPastTarget. */
const TARGET_ALIAS = "rocky_target";

function makeDialect(
  name: DialectName,
  q: (id: string) => string,
  features: DialectFeatures,
  overrides: Partial<Dialect> & ThisType<Dialect> = {},
  literals: Partial<LiteralSyntax> = {},
): Dialect {
  const base: Omit<Dialect, "literals"> = {
    name,
    features,
    quote: (id, what = "identifier") => q(assertIdentifier(id, what)),
    tableRef(ref) {
      const parts = [ref.schema, ref.table].map((p, i) => this.quote(p, i === 0 ? "schema name" : "table name"));
      return ref.catalog ? `${this.quote(ref.catalog, "catalog name")}.${parts.join(".")}` : parts.join(".");
    },
    timestampParam: () => "CAST(? AS TIMESTAMP)",
    currentTimestamp: () => "CURRENT_TIMESTAMP",
    stringType: () => "VARCHAR",
    timestampType: () => "TIMESTAMP",
    createCatalog(catalog) {
      if (!this.features.createCatalog) {
        throw new RockyError("PLAN_INVALID", `Dialect "${name}" cannot create catalogs`, { hint: "Create the catalog by hand or target an existing one" });
      }
      return `CREATE CATALOG IF NOT EXISTS ${this.quote(catalog, "catalog name")}`;
    },
    createSchema(catalog, schema) {
      return `CREATE SCHEMA IF NOT EXISTS ${catalog ? `${this.quote(catalog, "catalog name")}.` : ""}${this.quote(schema, "schema name")}`;
    },
    createOrReplaceTableAs(ref, select) {
      return `CREATE OR REPLACE TABLE ${this.tableRef(ref)} AS\n${select}`;
    },
    insertInto(ref, select, columns) {
      const cols = columns ? ` (${columns.map((c) => this.quote(c, "column name")).join(", ")})` : "";
      return `INSERT INTO ${this.tableRef(ref)}${cols}\n${select}`;
    },
    dropTable(ref) {
      return `DROP TABLE IF EXISTS ${this.tableRef(ref)}`;
    },
    rowHash(columns) {
      return `md5(concat_ws('|', ${columns.map((c) => `coalesce(CAST(${this.quote(c, "column name")} AS VARCHAR), '')`).join(", ")}))`;
    },
    watermarkWhere(column) {
      return `WHERE ${this.quote(column, "watermark column")} > ${this.timestampParam()}`;
    },
    inlineParams(sql, params) {
      return inlineParams(sql, params, (this as Dialect).literals);
    },
    watermarkPastTarget(column, target) {
      const col = this.quote(column, "watermark column");
      const alias = this.quote(TARGET_ALIAS, "alias");
      return `WHERE ${col} > COALESCE((SELECT MAX(${alias}.${col}) FROM ${this.tableRef(target)} AS ${alias}), ${this.timestampParam()})`;
    },
  };
  const dialect = Object.assign(base, overrides) as Dialect;
  const timestampParam = dialect.timestampParam();
  const syntax: LiteralSyntax = {
    backslashEscapes: false,
    nulChar: "chr(0)",
    timestampParam,
    timestampLiteral: (quoted) => timestampParam.replace("?", quoted),
    ...literals,
  };
  return Object.assign(dialect, { literals: syntax });
}

const doubleQuote = (id: string) => `"${id}"`;
const backtick = (id: string) => `\`${id}\``;

export const DUCKDB: Dialect = makeDialect("duckdb", doubleQuote, {
  createCatalog: true, merge: true, materializedView: false, dynamicTable: false, qualify: true,
});

export const DATABRICKS: Dialect = makeDialect(
  "databricks",
  backtick,
  { createCatalog: true, merge: true, materializedView: true, dynamicTable: false, qualify: true },
  {
    currentTimestamp: () => "current_timestamp()",
    stringType: () => "STRING",
    rowHash(columns) {
      return `md5(concat_ws('|', ${columns.map((c) => `coalesce(CAST(${this.quote(c, "column name")} AS STRING), '')`).join(", ")}))`;
    },
  },
  { backslashEscapes: true },
);

/** Snowflake folds unquoted identifiers to upper case; validated identifiers are left unquoted so they fold as users expect. */
export const SNOWFLAKE: Dialect = makeDialect(
  "snowflake",
  (id) => id,
  { createCatalog: true, merge: true, materializedView: false, dynamicTable: true, qualify: true },
  {
    createCatalog(catalog) {
      return `CREATE DATABASE IF NOT EXISTS ${this.quote(catalog, "catalog name")}`;
    },
    timestampParam: () => "TO_TIMESTAMP_NTZ(?)",
    timestampType: () => "TIMESTAMP_NTZ",
    rowHash(columns) {
      return `MD5(CONCAT_WS('|', ${columns.map((c) => `COALESCE(TO_VARCHAR(${this.quote(c, "column name")}), '')`).join(", ")}))`;
    },
  },
  { backslashEscapes: true, nulChar: "CHR(0)" },
);

/**
 * For process adapters whose dialect Rocky does not know: ANSI-ish SQL, no catalogs created, no MERGE. As a literal, a
 * timestamp is a plain quoted string: compared with a timestamp column it converts on nearly every engine, while the type
 * name in `CAST(... AS TIMESTAMP)` does not (SQLite yields a number, SQL Server's TIMESTAMP is a row version).
 */
export const GENERIC: Dialect = makeDialect(
  "generic",
  doubleQuote,
  { createCatalog: false, merge: false, materializedView: false, dynamicTable: false, qualify: false },
  {},
  { nulChar: "CHAR(0)", timestampLiteral: (quoted) => quoted },
);

const DIALECTS: Readonly<Record<string, Dialect>> = { duckdb: DUCKDB, databricks: DATABRICKS, snowflake: SNOWFLAKE, generic: GENERIC };

/** The built-in dialect for a manifest's `dialect` name; unknown names get the generic dialect. */
export function dialectFor(name: string): Dialect {
  return DIALECTS[name.toLowerCase()] ?? GENERIC;
}
