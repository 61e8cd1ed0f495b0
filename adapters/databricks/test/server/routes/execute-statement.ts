// POST /api/2.0/sql/statements: https://docs.databricks.com/api/workspace/statementexecution/executestatement
// Body: statement, warehouse_id, catalog, schema, parameters [{name, value, type}], wait_timeout ("0s" or 5s..50s,
// default 10s), on_wait_timeout (CONTINUE | CANCEL), disposition (INLINE), format (JSON_ARRAY).
import { parseJsonBody, sendError, sendJson } from "../http-util.js";
import type { Route } from "../route.js";
import { statementResponse } from "../statement-response.js";

export const executeStatement: Route = {
  name: "execute-statement",
  method: "POST",
  pattern: /^\/api\/2\.0\/sql\/statements\/?$/,
  auth: true,
  async handle({ res, body, server, fault }) {
    const b = parseJsonBody(body);
    if (!b) return sendError(res, 400, "MALFORMED_REQUEST", "Could not parse request object: invalid JSON");
    if (typeof b.statement !== "string" || b.statement.trim() === "") return sendError(res, 400, "INVALID_PARAMETER_VALUE", "statement is required");
    if (b.warehouse_id !== server.warehouseId) {
      return sendError(res, 404, "RESOURCE_DOES_NOT_EXIST", `Warehouse ${JSON.stringify(b.warehouse_id)} does not exist`);
    }
    if ((b.disposition ?? "INLINE") !== "INLINE" || (b.format ?? "JSON_ARRAY") !== "JSON_ARRAY") {
      return sendError(res, 400, "INVALID_PARAMETER_VALUE", "This test server supports disposition INLINE with format JSON_ARRAY only");
    }
    const wait = /^(\d+)s$/.exec(String(b.wait_timeout ?? "10s"));
    const waitSeconds = wait ? Number(wait[1]) : NaN;
    if (!(waitSeconds === 0 || (waitSeconds >= 5 && waitSeconds <= 50))) {
      return sendError(res, 400, "INVALID_PARAMETER_VALUE", `wait_timeout must be 0s or between 5s and 50s, got ${JSON.stringify(b.wait_timeout)}`);
    }
    const parameters = Array.isArray(b.parameters) ? (b.parameters as Array<{ name: string; value?: string; type?: string }>) : [];
    const st = server.statements.start({
      sql: b.statement,
      parameters,
      catalog: typeof b.catalog === "string" ? b.catalog : undefined,
      schema: typeof b.schema === "string" ? b.schema : undefined,
      chunkRows: server.chunkRows,
      runningPolls: fault?.runningPolls ?? 0,
    });
    if (waitSeconds > 0) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([st.done.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), waitSeconds * 1000)))]);
      clearTimeout(timer);
      if (timedOut && b.on_wait_timeout === "CANCEL") st.cancel();
    }
    sendJson(res, 200, statementResponse(st, st.runningPolls > 0));
  },
};
