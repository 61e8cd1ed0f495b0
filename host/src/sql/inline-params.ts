import type { SqlParam } from "@rocky/protocol";
import { RockyError } from "../errors.js";

/** How one dialect writes values as SQL literals, for adapters that cannot bind parameters. */
export interface LiteralSyntax {
  /** Backslash escapes the next character inside '...' (Databricks, Snowflake), so it is doubled too. */
  readonly backslashEscapes: boolean;
  /** An expression for the character U+0000, which no quoted literal can hold on every warehouse. */
  readonly nulChar: string;
  /** The dialect's timestamp placeholder expression, e.g. `CAST(? AS TIMESTAMP)`; replaced as a whole by `timestampLiteral`. */
  readonly timestampParam: string;
  timestampLiteral(quoted: string): string;
}

/** A string as a quoted SQL literal: quotes doubled, backslashes doubled where they escape, NUL spliced in by expression. */
export function stringLiteral(value: string, syntax: LiteralSyntax): string {
  const quote = (part: string) => {
    const escaped = part.replaceAll("'", "''");
    return `'${syntax.backslashEscapes ? escaped.replaceAll("\\", "\\\\") : escaped}'`;
  };
  if (!value.includes("\0")) return quote(value);
  return `(${value.split("\0").map(quote).join(` || ${syntax.nulChar} || `)})`;
}

/** One parameter value as a literal. Negative numbers are parenthesized so `x -?` cannot become a `--` comment. */
export function sqlLiteral(value: SqlParam, syntax: LiteralSyntax): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RockyError("PLAN_INVALID", `Cannot write the number ${value} as a SQL literal`, { hint: "Parameters are JSON values; NaN and infinities have no JSON form" });
    return value < 0 || Object.is(value, -0) ? `(${String(value)})` : String(value);
  }
  if (typeof value === "string") return stringLiteral(value, syntax);
  throw new RockyError("PLAN_INVALID", `Cannot write a parameter of type ${typeof value} as a SQL literal`, { hint: "Parameters are strings, numbers, booleans or null" });
}

/** Offsets of the `?` placeholders of `sql`, skipping quoted strings, quoted identifiers, comments and dollar-quoted bodies. */
export function placeholderOffsets(sql: string, backslashEscapes: boolean): number[] {
  const found: number[] = [];
  let i = 0;
  const skipQuoted = (close: string, escapes: boolean) => {
    for (i++; i < sql.length; i++) {
      if (escapes && sql[i] === "\\") i++;
      else if (sql[i] === close) {
        if (sql[i + 1] === close) i++;
        else return;
      }
    }
  };
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'") skipQuoted("'", backslashEscapes);
    else if (c === '"' || c === "`") skipQuoted(c, false);
    else if (c === "-" && sql[i + 1] === "-") i = sql.indexOf("\n", i) === -1 ? sql.length : sql.indexOf("\n", i);
    else if (c === "/" && sql[i + 1] === "*") i = sql.indexOf("*/", i + 2) === -1 ? sql.length : sql.indexOf("*/", i + 2) + 1;
    else if (c === "$" && /^\$[A-Za-z_]*\$/.test(sql.slice(i, i + 64)) && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? "")) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64))?.[0] ?? "$$";
      const end = sql.indexOf(tag, i + tag.length);
      i = end === -1 ? sql.length : end + tag.length - 1;
    } else if (c === "?") found.push(i);
    i++;
  }
  return found;
}

/**
 * `sql` with every `?` placeholder replaced by its value as a literal, for adapters that never receive `params` (the original
 * protocol). The dialect's timestamp placeholder expression is replaced as a whole by its timestamp literal.
 */
export function inlineParams(sql: string, params: readonly SqlParam[], syntax: LiteralSyntax): string {
  const offsets = placeholderOffsets(sql, syntax.backslashEscapes);
  if (offsets.length !== params.length) {
    throw new RockyError("PLAN_INVALID", `Cannot write ${params.length} parameter(s) into SQL with ${offsets.length} "?" placeholder(s): ${sql.length > 200 ? `${sql.slice(0, 200)}…` : sql}`, {
      hint: "This is a bug in the SQL Rocky generated; report it with the statement above",
    });
  }
  const [before, after] = syntax.timestampParam.split("?") as [string, string | undefined];
  let out = "";
  let from = 0;
  for (const [n, at] of offsets.entries()) {
    const value = params[n] as SqlParam;
    const wrapped = after !== undefined && before !== "" && typeof value === "string" && sql.startsWith(before, at - before.length) && sql.startsWith(after, at + 1) && at - before.length >= from;
    if (wrapped) {
      out += sql.slice(from, at - before.length) + syntax.timestampLiteral(stringLiteral(value, syntax));
      from = at + 1 + after.length;
    } else {
      out += sql.slice(from, at) + sqlLiteral(value, syntax);
      from = at + 1;
    }
  }
  return out + sql.slice(from);
}
