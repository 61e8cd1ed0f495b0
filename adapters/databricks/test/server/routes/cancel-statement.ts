// POST /api/2.0/sql/statements/{statement_id}/cancel: https://docs.databricks.com/api/workspace/statementexecution/cancelexecution
// "Callers must poll for status to see the terminal state." The response is empty.
import { sendError, sendJson } from "../http-util.js";
import type { Route } from "../route.js";

export const cancelStatement: Route = {
  name: "cancel-statement",
  method: "POST",
  pattern: /^\/api\/2\.0\/sql\/statements\/([^/]+)\/cancel$/,
  auth: true,
  handle({ res, match, server }) {
    const st = server.statements.all.get(decodeURIComponent(match[1] ?? ""));
    if (!st) return sendError(res, 404, "RESOURCE_DOES_NOT_EXIST", `Statement ${match[1]} does not exist`);
    server.statements.cancels.push(st.id);
    st.cancel();
    sendJson(res, 200, {});
  },
};
