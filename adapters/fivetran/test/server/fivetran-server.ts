import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { failure, type RouteResponse } from "./envelope.js";
import type { FivetranAccount } from "./fixture.js";
import { connectionDetails } from "./routes/connection-details.js";
import { connectionSchemas } from "./routes/connection-schemas.js";
import { destinationDetails } from "./routes/destination-details.js";
import { listGroupConnections } from "./routes/list-group-connections.js";
import type { Route } from "./routes/route.js";

const ROUTES: readonly Route[] = [listGroupConnections, connectionSchemas, connectionDetails, destinationDetails];

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly status: number;
  /** Requests being answered when this one arrived, itself included. */
  readonly inFlight: number;
}

export interface Throttle {
  /** Paths it applies to. */
  readonly path: RegExp;
  /** How many matching requests are refused before the next one is served. */
  times: number;
  readonly status?: 429 | 503;
  /** Retry-After in seconds; absent sends none. */
  readonly retryAfter?: number;
}

export interface FivetranServer {
  readonly url: string;
  readonly account: FivetranAccount;
  readonly calls: RecordedCall[];
  /** Refuse the next `times` requests matching `path` with 429 (or 503) and a Retry-After header. */
  throttle(throttle: Throttle): void;
  /** Calls whose path matches. */
  count(path: RegExp): number;
  close(): Promise<void>;
}

export interface FivetranServerOptions {
  readonly account: FivetranAccount;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Delay before every answer, so concurrent callers overlap. */
  readonly delayMs?: number;
  /** Called as each request arrives (e.g. to break something else mid-run). */
  readonly onRequest?: (path: string) => void;
}

/**
 * A loopback Fivetran REST API: HTTP Basic auth with api_key:api_secret
 * (https://fivetran.com/docs/rest-api/getting-started), GET routes one per file under routes/, 429 with Retry-After
 * as https://fivetran.com/docs/rest-api/rate-limiting documents.
 */
export async function startFivetranServer(options: FivetranServerOptions): Promise<FivetranServer> {
  const calls: RecordedCall[] = [];
  const throttles: Throttle[] = [];
  const expected = `Basic ${Buffer.from(`${options.apiKey}:${options.apiSecret}`).toString("base64")}`;

  function answer(req: IncomingMessage): RouteResponse {
    if (req.headers.authorization !== expected) return failure(401, "AuthFailed", "Missing or invalid API key and secret");
    const url = new URL(req.url ?? "/", "http://localhost");
    const throttle = throttles.find((t) => t.times > 0 && t.path.test(url.pathname));
    if (throttle) {
      throttle.times--;
      const headers = throttle.retryAfter === undefined ? undefined : { "Retry-After": String(throttle.retryAfter) };
      return throttle.status === 503
        ? failure(503, "ServiceUnavailable", "Service is temporarily unavailable", headers)
        : failure(429, "TooManyRequests", "Too many requests, retry later", headers);
    }
    if (req.method !== "GET") return failure(405, "MethodNotAllowed", `Method ${req.method ?? ""} is not allowed`);
    for (const route of ROUTES) {
      const match = url.pathname.match(route.pattern);
      if (match) return route.handle(match, url.searchParams, options.account);
    }
    return failure(404, "NotFound", `No such endpoint: ${url.pathname}`);
  }

  let inFlight = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const response = answer(req);
    const url = new URL(req.url ?? "/", "http://localhost");
    options.onRequest?.(url.pathname);
    calls.push({ method: req.method ?? "", path: url.pathname, query: url.search, status: response.status, inFlight: ++inFlight });
    const send = () => {
      inFlight--;
      res.writeHead(response.status, { "Content-Type": "application/json", ...response.headers });
      res.end(JSON.stringify(response.body));
    };
    if (options.delayMs) setTimeout(send, options.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    account: options.account,
    calls,
    throttle: (t) => void throttles.push(t),
    count: (path) => calls.filter((c) => path.test(c.path)).length,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
