import type { DuckDBValue } from "@duckdb/node-api";
import { queryStatus, send, sendOutcome } from "../responses.js";
import { readJson, type Route } from "../server-context.js";

/**
 * POST /api/v2/statements — https://docs.snowflake.com/en/developer-guide/sql-api/reference#post-api-v2-statements
 * Body: statement, timeout, database, schema, warehouse, role, bindings {"1": {type, value}}, parameters
 * (MULTI_STATEMENT_COUNT). Query: requestId, async, retry (a resubmitted requestId with retry=true returns the
 * original statement instead of running it again: https://docs.snowflake.com/en/developer-guide/sql-api/submitting-requests#resubmitting-a-request-to-execute-sql-statements).
 * 200 ResultSet, 202 QueryStatus, 408 timeout, 422 QueryFailureStatus, 429 too many requests.
 */
export const postStatements: Route = async (ctx, req, res, { url }) => {
  if (ctx.faults.rateLimit > 0) {
    ctx.faults.rateLimit--;
    return send(res, 429, { code: "000429", message: "Too many requests. Please retry later." }, { "retry-after": ctx.faults.retryAfter });
  }
  if (ctx.faults.unavailable > 0) {
    ctx.faults.unavailable--;
    return send(res, 503, { code: "000503", message: "Warehouse 'ROCKY_WH' is resuming; please retry." });
  }
  const body = (await readJson(req)) as Record<string, unknown> | undefined;
  if (!body || typeof body.statement !== "string") return send(res, 400, { code: "000400", message: "Request body must be an object with a \"statement\" string" });
  const requestId = url.searchParams.get("requestId") ?? undefined;
  if (requestId && url.searchParams.get("retry") === "true") {
    const earlier = ctx.store.byRequestId(requestId);
    if (earlier) return sendOutcome(res, earlier, ctx.partitionRows);
  }
  const params = (body.parameters ?? {}) as Record<string, unknown>;
  const count = params.MULTI_STATEMENT_COUNT === undefined ? undefined : Number(params.MULTI_STATEMENT_COUNT);
  let bindings: DuckDBValue[];
  try {
    bindings = toValues(body.bindings);
  } catch (error) {
    return send(res, 400, { code: "000400", message: (error as Error).message });
  }
  const record = ctx.store.submit({
    text: body.statement,
    bindings,
    database: typeof body.database === "string" ? body.database : undefined,
    schema: typeof body.schema === "string" ? body.schema : undefined,
    statementCount: count,
    timeoutSeconds: typeof body.timeout === "number" && body.timeout > 0 ? body.timeout : undefined,
    requestId,
  });
  if (url.searchParams.get("async") === "true") return send(res, 202, queryStatus(record));
  const finished = await Promise.race([record.done.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ctx.syncWaitMs))]);
  if (!finished) return send(res, 202, queryStatus(record));
  sendOutcome(res, record, ctx.partitionRows);
};

/** Bindings `{"1": {"type": "FIXED", "value": "42"}, ...}` in placeholder order; values are strings or null. */
function toValues(bindings: unknown): DuckDBValue[] {
  if (bindings === undefined) return [];
  if (typeof bindings !== "object" || bindings === null) throw new Error("bindings must be an object");
  const entries = Object.entries(bindings as Record<string, { type?: unknown; value?: unknown }>);
  return entries
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([key, b], i) => {
      if (Number(key) !== i + 1) throw new Error(`bindings must be numbered 1..n; missing "${i + 1}"`);
      if (b.value === null || b.value === undefined) return null;
      const value = String(b.value);
      switch (b.type) {
        case "FIXED":
          return /^-?\d+$/.test(value) ? BigInt(value) : Number(value);
        case "REAL":
          return Number(value);
        case "BOOLEAN":
          return value.toLowerCase() === "true";
        case "TEXT":
          return value;
        default:
          throw new Error(`Unsupported binding type ${JSON.stringify(b.type)}`);
      }
    });
}
