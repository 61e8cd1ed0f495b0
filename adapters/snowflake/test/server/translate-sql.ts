import { codeOnly, foldCase, segments } from "./scan-sql.js";

/**
 * The one place where the test server turns Snowflake SQL into what it runs on DuckDB, or into an action of its own
 * for statements DuckDB has no counterpart for (databases, sessions, grants, tags, dynamic tables).
 * Snowflake references: identifiers https://docs.snowflake.com/en/sql-reference/identifiers-syntax (unquoted names
 * fold to upper case), types https://docs.snowflake.com/en/sql-reference/intro-summary-data-types,
 * dynamic tables https://docs.snowflake.com/en/sql-reference/sql/create-dynamic-table,
 * grants https://docs.snowflake.com/en/sql-reference/sql/show-grants, tags https://docs.snowflake.com/en/sql-reference/sql/alter-table.
 */
export type Translation =
  | { readonly kind: "duckdb"; readonly sql: string; readonly waitSeconds: number }
  | { readonly kind: "create-database"; readonly name: string; readonly ifNotExists: boolean }
  | { readonly kind: "drop-database"; readonly name: string; readonly ifExists: boolean }
  | { readonly kind: "alter-session"; readonly name: string; readonly value: string }
  | { readonly kind: "begin" | "commit" | "rollback" }
  | { readonly kind: "show-grants"; readonly objectKind: string; readonly object: string }
  | { readonly kind: "grant" | "revoke"; readonly privilege: string; readonly objectKind: string; readonly object: string; readonly role: string }
  | { readonly kind: "create-tag"; readonly name: string; readonly ifNotExists: boolean }
  | { readonly kind: "set-tags"; readonly table: string; readonly tags: ReadonlyArray<readonly [string, string]> }
  | { readonly kind: "dynamic-table"; readonly target: string; readonly lag: string; readonly warehouse: string; readonly select: string };

/** INFORMATION_SCHEMA.COLUMNS.DATA_TYPE as Snowflake names types (https://docs.snowflake.com/en/sql-reference/info-schema/columns). */
const SNOWFLAKE_TYPE_NAME =
  "CASE WHEN DATA_TYPE IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT') OR DATA_TYPE LIKE 'DECIMAL%' THEN 'NUMBER' " +
  "WHEN DATA_TYPE = 'VARCHAR' THEN 'TEXT' WHEN DATA_TYPE IN ('DOUBLE', 'FLOAT', 'REAL') THEN 'FLOAT' WHEN DATA_TYPE = 'TIMESTAMP' THEN 'TIMESTAMP_NTZ' " +
  "WHEN DATA_TYPE = 'TIMESTAMP WITH TIME ZONE' THEN 'TIMESTAMP_TZ' WHEN DATA_TYPE = 'BLOB' THEN 'BINARY' WHEN DATA_TYPE = 'JSON' THEN 'VARIANT' ELSE DATA_TYPE END";

/** Functions Snowflake has and DuckDB lacks, defined on every session's DuckDB connection. */
export const DUCKDB_SESSION_SETUP = [
  "CREATE OR REPLACE TEMP MACRO TO_TIMESTAMP_NTZ(x) AS CAST(x AS TIMESTAMP)",
  "CREATE OR REPLACE TEMP MACRO TO_VARCHAR(x) AS CAST(x AS VARCHAR)",
  "CREATE OR REPLACE TEMP MACRO TO_DATE(x) AS CAST(x AS DATE)",
];

const NAME = String.raw`[A-Z0-9_$]+`;
const REF = String.raw`${NAME}(?:\.${NAME}){0,2}`;

