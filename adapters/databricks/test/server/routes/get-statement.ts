// GET /api/2.0/sql/statements/{statement_id}: https://docs.databricks.com/api/workspace/statementexecution/getstatement
import { sendError, sendJson } from "../http-util.js";
import type { Route } from "../route.js";
import { statementResponse } from "../statement-response.js";

export const getStatement: Route = {
  name: "get-statement",
  method: "GET",
  pattern: /^\/api\/2\.0\/sql\/statements\/([^/]+)$/,
  auth: true,
  handle({ res, match, server }) {
    const st = server.statements.all.get(decodeURIComponent(match[1] ?? ""));
    if (!st) return sendError(res, 404, "RESOURCE_DOES_NOT_EXIST", `Statement ${match[1]} does not exist`);
    const running = st.runningPolls > 0;
    if (running) st.runningPolls--;
    sendJson(res, 200, statementResponse(st, running));
  },
};
