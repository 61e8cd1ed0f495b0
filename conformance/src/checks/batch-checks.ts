import { ErrorCodes, type ExecuteStatementParams } from "@rocky/protocol";
import { ReplyError } from "../wire/wire-faults.js";
import type { CheckContext, CheckRun } from "./check-context.js";
import { namesTable, selectAll } from "./dml-checks.js";
import { expectEqual, fail, json } from "./expect.js";

const ATOMIC_HINT =
  "With transaction true, run the statements between BEGIN and COMMIT on one connection that no other request uses meanwhile, " +
  "and ROLLBACK on the first failure; or stop declaring capabilities.transactions";

/** The batch's error, or a failure when it succeeded. */
async function batchError(ctx: CheckContext, statements: ExecuteStatementParams[], transaction: boolean, what: string): Promise<ReplyError> {
  const [first, ...rest] = statements;
  if (!first) throw new Error("empty batch");
  try {
    await ctx.call("execute_batch", { statements: [first, ...rest], transaction });
  } catch (error) {
    if (error instanceof ReplyError) return error;
    throw error;
  }
  return fail(`execute_batch ${what} succeeded; its statement 2 inserts into a table that does not exist, so it must answer an error`);
}

function expectFailedAt(error: ReplyError, index: number, what: string): void {
  if (error.code !== ErrorCodes.ExecutionFailed) fail(`execute_batch ${what} answered error ${error.code} (${error.codeName}); expected -32052 (ExecutionFailed)`);
  const got = (error.data as { statement_index?: unknown } | null | undefined)?.statement_index;
  if (got !== index) {
    fail(`execute_batch ${what} answered error.data.statement_index ${json(got)}; expected ${index}, the failing statement's 0-based index`,
      "Answer a failing statement with -32052 and data {code: \"EXECUTION_FAILED\", statement_index: i}");
  }
}

export const BATCH_CHECKS: Record<string, CheckRun> = {
  async execute_batch(ctx) {
    const table = await namesTable(ctx, "batch", [[1, "a"], [2, "b"]]);
    const missing = await ctx.sql.tableSql(ctx.sql.ref("batch_missing"));
    const insert = (id: number, name: string): ExecuteStatementParams => ({ sql: `INSERT INTO ${table} (id, name) VALUES (?, ?)`, params: [id, name] });
    const broken: ExecuteStatementParams = { sql: `INSERT INTO ${missing} (id, name) VALUES (?, ?)`, params: [0, "never"] };

    const { results } = await ctx.call("execute_batch", { statements: [{ sql: `DELETE FROM ${table} WHERE id = ?`, params: [1] }, insert(3, "c")], transaction: true });
    if (results.length !== 2) fail(`execute_batch of 2 statements answered ${results.length} results; expected one per statement`);
    expectEqual(await selectAll(ctx, table), [[2, "b"], [3, "c"]], "rows after a batch of DELETE id 1 and INSERT id 3");

    const atomic = await batchError(ctx, [{ sql: `DELETE FROM ${table}` }, broken], true, "with transaction true whose statement 2 fails");
    expectEqual(
      await selectAll(ctx, table),
      [[2, "b"], [3, "c"]],
      "rows after a transactional batch whose statement 1 deleted every row and whose statement 2 failed (statement 1 must be rolled back)",
      ATOMIC_HINT,
    );
    expectFailedAt(atomic, 1, "with transaction true whose statement 2 fails");

    const stopped = await batchError(ctx, [insert(4, "d"), broken, insert(5, "e")], false, "with transaction false whose statement 2 fails");
    expectFailedAt(stopped, 1, "with transaction false whose statement 2 fails");
    expectEqual(
      await selectAll(ctx, table),
      [[2, "b"], [3, "c"], [4, "d"]],
      "rows after a batch with transaction false that failed at statement 2 (statement 1 stays, statement 3 never runs)",
    );
  },
};
