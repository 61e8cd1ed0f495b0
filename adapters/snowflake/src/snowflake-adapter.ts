import { AdapterServerError, ErrorCodes, type AdapterHandlers } from "@rocky/protocol";
import { AimdController, createHttpClient, RetryBudget, type HttpClient } from "@rocky/adapter-kit";
import { detectAuth } from "./auth/detect-auth.js";
import { catalogHandlers } from "./handlers/catalogs.js";
import { checksHandlers } from "./handlers/checks.js";
import { executeBatchHandler } from "./handlers/execute-batch.js";
import { governanceHandlers } from "./handlers/governance.js";
import { queryPaging } from "./handlers/query-paging.js";
import { warehouseHandlers } from "./handlers/warehouse.js";
import type { SnowflakeConfig } from "./manifest.js";
import { SecretRedactor } from "./secret-redactor.js";
import { SqlApi } from "./sql-api/sql-api.js";
import { isTransientBody } from "./sql-api/statement-error.js";
import { WarehouseSession } from "./warehouse-session.js";

export interface SnowflakeAdapter {
  readonly handlers: AdapterHandlers;
  /** Redacts every secret of the config and every token derived from it. */
  readonly redactor: SecretRedactor;
  close(): Promise<void>;
}

/** The Snowflake adapter's handlers; the SQL API client is built on `initialize`. */
export function createSnowflakeAdapter(): SnowflakeAdapter {
  const redactor = new SecretRedactor();
  let current: WarehouseSession | undefined;
  const session = () => {
    if (!current) throw new AdapterServerError(ErrorCodes.InternalError, "The Snowflake adapter is not initialized", { code: "INTERNAL" });
    return current;
  };
  const paging = queryPaging(session);
  const guard = redactErrors(redactor);
  return {
    redactor,
    handlers: guard({
      initialize: (params, ctx) => {
        const config = params.config as unknown as SnowflakeConfig;
        redactor.reset(config);
        let http: HttpClient | undefined;
        const auth = detectAuth({ config, http: () => http as HttpClient, onSecret: (s) => redactor.add(s) });
        const aimd = new AimdController({
          max: config.max_concurrency ?? 16,
          onChange: (c) => {
            ctx.metrics({ gauges: { concurrency_window: c.window }, ...(c.reason === "rate_limited" ? { counters: { rate_limited: 1 } } : {}) });
            ctx.log(c.reason === "rate_limited" ? "warn" : "debug", `Snowflake concurrency window ${c.previous} → ${c.window} (${c.reason})`);
          },
        });
        http = createHttpClient({
          baseUrl: config.base_url ?? `https://${config.account}.snowflakecomputing.com`,
          service: "Snowflake",
          headers: { "user-agent": "rocky-adapter-snowflake/0.1.0" },
          auth,
          redactor,
          retry: { maxAttempts: config.max_attempts ?? 5 },
          budget: new RetryBudget(config.max_retries_per_run ?? Number.POSITIVE_INFINITY),
          isTransient: isTransientBody,
          onRetry: (e) => {
            ctx.metrics({ counters: { retries: 1 } });
            ctx.log("debug", `Retrying ${e.method} ${e.path} in ${e.delayMs} ms (${e.reason})`);
          },
        });
        current = new WarehouseSession(new SqlApi(http, auth, config, aimd, config.max_attempts ?? 5), auth.method, redactor);
        ctx.log("info", `Snowflake account ${config.account}, auth: ${auth.method}`);
      },
      shutdown: () => paging.closeAll(),
      ...warehouseHandlers(session),
      ...executeBatchHandler(session),
      ...paging.handlers,
      ...catalogHandlers(session),
      ...governanceHandlers(session),
      ...checksHandlers(session),
    }),
    close: () => paging.closeAll(),
  };
}

/** Wraps every handler so that no error message or data it answers carries a secret. */
function redactErrors(redactor: SecretRedactor): (handlers: AdapterHandlers) => AdapterHandlers {
  return (handlers) =>
    Object.fromEntries(
      Object.entries(handlers).map(([method, handler]) => [
        method,
        async (params: unknown, ctx: unknown) => {
          try {
            return await (handler as (p: unknown, c: unknown) => unknown)(params, ctx);
          } catch (error) {
            if (error instanceof AdapterServerError) throw new AdapterServerError(error.code, redactor.redact(error.message), redactor.redactValue(error.data));
            if (error instanceof Error) error.message = redactor.redact(error.message);
            throw error;
          }
        },
      ]),
    ) as AdapterHandlers;
}
