// Everything this test server changes in Databricks SQL before DuckDB runs it, in one place, and the Unity Catalog
// statements DuckDB has no counterpart for (catalogs, tags, grants), which the server answers from its own state.
// Databricks SQL reference: https://docs.databricks.com/en/sql/language-manual/index.html
import { lexSql } from "../../src/sql-lexer.js";

/** Unity Catalog objects the server keeps beside DuckDB. */
export interface CatalogState {
  readonly tags: Map<string, Record<string, string>>;
  /** securable key ("TABLE c.s.t") → principal → privileges. */
  readonly grants: Map<string, Map<string, Set<string>>>;
}

export type Translated =
  | { readonly kind: "sql"; readonly sql: string; readonly values: Record<string, string | null>; readonly atomic?: readonly string[] }
  | { readonly kind: "catalog"; readonly attach?: string; readonly detach?: string; readonly ifExists: boolean }
  | { readonly kind: "rows"; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: "grants"; readonly securable: Securable; readonly change?: { readonly op: "GRANT" | "REVOKE"; readonly privileges: readonly string[]; readonly principal: string } }
  | { readonly kind: "tags"; readonly securable: Securable; readonly tags: Readonly<Record<string, string>> };

export interface Securable {
  readonly type: "CATALOG" | "SCHEMA" | "TABLE";
  /** Dot-separated, unquoted. */
  readonly name: string;
}

/** Run once on the server's DuckDB: Databricks' type names for information_schema.columns. */
export const SETUP_SQL = `CREATE OR REPLACE MACRO uc_full_type(t) AS CASE
  WHEN t = 'INTEGER' THEN 'int' WHEN t = 'VARCHAR' THEN 'string' WHEN t = 'SMALLINT' THEN 'smallint' WHEN t = 'TINYINT' THEN 'tinyint'
  WHEN t LIKE 'TIMESTAMP%' THEN 'timestamp' WHEN t = 'BLOB' THEN 'binary' WHEN t = 'HUGEINT' THEN 'decimal(38,0)'
  ELSE lower(replace(t, ' ', '')) END`;

const UC_COLUMNS = `(SELECT table_catalog, table_schema, table_name, column_name, ordinal_position, is_nullable,
  uc_full_type(data_type) AS full_data_type, upper(regexp_replace(uc_full_type(data_type), '\\(.*$', '')) AS data_type
  FROM information_schema.columns)`;

// DuckDB's temp catalog and pg_catalog schemas have no Unity Catalog counterpart.
const UC_SCHEMATA = `(SELECT * FROM information_schema.schemata WHERE catalog_name <> 'temp' AND schema_name <> 'pg_catalog')`;

/**
 * Databricks SQL → DuckDB. `parameters` are the request's named parameters (STRING when untyped, as the API
 * documents); each `:name` becomes `CAST($name AS type)`.
 */
export function translate(sql: string, parameters: ReadonlyArray<{ name: string; value?: string | null; type?: string }>): Translated {
  const types = new Map(parameters.map((p) => [p.name, duckType(p.type ?? "STRING")]));
  const values: Record<string, string | null> = {};
  for (const p of parameters) values[p.name] = p.value ?? null;
  const text = lexSql(sql.trim().replace(/;\s*$/, ""))
    .map((s) => {
      if (s.kind === "identifier") return `"${s.text.slice(1, -1).replaceAll("``", "`").replaceAll('"', '""')}"`;
      if (s.kind === "string") return `'${unescapeString(s.text).replaceAll("'", "''")}'`;
      if (s.kind === "comment") return " ";
      return s.text
        .replace(/(?<![:\w]):([A-Za-z_]\w*)/g, (all, name: string) => (types.has(name) ? `CAST($${name} AS ${types.get(name)})` : all))
        .replace(/\bcurrent_timestamp\s*\(\s*\)/gi, "current_timestamp")
        .replace(/\bTIMESTAMP_NTZ\b/gi, "TIMESTAMP")
        .replace(/\bcurrent_catalog\s*\(\s*\)/gi, "current_database()")
        .replace(/\bsystem\.information_schema\.columns\b/gi, () => UC_COLUMNS)
        .replace(/\bsystem\.information_schema\.schemata\b/gi, () => UC_SCHEMATA)
        .replace(/\bsystem\.information_schema\./gi, "information_schema.");
    })
    .join("");
  return special(text, values) ?? { kind: "sql", sql: text, values };
}

const NAME = String.raw`((?:"[^"]+"|\w+)(?:\.(?:"[^"]+"|\w+))*)`;

