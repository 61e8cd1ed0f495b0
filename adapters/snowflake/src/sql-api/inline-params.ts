import { AdapterServerError, ErrorCodes, type SqlParam } from "@rocky/protocol";

/**
 * `sql` with each `?` outside literals, quoted identifiers and comments replaced by its param as a Snowflake literal.
 * For multi-statement requests only: the SQL API takes no bind variables there ("Snowflake does not currently support
 * variable binding in multi-statement SQL requests",
 * https://docs.snowflake.com/en/developer-guide/sql-api/submitting-requests#using-bind-variables-in-a-statement).
 * String literals escape `\` and `'` (Snowflake reads backslash escapes: https://docs.snowflake.com/en/sql-reference/data-types-text#escape-sequences-in-single-quoted-string-constants).
 */
export function inlineParams(sql: string, params: readonly SqlParam[] = []): string {
  let out = "";
  let used = 0;
  let i = 0;
  while (i < sql.length) {
    const end = skipLiteral(sql, i);
    if (end > i) {
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    if (sql[i] === "?") {
      if (used >= params.length) throw mismatch(params.length, "more");
      out += literal(params[used++] as SqlParam);
    } else out += sql[i];
    i++;
  }
  if (used < params.length) throw mismatch(params.length, "fewer");
  return out;
}

/** Where the literal, quoted identifier or comment starting at `i` ends; `i` when none starts there. */
function skipLiteral(sql: string, i: number): number {
  const c = sql[i];
  const next = sql[i + 1];
  if (c === "'") {
    let j = i + 1;
    while (j < sql.length && sql[j] !== "'") j += sql[j] === "\\" ? 2 : 1;
    return sql[j + 1] === "'" ? skipLiteral(sql, j + 1) : Math.min(j + 1, sql.length);
  }
  if (c === '"') return until(sql, '"', i + 1);
  if (c === "$" && next === "$") return until(sql, "$$", i + 2);
  if (c === "-" && next === "-") return until(sql, "\n", i + 2);
  if (c === "/" && next === "*") return until(sql, "*/", i + 2);
  return i;
}

function until(sql: string, close: string, from: number): number {
  const at = sql.indexOf(close, from);
  return at < 0 ? sql.length : at + close.length;
}

/** A value as a Snowflake literal, for statements that take no bind variables (multi-statement requests, tag values in DDL). */
export function literal(p: SqlParam): string {
  if (p === null) return "NULL";
  if (typeof p === "boolean") return p ? "TRUE" : "FALSE";
  if (typeof p === "number") {
    if (!Number.isFinite(p)) throw new AdapterServerError(ErrorCodes.InvalidParams, `Parameter ${p} is not a finite number`, { code: "INVALID_PARAMS" });
    return String(p);
  }
  return `'${String(p).replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

function mismatch(count: number, what: "more" | "fewer"): AdapterServerError {
  return new AdapterServerError(ErrorCodes.InvalidParams, `The statement has ${what} ? placeholders than its ${count} params`, { code: "INVALID_PARAMS" });
}
