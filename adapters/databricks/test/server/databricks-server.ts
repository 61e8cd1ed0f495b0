// A local Databricks workspace for tests and benchmarks: the REST endpoints Rocky's adapter uses, with their documented
// request and response shapes, backed by DuckDB so SQL really runs. Faults (429 with Retry-After, 503, statements
// RUNNING for several polls, expired tokens) are injected through `faults` and `auth`.
import { readdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { AuthState } from "./auth-state.js";
import { FaultQueue } from "./faults.js";
import { readBody, sendError } from "./http-util.js";
import type { Route, ServerState } from "./route.js";
import { cancelStatement } from "./routes/cancel-statement.js";
import { executeStatement } from "./routes/execute-statement.js";
import { getCatalog } from "./routes/get-catalog.js";
import { getResultChunk } from "./routes/get-result-chunk.js";
import { getStatement } from "./routes/get-statement.js";
import { oidcToken } from "./routes/oidc-token.js";
import { updateCatalog } from "./routes/update-catalog.js";
import { getBindings, updateBindings } from "./routes/workspace-bindings.js";
import { SETUP_SQL } from "./sql-translation.js";
import { StatementStore } from "./statements.js";

const ROUTES: readonly Route[] = [executeStatement, cancelStatement, getResultChunk, getStatement, oidcToken, getBindings, updateBindings, getCatalog, updateCatalog];

export interface DatabricksServerOptions {
  /** DuckDB file behind the default catalog (its file name without .duckdb names it); default in memory ("memory"). */
  readonly database?: string;
  /** Where CREATE CATALOG puts `<name>.duckdb`; default: catalogs live in memory. */
  readonly catalogsDir?: string;
  readonly warehouseId?: string;
  readonly workspaceId?: number;
  readonly pats?: readonly string[];
  readonly clients?: Readonly<Record<string, string>>;
  readonly tokenTtlSeconds?: number;
  /** Rows per result chunk (default 10,000). */
  readonly chunkRows?: number;
  readonly port?: number;
}

export interface DatabricksServer {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly state: ServerState;
  /** Every request as `METHOD /path`, in arrival order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startDatabricksServer(options: DatabricksServerOptions = {}): Promise<DatabricksServer> {
  const db = await DuckDBInstance.create(options.database ?? ":memory:");
  const setup = await db.connect();
  await setup.run(SETUP_SQL);
  // Catalogs created by an earlier run of the server persist, as a workspace's do.
  if (options.catalogsDir) {
    for (const file of readdirSync(options.catalogsDir).filter((f) => /^[a-z0-9_]+\.duckdb$/.test(f))) {
      await setup.run(`ATTACH '${join(options.catalogsDir, file).replaceAll("'", "''")}' AS "${file.slice(0, -".duckdb".length)}"`);
    }
  }
  setup.closeSync();
  const auth = new AuthState();
  for (const pat of options.pats ?? []) auth.pats.add(pat);
  for (const [id, secret] of Object.entries(options.clients ?? {})) auth.clients.set(id, secret);
  if (options.tokenTtlSeconds !== undefined) auth.ttlSeconds = options.tokenTtlSeconds;
  const catalogs = { tags: new Map(), grants: new Map() };
  const state: ServerState = {
    db,
    warehouseId: options.warehouseId ?? "abcdef0123456789",
    workspaceId: options.workspaceId ?? 1234567890123456,
    auth,
    faults: new FaultQueue(),
    statements: new StatementStore(db, catalogs, options.catalogsDir),
    catalogs,
    bindings: new Map(),
    isolation: new Map(),
    chunkRows: options.chunkRows ?? 10_000,
  };
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      requests.push(`${req.method} ${path}`);
      const body = await readBody(req);
      const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(path));
      if (!route) return sendError(res, 404, "ENDPOINT_NOT_FOUND", `No API found for '${req.method} ${path}'`);
      if (route.auth) {
        const verdict = auth.check(req.headers.authorization);
        if (verdict !== "ok") {
          const message = verdict === "expired" ? "Token expired" : verdict === "missing" ? "Missing Authorization header" : "Invalid access token";
          return sendError(res, 401, "UNAUTHENTICATED", message);
        }
      }
      const fault = state.faults.take(route.name);
      if (fault?.status !== undefined) {
        const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter };
        return sendError(res, fault.status, fault.errorCode ?? "TEMPORARILY_UNAVAILABLE", fault.message ?? "Injected fault", headers);
      }
      await route.handle({ req, res, body, server: state, fault, match: route.pattern.exec(path) as RegExpExecArray });
    })().catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, "INTERNAL_ERROR", String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    requests,
    async close() {
      for (const st of state.statements.all.values()) st.cancel();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...state.statements.all.values()].map((s) => s.done.catch(() => undefined)));
      db.closeSync();
    },
  };
}
