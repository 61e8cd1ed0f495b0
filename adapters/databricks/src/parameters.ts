import type { SqlParam } from "@rocky/protocol";
import { lexSql } from "./sql-lexer.js";

/** A statement parameter of the Statement Execution API: value as a string (absent for NULL) and its SQL type. */
export interface StatementParameter {
  readonly name: string;
  readonly value?: string;
  readonly type?: string;
}

/**
 * Rewrites Rocky's positional `?` markers to named markers `:p1`, `:p2`, … (the Statement Execution API takes
 * named parameters only: https://docs.databricks.com/api/workspace/statementexecution/executestatement, field
 * `parameters`) and types each value. `?` inside literals, identifiers and comments is left alone.
 */
export function bindParameters(sql: string, params: readonly SqlParam[] = []): { statement: string; parameters: StatementParameter[] } {
  if (params.length === 0) return { statement: sql, parameters: [] };
  let n = 0;
  const statement = lexSql(sql)
    .map((s) => (s.kind === "code" ? s.text.replace(/\?/g, () => `:p${++n}`) : s.text))
    .join("");
  if (n !== params.length) {
    throw new RangeError(`The statement has ${n} "?" parameter marker(s) but ${params.length} parameter value(s) were given`);
  }
  return { statement, parameters: params.map((value, i) => parameter(`p${i + 1}`, value)) };
}

function parameter(name: string, value: SqlParam): StatementParameter {
  if (value === null) return { name };
  if (typeof value === "boolean") return { name, value: String(value), type: "BOOLEAN" };
  if (typeof value === "number") return { name, value: String(value), type: Number.isInteger(value) ? "BIGINT" : "DOUBLE" };
  return { name, value: String(value), type: "STRING" };
}
