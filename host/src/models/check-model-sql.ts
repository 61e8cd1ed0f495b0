import { createRequire } from "node:module";
import type { SqlParseOutcome } from "@rocky/protocol";
import type { DialectName } from "../sql/dialect.js";
import { diagnostic, type Diagnostic } from "./diagnostics.js";
import { lineColumn, substituteMacros, type Substituted } from "./macros.js";

/** node-sql-parser has no DuckDB or Databricks grammar; these are the closest, tried first. */
const PRIMARY_DATABASE: Readonly<Record<DialectName, string>> = {
  duckdb: "postgresql",
  databricks: "bigquery",
  snowflake: "snowflake",
  generic: "postgresql",
};
/** Tried when the primary grammar rejects the SQL, since no one grammar covers every warehouse's syntax (QUALIFY, GROUP BY ALL). */
const FALLBACK_DATABASES = ["snowflake", "trino", "bigquery", "postgresql"];

interface SqlParser {
  parse(sql: string, options: { database: string }): { ast: unknown };
}

// One grammar per database, loaded on first use: the bundle of all of them takes ~100 ms to load, one ~15 ms,
// and a command whose models are all in the parse cache loads none.
const require = createRequire(import.meta.url);
const parsers = new Map<string, SqlParser>();
function parserFor(database: string): SqlParser {
  let parser = parsers.get(database);
  if (!parser) {
    const { Parser } = require(`node-sql-parser/build/${database}`) as { Parser: new () => SqlParser };
    parser = new Parser();
    parsers.set(database, parser);
  }
  return parser;
}

/** The version of node-sql-parser, part of the parse cache's identity. */
export function sqlParserVersion(): string {
  return (require("node-sql-parser/package.json") as { version: string }).version;
}

interface ParseFailure {
  readonly message: string;
  readonly offset: number | undefined;
}

/** A model's SQL as a parser reads it: the macros replaced by identifiers, offsets mapped back to the file. */
export function parseableSql(sql: string): Substituted {
  return substituteMacros(sql, (name) => (name === "@start_date" ? "rocky_start_date" : "rocky_end_date"));
}

function notOneSelect(model: string, file: string, what: string): Diagnostic {
  return diagnostic({
    code: "MODEL_SQL_INVALID",
    message: `Model "${model}" must be one SELECT statement, found ${what}`,
    hint: "Keep only the query in the .sql file; Rocky writes the DDL/DML for the strategy in the .toml",
    location: { file, line: 1, column: 1 },
    model,
  });
}

function cannotParse(sql: string, substituted: Substituted, at: number | undefined, hint: string, file: string, model: string): Diagnostic {
  const offset = at === undefined ? undefined : substituted.originalOffset(at);
  const where = offset === undefined ? { line: 1, column: 1 } : lineColumn(sql, offset);
  const near = offset === undefined ? "" : tokenAt(sql, offset);
  return diagnostic({
    code: "MODEL_SQL_INVALID",
    message: `Cannot parse the SQL of model "${model}"${near ? ` near ${JSON.stringify(near)}` : " at the end of the query"}`,
    hint,
    location: { file, ...where },
    model,
  });
}

/** Parses one model's SELECT: no diagnostics when it is one SELECT statement, else one at the failing line and column. */
export function checkModelSql(sql: string, dialect: DialectName, file: string, model: string): Diagnostic[] {
  const substituted = parseableSql(sql);
  const primary = PRIMARY_DATABASE[dialect];
  let failure: ParseFailure | undefined;
  for (const database of [primary, ...FALLBACK_DATABASES.filter((d) => d !== primary)]) {
    const result = tryParse(substituted.text, database);
    if ("failure" in result) {
      failure ??= result.failure;
      continue;
    }
    if (result.statements !== 1 || result.type !== "select") {
      return [notOneSelect(model, file, result.statements !== 1 ? `${result.statements} statements` : `a ${result.type.toUpperCase()} statement`)];
    }
    return [];
  }
  const hint =
    `Rocky's generic SQL check for the ${dialect} dialect reported: ${shorten(failure?.message ?? "unknown error")}. ` +
    `If ${dialect} accepts this SQL, a target adapter that declares capability sql_parse lets the warehouse's own parser decide`;
  return [cannotParse(sql, substituted, failure?.offset, hint, file, model)];
}

/**
 * The diagnostics of the target warehouse's own parser (sql/parse) for one model, given the outcome for
 * parseableSql(sql).text: none when it is one SELECT, else one naming what the warehouse refused, with its message.
 */
export function warehouseSqlDiagnostics(outcome: SqlParseOutcome, sql: string, dialect: DialectName, file: string, model: string): Diagnostic[] {
  if (outcome.valid) {
    if (outcome.statements === 1 && outcome.select === true) return [];
    const count = outcome.statements ?? 1;
    return [notOneSelect(model, file, count !== 1 ? `${count} statements` : "a statement that is not a SELECT")];
  }
  const hint = `The ${dialect} warehouse's parser reported: ${shorten(outcome.message ?? "unknown error")}`;
  return [cannotParse(sql, parseableSql(sql), outcome.position, hint, file, model)];
}

function tryParse(text: string, database: string): { failure: ParseFailure } | { statements: number; type: string } {
  try {
    const { ast } = parserFor(database).parse(text, { database });
    const asts = Array.isArray(ast) ? ast : [ast];
    const first = asts[0] as { type?: string } | undefined;
    return { statements: asts.length, type: first?.type ?? "unknown" };
  } catch (err) {
    const e = err as { message?: string; location?: { start?: { offset?: number } } };
    return { failure: { message: e.message ?? String(err), offset: e.location?.start?.offset } };
  }
}

function tokenAt(sql: string, offset: number): string {
  const rest = sql.slice(offset);
  const word = /^[a-zA-Z0-9_@$]+/.exec(rest)?.[0];
  return word ?? rest.trim().charAt(0);
}

function shorten(message: string): string {
  return message.length > 160 ? `${message.slice(0, 157)}...` : message;
}
