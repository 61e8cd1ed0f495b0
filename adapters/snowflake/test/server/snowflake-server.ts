import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { send } from "./responses.js";
import { cancelStatement } from "./routes/cancel-statement.js";
import { getStatement } from "./routes/get-statement.js";
import { loginRequest } from "./routes/login-request.js";
import { postStatements } from "./routes/post-statements.js";
import type { Faults, Route, ServerContext } from "./server-context.js";
import { SqlEngine } from "./sql-engine.js";
import { StatementStore } from "./statement-store.js";
import { Authenticator, type TestUser } from "./verify-auth.js";

export interface SnowflakeServerOptions {
  /** Account locator, upper case (default "TESTACCT"). */
  readonly account?: string;
  readonly users: readonly TestUser[];
  readonly database?: string;
  readonly warehouses?: readonly string[];
  readonly partitionRows?: number;
  readonly syncWaitMs?: number;
  readonly sessionValiditySeconds?: number;
  readonly port?: number;
}

export interface SnowflakeServer {
  readonly url: string;
  readonly ctx: ServerContext;
  close(): Promise<void>;
}

const ROUTES: Array<[string, RegExp, Route]> = [
  ["POST", /^\/api\/v2\/statements\/?$/, postStatements],
  ["GET", /^\/api\/v2\/statements\/([^/]+)$/, getStatement],
  ["POST", /^\/api\/v2\/statements\/([^/]+)\/cancel$/, cancelStatement],
  ["POST", /^\/session\/v1\/login-request$/, loginRequest],
];

/** A Snowflake SQL API v2 server on 127.0.0.1, backed by DuckDB. */
export async function startSnowflakeServer(options: SnowflakeServerOptions): Promise<SnowflakeServer> {
  const account = options.account ?? "TESTACCT";
  const engine = await SqlEngine.create({ defaultDatabase: options.database ?? "ROCKY", warehouses: options.warehouses ?? ["ROCKY_WH"] });
  const faults: Faults = { rateLimit: 0, retryAfter: "0", unavailable: 0, resuming: 0, runningPolls: 0 };
  const ctx: ServerContext = {
    engine,
    store: new StatementStore(engine, faults),
    auth: new Authenticator(account, options.users, options.sessionValiditySeconds ?? 3600),
    faults,
    partitionRows: options.partitionRows ?? 1000,
    syncWaitMs: options.syncWaitMs ?? 45_000,
    log: [],
  };
  const server = createServer((req, res) => void handle(ctx, req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...ctx.store.records.values()].map((r) => (r.cancel(), r.done)));
      engine.close();
    },
  };
}

async function handle(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const tokenType = req.headers["x-snowflake-authorization-token-type"] as string | undefined;
  let authMethod: string | undefined;
  res.on("finish", () => ctx.log.push({ method: req.method ?? "", path: url.pathname + url.search, status: res.statusCode, tokenType, authMethod }));
  try {
    for (const [method, pattern, route] of ROUTES) {
      const m = pattern.exec(url.pathname);
      if (!m || req.method !== method) continue;
      if (route !== loginRequest) {
        const auth = await ctx.auth.check(req);
        if (!auth.ok) return send(res, 401, { code: auth.code, message: auth.message });
        authMethod = auth.method;
      }
      return await route(ctx, req, res, { ...(m[1] ? { handle: m[1] } : {}), url });
    }
    send(res, 404, { code: "000404", message: `No route for ${req.method} ${url.pathname}` });
  } catch (error) {
    send(res, 500, { code: "000500", message: `Test server error: ${(error as Error).message}` });
  }
}
