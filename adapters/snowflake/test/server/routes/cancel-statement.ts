import { send, statusUrl } from "../responses.js";
import type { Route } from "../server-context.js";

/** POST /api/v2/statements/{statementHandle}/cancel — https://docs.snowflake.com/en/developer-guide/sql-api/reference#post-api-v2-statements-statementhandle-cancel */
export const cancelStatement: Route = async (ctx, _req, res, { handle }) => {
  const record = ctx.store.records.get(handle ?? "");
  if (!record) return send(res, 404, { code: "000404", message: `Statement ${handle} not found` });
  record.cancel();
  await record.done;
  send(res, 200, { code: "000604", sqlState: "57014", message: "successfully canceled", statementHandle: record.handle, statementStatusUrl: statusUrl(record) });
};
