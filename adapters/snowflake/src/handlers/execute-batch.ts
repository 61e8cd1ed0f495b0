import { AdapterServerError, ErrorCodes, type AdapterHandlers, type ExecuteStatementParams } from "@rocky/protocol";
import { isHttpError } from "@rocky/adapter-kit";
import { inlineParams } from "../sql-api/inline-params.js";
import { rowsAffected, type WarehouseSession } from "../warehouse-session.js";

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|ABORT|END|START\s+TRANSACTION)\b/i;
// Snowflake commits an open transaction before DDL (https://docs.snowflake.com/en/sql-reference/transactions#ddl): such a batch cannot be atomic.
const DDL = /^\s*(CREATE|DROP|ALTER|GRANT|REVOKE|TRUNCATE|UNDROP|COMMENT)\b/i;
/** Statements whose handle has DML stats worth a request. */
const DML = /^\s*(INSERT|UPDATE|DELETE|MERGE)\b/i;
/**
 * Where a failing statement of a multi-statement request is: Snowflake names its line, e.g. `Execution of multiple
 * statements failed on statement "INSERT ..." (at line 7, position 0).` (as reported in
 * https://github.com/snowflakedb/snowflake-connector-net/issues/817), or a script's `on line 7 at position 0`.
 */
const FAILED_LINE = /\(at line (\d+), position \d+\)|on line (\d+) at position/;

/**
 * execute_batch as ONE SQL API request of several statements (MULTI_STATEMENT_COUNT), so they share one session:
 * with `transaction`, `ALTER SESSION SET TRANSACTION_ABORT_ON_ERROR = TRUE; BEGIN; ...; COMMIT`, which Snowflake rolls
 * back at the first failure; without, the statements alone, each committed, stopping at the first failure.
 * https://docs.snowflake.com/en/developer-guide/sql-api/submitting-multiple-statements
 */
export function executeBatchHandler(session: () => WarehouseSession): Pick<AdapterHandlers, "execute_batch"> {
  return {
    execute_batch: async (params, ctx) => {
      const transaction = params.transaction ?? true;
      for (const [index, s] of params.statements.entries()) {
        if (TRANSACTION_CONTROL.test(s.sql)) throw invalid(index, `Statement ${index + 1} of the batch controls the transaction itself; execute_batch does that`);
        if (transaction && DDL.test(s.sql)) {
          throw invalid(index, `Statement ${index + 1} of the batch is DDL, which Snowflake commits on its own, so the batch cannot be one transaction; send it with transaction false or as execute_statement`);
        }
      }
      const script = buildScript(params.statements, transaction);
      const s = session();
      let result;
      try {
        result = await s.api.execute(script.text, { statementCount: script.count, signal: ctx.signal });
      } catch (error) {
        const wire = s.wire(error);
        if (!(wire instanceof AdapterServerError) || wire.code !== ErrorCodes.ExecutionFailed || !isHttpError(error)) throw wire;
        const found = FAILED_LINE.exec(error.providerMessage ?? "");
        const line = Number(found?.[1] ?? found?.[2]);
        const index = script.lines.findIndex(([from, to]) => line >= from && line <= to);
        throw new AdapterServerError(wire.code, wire.message, { ...(wire.data as object), ...(index >= 0 ? { statement_index: index } : {}) });
      }
      // A request of one statement is answered as one (MULTI_STATEMENT_COUNT 1); otherwise each has its own handle with its DML stats.
      if (script.count === 1) return { results: [{ rows_affected: rowsAffected(result) }] };
      const handles = (result.statementHandles ?? []).slice(script.first, script.first + params.statements.length);
      const results = await Promise.all(
        params.statements.map(async (st, i) => {
          const handle = handles[i];
          if (!handle || !DML.test(st.sql)) return { rows_affected: null };
          try {
            return { rows_affected: rowsAffected(await s.api.result(handle, ctx.signal)) };
          } catch {
            return { rows_affected: null };
          }
        }),
      );
      return { results };
    },
  };
}

interface Script {
  readonly text: string;
  readonly count: number;
  /** Index of the first user statement among the request's statements. */
  readonly first: number;
  /** Per user statement, its first and last line in `text` (1-based). */
  readonly lines: Array<[number, number]>;
}

function buildScript(statements: readonly ExecuteStatementParams[], transaction: boolean): Script {
  const prologue = transaction ? ["ALTER SESSION SET TRANSACTION_ABORT_ON_ERROR = TRUE", "BEGIN TRANSACTION"] : [];
  const epilogue = transaction ? ["COMMIT"] : [];
  // The SQL API takes no bind variables in a multi-statement request: params become escaped literals.
  const user = statements.map((s, index) => {
    try {
      return inlineParams(s.sql.trim().replace(/;+\s*$/, ""), s.params);
    } catch (error) {
      throw error instanceof AdapterServerError ? invalid(index, `Statement ${index + 1} of the batch: ${error.message}`) : error;
    }
  });
  const parts = [...prologue, ...user, ...epilogue];
  // Each semicolon on a line of its own, so a trailing `--` comment cannot swallow it.
  const lines: Array<[number, number]> = [];
  let line = 1;
  for (const [i, text] of parts.entries()) {
    const height = text.split("\n").length;
    if (i >= prologue.length && i < prologue.length + user.length) lines.push([line, line + height - 1]);
    line += height + 1;
  }
  return { text: parts.join("\n;\n"), count: parts.length, first: prologue.length, lines };
}

function invalid(index: number, message: string): AdapterServerError {
  return new AdapterServerError(ErrorCodes.InvalidParams, message, { code: "INVALID_PARAMS", statement_index: index });
}
