// GET /api/2.0/sql/statements/{statement_id}/result/chunks/{chunk_index}:
// https://docs.databricks.com/api/workspace/statementexecution/getstatementresultchunkn (a ResultData object)
import { sendError, sendJson } from "../http-util.js";
import type { Route } from "../route.js";
import { resultData } from "../statement-response.js";

export const getResultChunk: Route = {
  name: "get-result-chunk",
  method: "GET",
  pattern: /^\/api\/2\.0\/sql\/statements\/([^/]+)\/result\/chunks\/(\d+)$/,
  auth: true,
  handle({ res, match, server }) {
    const st = server.statements.all.get(decodeURIComponent(match[1] ?? ""));
    if (!st) return sendError(res, 404, "RESOURCE_DOES_NOT_EXIST", `Statement ${match[1]} does not exist`);
    if (st.state !== "SUCCEEDED") return sendError(res, 400, "INVALID_STATE", `Statement ${st.id} is ${st.state}; results are available once it SUCCEEDED`);
    const index = Number(match[2]);
    if (index >= st.chunks.length) return sendError(res, 400, "INVALID_PARAMETER_VALUE", `Chunk index ${index} is out of range (${st.chunks.length} chunks)`);
    sendJson(res, 200, resultData(st, index));
  },
};