function special(sql: string, values: Record<string, string | null>): Translated | undefined {
  let m = new RegExp(String.raw`^CREATE\s+CATALOG\s+(IF\s+NOT\s+EXISTS\s+)?${NAME}\s*$`, "i").exec(sql);
  if (m) return { kind: "catalog", attach: unquote(m[2] ?? ""), ifExists: Boolean(m[1]) };
  m = new RegExp(String.raw`^DROP\s+CATALOG\s+(IF\s+EXISTS\s+)?${NAME}(\s+CASCADE)?\s*$`, "i").exec(sql);
  if (m) return { kind: "catalog", detach: unquote(m[2] ?? ""), ifExists: Boolean(m[1]) };
  m = new RegExp(String.raw`^ALTER\s+(CATALOG|SCHEMA|TABLE)\s+${NAME}\s+SET\s+TAGS\s*\((.*)\)\s*$`, "is").exec(sql);
  if (m) return { kind: "tags", securable: securable(m[1], m[2]), tags: parseTags(m[3] ?? "") };
  m = new RegExp(String.raw`^(GRANT|REVOKE)\s+(.+?)\s+ON\s+(CATALOG|SCHEMA|TABLE)\s+${NAME}\s+(?:TO|FROM)\s+(?:"([^"]+)"|(\w+))\s*$`, "is").exec(sql);
  if (m) {
    const privileges = (m[2] ?? "").split(",").map((p) => p.trim().toUpperCase().replace(/\s+/g, "_"));
    return { kind: "grants", securable: securable(m[3], m[4]), change: { op: (m[1] ?? "").toUpperCase() as "GRANT" | "REVOKE", privileges, principal: m[5] ?? m[6] ?? "" } };
  }
  m = new RegExp(String.raw`^SHOW\s+GRANTS\s+ON\s+(CATALOG|SCHEMA|TABLE)\s+${NAME}\s*$`, "i").exec(sql);
  if (m) return { kind: "grants", securable: securable(m[1], m[2]) };
  // DuckDB has no materialized views: the test server keeps a snapshot table, refreshed each time it is recreated.
  // https://docs.databricks.com/en/sql/language-manual/sql-ref-syntax-ddl-create-materialized-view.html
  m = /^CREATE\s+(OR\s+REPLACE\s+)?MATERIALIZED\s+VIEW\s+(.*)$/is.exec(sql);
  if (m) return { kind: "sql", sql: `CREATE ${m[1] ?? ""}TABLE ${m[2]}`, values };
  m = /^DROP\s+MATERIALIZED\s+VIEW\s+(.*)$/is.exec(sql);
  if (m) return { kind: "sql", sql: `DROP TABLE ${m[1]}`, values };
  // INSERT INTO t REPLACE WHERE cond SELECT ...: a DELETE and an INSERT, atomically.
  // https://docs.databricks.com/en/sql/language-manual/sql-ref-syntax-dml-insert-into.html
  m = new RegExp(String.raw`^INSERT\s+INTO\s+(?:TABLE\s+)?${NAME}\s+REPLACE\s+WHERE\s+(.+?)\s+((?:SELECT|WITH|FROM)\b.*)$`, "is").exec(sql);
  if (m) return { kind: "sql", sql: "", values, atomic: [`DELETE FROM ${m[1]} WHERE ${m[2]}`, `INSERT INTO ${m[1]} ${m[3]}`] };
  return undefined;
}

function securable(type: string | undefined, name: string | undefined): Securable {
  return { type: (type ?? "").toUpperCase() as Securable["type"], name: unquote(name ?? "") };
}

function unquote(name: string): string {
  return name
    .split(".")
    .map((p) => p.replace(/^"|"$/g, ""))
    .join(".");
}

function parseTags(list: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const m of list.matchAll(/'((?:[^']|'')*)'\s*=\s*'((?:[^']|'')*)'/g)) tags[(m[1] ?? "").replaceAll("''", "'")] = (m[2] ?? "").replaceAll("''", "'");
  return tags;
}

/** The body of a Spark SQL string literal: backslash escapes read, delimiters dropped. */
function unescapeString(literal: string): string {
  const body = literal.slice(1, -1);
  const escapes: Record<string, string> = { n: "\n", t: "\t", r: "\r", 0: "\0", b: "\b" };
  return body.replace(/\\(.)/gs, (_all, c: string) => escapes[c] ?? c);
}

/** A Databricks parameter type as a DuckDB type. */
function duckType(type: string): string {
  const t = type.trim().toUpperCase();
  if (t === "STRING") return "VARCHAR";
  if (t === "LONG") return "BIGINT";
  if (t === "TIMESTAMP_NTZ") return "TIMESTAMP";
  if (t === "VOID") return "VARCHAR";
  if (/^[A-Z_]+(\(\d+(,\s*\d+)?\))?$/.test(t)) return t;
  return "VARCHAR";
}