/** Translates one statement (no trailing semicolon). */
export function translate(statement: string): Translation {
  const sql = foldCase(statement).trim();
  const code = codeOnly(sql);
  const at = (re: RegExp) => re.exec(code);
  let m: RegExpExecArray | null;

  if ((m = at(/^CREATE\s+(OR\s+REPLACE\s+)?DATABASE\s+(IF\s+NOT\s+EXISTS\s+)?([A-Z0-9_]+)\s*$/))) return { kind: "create-database", name: m[3] as string, ifNotExists: !!m[2] };
  if ((m = at(/^DROP\s+DATABASE\s+(IF\s+EXISTS\s+)?([A-Z0-9_]+)(\s+CASCADE|\s+RESTRICT)?\s*$/))) return { kind: "drop-database", name: m[2] as string, ifExists: !!m[1] };
  if ((m = at(/^ALTER\s+SESSION\s+SET\s+([A-Z0-9_]+)\s*=\s*/))) return { kind: "alter-session", name: m[1] as string, value: unquote(sql.slice(m[0].length).trim()) };
  if (at(/^(BEGIN(\s+(TRANSACTION|WORK))?|START\s+TRANSACTION)\s*$/)) return { kind: "begin" };
  if (at(/^COMMIT(\s+WORK)?\s*$/)) return { kind: "commit" };
  if (at(/^ROLLBACK(\s+WORK)?\s*$/)) return { kind: "rollback" };
  if ((m = at(new RegExp(`^SHOW\\s+GRANTS\\s+ON\\s+(TABLE|VIEW|DYNAMIC\\s+TABLE|SCHEMA|DATABASE)\\s+(${REF})\\s*$`)))) {
    return { kind: "show-grants", objectKind: objectKind(m[1] as string), object: m[2] as string };
  }
  if ((m = at(new RegExp(`^(GRANT|REVOKE)\\s+([A-Z ]+?)\\s+ON\\s+(TABLE|VIEW|SCHEMA|DATABASE)\\s+(${REF})\\s+(?:TO|FROM)\\s+ROLE\\s+(${NAME})\\s*$`)))) {
    return { kind: m[1] === "GRANT" ? "grant" : "revoke", privilege: (m[2] as string).replace(/\s+/g, " "), objectKind: objectKind(m[3] as string), object: m[4] as string, role: m[5] as string };
  }
  if ((m = at(new RegExp(`^CREATE\\s+TAG\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(${REF})\\s*$`)))) return { kind: "create-tag", name: m[2] as string, ifNotExists: !!m[1] };
  if ((m = at(new RegExp(`^ALTER\\s+TABLE\\s+(${REF})\\s+SET\\s+TAG\\s+`)))) {
    const list = sql.slice(m[0].length);
    const tags = [...list.matchAll(new RegExp(`(${REF})\\s*=\\s*'((?:[^'\\\\]|''|\\\\.)*)'`, "g"))].map((t) => [t[1] as string, unquote(`'${t[2] as string}'`)] as const);
    return { kind: "set-tags", table: m[1] as string, tags };
  }
  // String literals are blanked in `code` (same length), so the lag is read from `sql` at the same place.
  if ((m = at(new RegExp(`^CREATE\\s+(?:OR\\s+REPLACE\\s+)?DYNAMIC\\s+TABLE\\s+(${REF})\\s+TARGET_LAG\\s*=\\s*(_+|DOWNSTREAM)\\s+WAREHOUSE\\s*=\\s*(${NAME})\\s+AS\\s`, "d")))) {
    const [from, to] = m.indices?.[2] ?? [0, 0];
    const select = sql.slice(m[0].length);
    return { kind: "dynamic-table", target: m[1] as string, lag: unquote(sql.slice(from, to)), warehouse: m[3] as string, select: duckdbSql(select).sql };
  }
  return { kind: "duckdb", ...duckdbSql(sql) };
}

/** Snowflake types, functions and catalog views in DuckDB's spelling; SYSTEM$WAIT becomes a server-side wait. */
function duckdbSql(sql: string): { sql: string; waitSeconds: number } {
  let waitSeconds = 0;
  const text = segments(sql)
    .map((s) => {
      if (s.kind === "string") return duckdbString(s.text);
      if (s.kind !== "code") return s.text;
      return s.text
        .replace(/\bTIMESTAMP_(NTZ|LTZ)\b/g, "TIMESTAMP")
        .replace(/\bTIMESTAMP_TZ\b/g, "TIMESTAMPTZ")
        .replace(/\bNUMBER\s*\((\s*\d+\s*(?:,\s*\d+\s*)?)\)/g, "DECIMAL($1)")
        .replace(/\bVARIANT\b/g, "JSON")
        .replace(/\bSYSTEM\$WAIT\s*\(\s*(\d+(?:\.\d+)?)\s*\)/g, (_all, n: string) => {
          waitSeconds += Number(n);
          return `'waited ${n} seconds'`;
        })
        .replace(new RegExp(`(?:\\b(${NAME})\\.)?\\bINFORMATION_SCHEMA\\.(COLUMNS|TABLES|SCHEMATA)\\b`, "g"), (_all, db: string | undefined, view: string) => {
          const column = view === "SCHEMATA" ? "CATALOG_NAME" : "TABLE_CATALOG";
          const catalog = db ? `'${db}'` : "CURRENT_DATABASE()";
          const types = view === "COLUMNS" ? ` REPLACE (${SNOWFLAKE_TYPE_NAME} AS DATA_TYPE)` : "";
          return `(SELECT *${types} FROM INFORMATION_SCHEMA.${view} WHERE ${column} = ${catalog}) AS ${view}`;
        });
    })
    .join("");
  return { sql: text, waitSeconds };
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "0": "\0" };

/**
 * A Snowflake string constant ('...' with backslash escapes and doubled quotes, or $$...$$) as a standard SQL literal,
 * which is what DuckDB reads. https://docs.snowflake.com/en/sql-reference/data-types-text#escape-sequences-in-single-quoted-string-constants
 */
function duckdbString(text: string): string {
  const value = text.startsWith("$$") ? text.slice(2, -2) : unquote(text);
  return `'${value.replace(/'/g, "''")}'`;
}

/** Tables, views and dynamic tables share one namespace of grants. */
function objectKind(kind: string): string {
  return /TABLE|VIEW/.test(kind) ? "TABLE" : kind;
}

function unquote(value: string): string {
  const v = value.trim();
  if (!v.startsWith("'")) return v;
  return v.slice(1, -1).replace(/''|\\([\s\S])/g, (all, c: string | undefined) => (c === undefined ? "'" : (ESCAPES[c] ?? c)));
}
