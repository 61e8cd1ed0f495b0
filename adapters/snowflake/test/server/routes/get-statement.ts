import { queryStatus, send, sendOutcome } from "../responses.js";
import type { Route } from "../server-context.js";

/**
 * GET /api/v2/statements/{statementHandle}[?partition=N] — https://docs.snowflake.com/en/developer-guide/sql-api/reference#get-api-v2-statements-statementhandle
 * 202 while running, then 200 with the ResultSet (partition N's rows), 422 on failure, 408 on timeout.
 */
export const getStatement: Route = async (ctx, _req, res, { handle, url }) => {
  const record = ctx.store.records.get(handle ?? "");
  if (!record) return send(res, 404, { code: "000404", message: `Statement ${handle} not found` });
  if (record.state.status === "running" || record.polls < ctx.faults.runningPolls) {
    record.polls++;
    return send(res, 202, queryStatus(record));
  }
  const partition = Number(url.searchParams.get("partition") ?? "0");
  if (!Number.isInteger(partition) || partition < 0) return send(res, 400, { code: "000400", message: "partition must be a non-negative integer" });
  sendOutcome(res, record, ctx.partitionRows, partition);
  await Promise.resolve();
};
