import nodeSqlParser from "node-sql-parser";
import type { DialectName } from "../sql/dialect.js";
import { diagnostic, type Diagnostic } from "./diagnostics.js";
import { lineColumn, substituteMacros } from "./macros.js";

const { Parser } = nodeSqlParser;

/** A table the SQL reads, split into its parts as written. */
export interface TableReference {
  readonly catalog?: string;
  readonly schema?: string;
  readonly table: string;
  readonly text: string;
}

export interface SqlAnalysis {
  readonly references: readonly TableReference[];
  /** Names of the query's CTEs, lower-cased: a one-part reference to one of them is not a table. */
  readonly cteNames: ReadonlySet<string>;
}

/** node-sql-parser has no DuckDB or Databricks grammar; these are the closest, tried first. */
const PRIMARY_DATABASE: Readonly<Record<DialectName, string>> = {
  duckdb: "postgresql",
  databricks: "bigquery",
  snowflake: "snowflake",
  generic: "postgresql",
};
/** Tried when the primary grammar rejects the SQL, since no one grammar covers every warehouse's syntax (QUALIFY, GROUP BY ALL). */
const FALLBACK_DATABASES = ["snowflake", "trino", "bigquery", "postgresql"];

const parser = new Parser();

interface ParseFailure {
  readonly message: string;
  readonly offset: number | undefined;
}

/** Parses one model's SELECT: its table references (CTE names excluded) or a diagnostic at the failing line and column. */
export function analyzeModelSql(sql: string, dialect: DialectName, file: string, model: string): { analysis?: SqlAnalysis; diagnostics: Diagnostic[] } {
  const substituted = substituteMacros(sql, (name) => (name === "@start_date" ? "rocky_start_date" : "rocky_end_date"));
  const primary = PRIMARY_DATABASE[dialect];
  let failure: ParseFailure | undefined;
  for (const database of [primary, ...FALLBACK_DATABASES.filter((d) => d !== primary)]) {
    const result = tryParse(substituted.text, database);
    if ("failure" in result) {
      failure ??= result.failure;
      continue;
    }
    if (result.statements !== 1 || result.type !== "select") {
      const what = result.statements !== 1 ? `${result.statements} statements` : `a ${result.type.toUpperCase()} statement`;
      return {
        diagnostics: [
          diagnostic({
            code: "MODEL_SQL_INVALID",
            message: `Model "${model}" must be one SELECT statement, found ${what}`,
            hint: "Keep only the query in the .sql file; Rocky writes the DDL/DML for the strategy in the .toml",
            location: { file, line: 1, column: 1 },
            model,
          }),
        ],
      };
    }
    return { analysis: { references: result.references, cteNames: result.cteNames }, diagnostics: [] };
  }
  const offset = failure?.offset === undefined ? undefined : substituted.originalOffset(failure.offset);
  const where = offset === undefined ? { line: 1, column: 1 } : lineColumn(sql, offset);
  const near = offset === undefined ? "" : tokenAt(sql, offset);
  return {
    diagnostics: [
      diagnostic({
        code: "MODEL_SQL_INVALID",
        message: `Cannot parse the SQL of model "${model}"${near ? ` near ${JSON.stringify(near)}` : " at the end of the query"}`,
        hint: `The ${primary} grammar reported: ${shorten(failure?.message ?? "unknown error")}`,
        location: { file, ...where },
        model,
      }),
    ],
  };
}

function tryParse(
  text: string,
  database: string,
): { failure: ParseFailure } | { statements: number; type: string; references: TableReference[]; cteNames: Set<string> } {
  try {
    const result = parser.parse(text, { database });
    const asts = Array.isArray(result.ast) ? result.ast : [result.ast];
    const first = asts[0] as { type?: string } | undefined;
    const cteNames = collectCteNames(result.ast);
    const references = [...new Set(result.tableList)]
      .map(toReference)
      .filter((r): r is TableReference => r !== undefined && !(r.schema === undefined && cteNames.has(r.table.toLowerCase())));
    return { statements: asts.length, type: first?.type ?? "unknown", references, cteNames };
  } catch (err) {
    const e = err as { message?: string; location?: { start?: { offset?: number } } };
    return { failure: { message: e.message ?? String(err), offset: e.location?.start?.offset } };
  }
}

/** `select::cat.sch::table` → its parts. */
function toReference(entry: string): TableReference | undefined {
  const [, db, table] = entry.split("::");
  if (table === undefined) return undefined;
  const parts = db === undefined || db === "null" ? [] : db.split(".");
  const [catalog, schema] = parts.length >= 2 ? [parts[0], parts[1]] : [undefined, parts[0]];
  return {
    ...(catalog === undefined ? {} : { catalog }),
    ...(schema === undefined ? {} : { schema }),
    table,
    text: [...parts, table].join("."),
  };
}

function collectCteNames(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const n of node) collectCteNames(n, names);
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "with" && Array.isArray(value)) {
        for (const cte of value as { name?: { value?: unknown } | string }[]) {
          const name = typeof cte.name === "string" ? cte.name : cte.name?.value;
          if (typeof name === "string") names.add(name.toLowerCase());
        }
      }
      collectCteNames(value, names);
    }
  }
  return names;
}

function tokenAt(sql: string, offset: number): string {
  const rest = sql.slice(offset);
  const word = /^[a-zA-Z0-9_@$]+/.exec(rest)?.[0];
  return word ?? rest.trim().charAt(0);
}

function shorten(message: string): string {
  return message.length > 160 ? `${message.slice(0, 157)}...` : message;
}
