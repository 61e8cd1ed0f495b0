import { AdapterServerError, ErrorCodes, type AdapterHandlers } from "@rocky/protocol";
import { configSecrets, createRedactor, httpErrorToWire, type Redactor } from "@rocky/adapter-kit";
import { discoverConnections } from "./discover-connections.js";
import { createFivetranApi, type FivetranApi } from "./fivetran-api.js";
import { CONFIG_SCHEMA, DEFAULT_BASE_URL, type FivetranConfig } from "./manifest.js";

export interface FivetranAdapter {
  readonly handlers: AdapterHandlers;
  /** Redacts the credentials from any text, once initialize has read them. */
  redactor(): Redactor | undefined;
}

interface Session {
  readonly api: FivetranApi;
  readonly config: FivetranConfig;
}

/** The Fivetran source adapter: discovery/list over the REST API; the connection opens on initialize. */
export function createFivetranAdapter(env: NodeJS.ProcessEnv = process.env): FivetranAdapter {
  let session: Session | undefined;
  let redactor: Redactor | undefined;
  const wire = (error: unknown) => {
    const mapped = httpErrorToWire(error);
    if (mapped instanceof AdapterServerError || !(mapped instanceof Error)) return mapped;
    return new Error(redactor?.redact(mapped.message) ?? mapped.message);
  };
  return {
    redactor: () => redactor,
    handlers: {
      initialize: (params, ctx) => {
        const config = params.config as unknown as FivetranConfig;
        const apiKey = config.api_key ?? env.FIVETRAN_API_KEY;
        const apiSecret = config.api_secret ?? env.FIVETRAN_API_SECRET;
        redactor = createRedactor(configSecrets(config, CONFIG_SCHEMA, [env.FIVETRAN_API_KEY, env.FIVETRAN_API_SECRET]));
        if (!apiKey || !apiSecret) {
          throw new AdapterServerError(ErrorCodes.InvalidConfig, "Fivetran credentials missing: set api_key and api_secret, or FIVETRAN_API_KEY and FIVETRAN_API_SECRET in the environment", {
            code: "INVALID_CONFIG",
          });
        }
        const api = createFivetranApi({
          baseUrl: config.base_url ?? DEFAULT_BASE_URL,
          apiKey,
          apiSecret,
          redactor,
          maxAttempts: config.max_attempts ?? 5,
          timeoutMs: config.timeout_ms ?? 120_000,
          onRetry: (e) => ctx.log("warn", `${e.method} ${e.path}: ${e.reason}; retry ${e.retry} in ${e.delayMs} ms`, { status: e.status ?? null, rate_limited: e.rateLimited }),
        });
        session = { api, config };
      },
      "discovery/list": async (params, ctx) => {
        if (!session) throw new AdapterServerError(ErrorCodes.InternalError, "discovery/list before initialize");
        try {
          return await discoverConnections({ ...session, params, ctx });
        } catch (error) {
          throw wire(error);
        }
      },
    },
  };
}
