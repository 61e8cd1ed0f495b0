import type { SqlParam } from "./generated/types.js";
import { Methods } from "./methods.js";

/** Writes a statement's `params` into its SQL; supplied by the host's dialect (string escapes, NUL, timestamps). */
export type InlineParams = (sql: string, params: readonly SqlParam[]) => string;

interface Statement {
  readonly sql: string;
  readonly params?: readonly SqlParam[];
}

const STATEMENT_METHODS = new Set<string>([Methods.executeStatement.method, Methods.executeQuery.method, Methods.queryOpen.method]);

function inlineStatement<S extends Statement>(statement: S, inline: InlineParams): Omit<S, "params"> {
  const { params, ...rest } = statement;
  return params === undefined ? rest : { ...rest, sql: inline(statement.sql, params) };
}

/**
 * The params of a request as an original-protocol adapter must get them: that protocol never sends `params`, so the values
 * of execute_statement, execute_query, query/open and each execute_batch statement are written into the SQL as literals.
 * Other methods' params are returned unchanged.
 */
export function withoutParams(method: string, params: unknown, inline: InlineParams): unknown {
  if (method === Methods.executeBatch.method) {
    const batch = params as { statements: readonly Statement[] };
    return { ...batch, statements: batch.statements.map((s) => inlineStatement(s, inline)) };
  }
  return STATEMENT_METHODS.has(method) ? inlineStatement(params as Statement, inline) : params;
}
