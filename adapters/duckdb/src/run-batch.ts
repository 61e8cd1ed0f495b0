import { ResultReturnType, type DuckDBConnection, type DuckDBResult, type DuckDBValue } from "@duckdb/node-api";
import { AdapterServerError, ErrorCodes, type ExecuteStatementParams, type ExecuteStatementResult } from "@rocky/protocol";
import { executionFailed } from "./adapter-errors.js";
import { interruptible } from "./interruptible.js";

// A statement that ends or starts a transaction itself would break the batch's own.
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|ABORT|END|START\s+TRANSACTION)\b/i;

/** rows_affected of a DuckDB result: the changed rows of DML, null for anything else. */
export function statementResult(result: DuckDBResult): ExecuteStatementResult {
  return { rows_affected: result.returnType === ResultReturnType.CHANGED_ROWS ? result.rowsChanged : null };
}

export interface RunBatchOptions {
  readonly connection: DuckDBConnection;
  readonly signal: AbortSignal;
  readonly statements: readonly ExecuteStatementParams[];
  readonly transaction: boolean;
  /** Marks the connection unusable (a ROLLBACK that failed may leave it inside a transaction). */
  readonly discard: () => void;
}

/**
 * execute_batch on one connection: the statements in order, each interruptible by `signal`; with `transaction`, between
 * BEGIN and COMMIT, and rolled back on the first failure or cancellation. A failing statement answers -32052 with its index.
 */
export async function runBatch(o: RunBatchOptions): Promise<ExecuteStatementResult[]> {
  for (const [index, statement] of o.statements.entries()) {
    if (TRANSACTION_CONTROL.test(statement.sql)) {
      throw new AdapterServerError(ErrorCodes.InvalidParams, `Statement ${index + 1} of the batch controls the transaction itself; execute_batch does that`, {
        code: "INVALID_PARAMS",
        statement_index: index,
      });
    }
  }
  if (o.signal.aborted) throw new Error("Request was cancelled before it started");
  if (o.transaction) await o.connection.run("BEGIN TRANSACTION");
  try {
    const results: ExecuteStatementResult[] = [];
    for (const [index, statement] of o.statements.entries()) {
      results.push(await runStatement(o, statement, index));
    }
    // Not interruptible: once COMMIT starts, the answer says whether it happened.
    if (o.transaction) await o.connection.run("COMMIT");
    return results;
  } catch (error) {
    if (o.transaction) await o.connection.run("ROLLBACK").catch(o.discard);
    throw error;
  }
}

async function runStatement(o: RunBatchOptions, statement: ExecuteStatementParams, index: number): Promise<ExecuteStatementResult> {
  try {
    const result = await interruptible(o.connection, o.signal, () => o.connection.run(statement.sql, (statement.params ?? []) as DuckDBValue[]));
    return statementResult(result);
  } catch (error) {
    const failed = executionFailed(error);
    throw new AdapterServerError(failed.code, failed.message, { ...(failed.data as object), statement_index: index });
  }
}
