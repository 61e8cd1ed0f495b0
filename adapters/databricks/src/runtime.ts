import {
  AimdController,
  configSecrets,
  createHttpClient,
  createRedactor,
  DEFAULT_RETRY,
  RetryBudget,
  type HttpClient,
  type Redactor,
  type RetryOptions,
} from "@rocky/adapter-kit";
import { AdapterServerError, ErrorCodes, type LogLevel, type MetricsParams } from "@rocky/protocol";
import { createAuthProvider, describeCredentials, findCredentials, type Credentials } from "./auth.js";
import { CONFIG_SCHEMA, type DatabricksConfig } from "./manifest.js";
import { StatementRunner } from "./statement-runner.js";

export type Log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

/** Everything an initialized adapter works with. */
export interface Runtime {
  readonly config: DatabricksConfig;
  readonly credentials: Credentials;
  readonly authMethod: string;
  readonly http: HttpClient;
  readonly runner: StatementRunner;
  readonly aimd: AimdController;
  readonly budget: RetryBudget;
  readonly redactor: Redactor;
}

/** `/sql/1.0/warehouses/<id>` → `<id>`. */
export function warehouseId(httpPath: string): string {
  const id = /^\/sql\/1\.0\/(?:warehouses|endpoints)\/([A-Za-z0-9]+)$/.exec(httpPath)?.[1];
  if (!id) throw new AdapterServerError(ErrorCodes.InvalidConfig, `Invalid http_path "${httpPath}": expected "/sql/1.0/warehouses/<warehouse id>"`, { code: "INVALID_CONFIG" });
  return id;
}

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$/;

export function createRuntime(config: DatabricksConfig, env: NodeJS.ProcessEnv, log: Log, metrics: (m: MetricsParams) => void = () => undefined): Runtime {
  const host = config.host.replace(/\/+$/, "");
  if (!host.startsWith("https://") && !LOOPBACK.test(host)) {
    throw new AdapterServerError(ErrorCodes.InvalidConfig, `Invalid host "${host}": credentials are only sent over https (plain http only to a loopback address)`, {
      code: "INVALID_CONFIG",
    });
  }
  const credentials = findCredentials(config, env);
  const redactor = createRedactor(configSecrets(config, CONFIG_SCHEMA, [env.DATABRICKS_TOKEN, env.DATABRICKS_CLIENT_SECRET]));
  const retry: RetryOptions = {
    maxAttempts: config.retry?.max_attempts ?? DEFAULT_RETRY.maxAttempts,
    baseDelayMs: config.retry?.base_delay_ms ?? DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: config.retry?.max_delay_ms ?? DEFAULT_RETRY.maxDelayMs,
  };
  const budget = new RetryBudget(config.retry?.budget ?? Number.POSITIVE_INFINITY);
  const aimd = new AimdController({
    max: config.max_concurrency ?? 32,
    onChange: (c) => {
      metrics({ gauges: { concurrency_window: c.window }, ...(c.reason === "rate_limited" ? { counters: { rate_limited: 1 } } : {}) });
      log(c.reason === "rate_limited" ? "warn" : "debug", `Concurrency window ${c.previous} → ${c.window} (${c.reason === "rate_limited" ? "rate limited" : "additive increase"})`, {
        aimd_window: c.window,
        aimd_previous: c.previous,
        reason: c.reason,
        rate_limits: aimd.stats.rateLimits,
      });
    },
  });
  const common = {
    baseUrl: host,
    retry,
    budget,
    redactor,
    service: "Databricks",
    // Throttling reported in a body rather than a status (Unity Catalog's request limit, a warehouse starting).
    isTransient: (_status: number, body: unknown) => {
      const code = (body as { error_code?: unknown } | undefined)?.error_code;
      if (code === "UC_REQUEST_LIMIT_EXCEEDED" || code === "REQUEST_LIMIT_EXCEEDED") return "rate_limited" as const;
      return code === "TEMPORARILY_UNAVAILABLE" ? ("transient" as const) : false;
    },
    onRetry: (e: { method: string; path: string; retry: number; delayMs: number; reason: string; rateLimited: boolean }) => {
      metrics({ counters: { retries: 1 } });
      log("info", `Retrying ${e.method} ${e.path} in ${e.delayMs} ms (${e.reason}; retry ${e.retry})`, {
        retry: e.retry,
        delay_ms: e.delayMs,
        rate_limited: e.rateLimited,
        aimd_window: aimd.window,
        retries_left: Number.isFinite(budget.remaining) ? budget.remaining : null,
      });
    },
  };
  const tokenClient = createHttpClient(common);
  const auth = createAuthProvider(credentials, () => tokenClient);
  const http = createHttpClient({ ...common, auth });
  const runner = new StatementRunner({
    http,
    warehouseId: warehouseId(config.http_path),
    catalog: config.catalog,
    schema: config.schema,
    waitTimeoutSeconds: config.wait_timeout_seconds ?? 10,
    aimd,
    retry,
    budget,
    onStatementRetry: (e) => log("info", `Retrying statement ${e.statementId} in ${e.delayMs} ms: ${redactor.redact(e.message)}`, { attempt: e.attempt }),
  });
  return { config, credentials, authMethod: describeCredentials(credentials), http, runner, aimd, budget, redactor };
}
