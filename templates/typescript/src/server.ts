// A dependency-free Rocky adapter server: JSON-RPC 2.0 on stdin/stdout, one JSON object per line (JSON Lines).
import { createInterface } from "node:readline";
import { AdapterError, ErrorCode, type Manifest } from "./protocol.js";

/** Protocol versions this server speaks. */
export const SUPPORTED_VERSIONS = { min: 1, max: 1 };

/** What a handler gets besides its params. */
export interface RequestContext {
  readonly id: number | string;
  /** Aborted by $/cancelRequest for this request; stop work and return (the server answers -32800). */
  readonly signal: AbortSignal;
  log(level: "trace" | "debug" | "info" | "warn" | "error", message: string, fields?: Record<string, unknown>): void;
  progress(current?: number, total?: number, message?: string): void;
}

// The capability that gates each method; anything else (besides the lifecycle methods) is unknown.
const CAPABILITY: Readonly<Record<string, string>> = {
  execute_statement: "warehouse", execute_query: "warehouse", describe_table: "warehouse", table_exists: "warehouse",
  "query/open": "query_paging", "query/fetch": "query_paging", "query/close": "query_paging",
  "discovery/list": "discovery", "catalog/create": "create_catalog", "schema/create": "create_schema",
  "governance/set_tags": "governance", "governance/get_grants": "governance",
  "checks/row_counts": "batch_checks", "checks/freshness": "batch_checks",
  "dialect/format_table_ref": "dialect", "dialect/watermark_where": "dialect", "dialect/row_hash": "dialect",
};

// Handlers take the method's params; the wire shapes are in src/protocol.ts and Rocky's schemas.
type Handler = (params: any, ctx: RequestContext) => unknown;

export interface Handlers {
  /** Connect with the adapter's config; throw AdapterError(ErrorCode.InvalidConfig, ...) when it cannot work. */
  initialize?(config: Record<string, unknown>): void | Promise<void>;
  /** Release connections; runs once when Rocky closes stdin. */
  close?(): void | Promise<void>;
  readonly [method: string]: Handler | undefined;
}

type Id = number | string;
type Message = { jsonrpc?: unknown; id?: Id | null; method?: unknown; params?: unknown };

/** Serves `handlers` until stdin closes, then answers what is in flight, calls close() and exits with code 0. */
export function serve(manifest: Manifest, handlers: Handlers, options: { exitGraceMs?: number } = {}): void {
  const protocolOut = process.stdout.write.bind(process.stdout);
  // stdout carries only protocol messages: console.log and stray writes go to stderr.
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  for (const m of ["log", "info", "debug", "warn"] as const) console[m] = console.error.bind(console);

  // A host killed with SIGKILL cannot close stdin first: exit when re-parented or when the host's pid is gone.
  const parent = process.ppid;
  const host = Number(process.env.ROCKY_HOST_PID);
  const hostGone = () => {
    if (!Number.isInteger(host) || host <= 1) return false;
    try {
      process.kill(host, 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code !== "EPERM";
    }
  };
  const watchdog = () => ((parent > 1 && process.ppid !== parent) || hostGone()) && process.exit(1);
  watchdog();
  setInterval(watchdog, 500).unref();

  const send = (msg: object) => protocolOut(`${JSON.stringify({ jsonrpc: "2.0", ...msg })}\n`);
  const notify = (method: string, params: object) => send({ method, params });
  const inflight = new Map<Id, { controller: AbortController; done: Promise<void> }>();

  async function dispatch(method: string, params: Record<string, unknown>, ctx: RequestContext): Promise<unknown> {
    if (method === "initialize") {
      const offered = (params.protocol_versions as { min: number; max: number } | undefined) ?? { min: 1, max: 1 };
      const version = Math.min(offered.max, SUPPORTED_VERSIONS.max);
      if (version < Math.max(offered.min, SUPPORTED_VERSIONS.min)) {
        const { min, max } = SUPPORTED_VERSIONS;
        throw new AdapterError(ErrorCode.ProtocolVersionMismatch, `No common protocol version: adapter speaks ${min}..${max}, host offered ${offered.min}..${offered.max}`, {
          code: "PROTOCOL_VERSION_MISMATCH", supported: SUPPORTED_VERSIONS, offered,
        });
      }
      await handlers.initialize?.((params.config as Record<string, unknown> | undefined) ?? {});
      return { manifest, protocol_version: version };
    }
    if (method === "ping" || method === "shutdown") return {};
    const capability = CAPABILITY[method];
    if (capability === undefined) throw new AdapterError(ErrorCode.MethodNotFound, `Unknown method "${method}"`, { code: "METHOD_NOT_FOUND" });
    if (manifest.capabilities[capability] !== true) {
      throw new AdapterError(ErrorCode.CapabilityNotSupported, `"${method}" needs capability "${capability}", which adapter "${manifest.name}" does not declare`, { code: "CAPABILITY_NOT_SUPPORTED" });
    }
    const handler = handlers[method];
    if (!handler) throw new AdapterError(ErrorCode.MethodNotFound, `Adapter "${manifest.name}" declares "${capability}" but has no "${method}" handler`, { code: "METHOD_NOT_FOUND" });
    return handler(params, ctx);
  }

  function errorOf(err: unknown, cancelled: boolean): object {
    if (cancelled) return { code: ErrorCode.RequestCancelled, message: "Request cancelled", data: { code: "CANCELLED" } };
    if (err instanceof AdapterError) return { code: err.code, message: err.message, ...(err.data ? { data: err.data } : {}) };
    process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    return { code: ErrorCode.InternalError, message: (err as Error)?.message ?? String(err), data: { code: "INTERNAL" } };
  }

  function onLine(line: string): void {
    if (line.trim() === "") return;
    let msg: Message;
    try {
      msg = JSON.parse(line) as Message;
    } catch (err) {
      send({ id: null, error: { code: ErrorCode.ParseError, message: `Parse error: ${(err as Error).message}` } });
      return;
    }
    if (msg === null || typeof msg !== "object" || msg.jsonrpc !== "2.0" || typeof msg.method !== "string") {
      const id = typeof msg?.id === "number" || typeof msg?.id === "string" ? msg.id : null;
      send({ id, error: { code: ErrorCode.InvalidRequest, message: "Not a JSON-RPC 2.0 request" } });
      return;
    }
    const params = (msg.params ?? {}) as Record<string, unknown>;
    if (msg.id === undefined || msg.id === null) {
      if (msg.method === "$/cancelRequest") inflight.get(params.id as Id)?.controller.abort();
      return;
    }
    const id = msg.id;
    const controller = new AbortController();
    const ctx: RequestContext = {
      id,
      signal: controller.signal,
      log: (level, message, fields) => notify("$/log", fields ? { level, message, fields } : { level, message }),
      progress: (current, total, message) => notify("$/progress", { token: id, ...(current === undefined ? {} : { current }), ...(total === undefined ? {} : { total }), ...(message === undefined ? {} : { message }) }),
    };
    const done = dispatch(msg.method, params, ctx).then(
      (result) => void send(controller.signal.aborted ? { id, error: errorOf(undefined, true) } : { id, result: result ?? {} }),
      (err: unknown) => void send({ id, error: errorOf(err, controller.signal.aborted) }),
    ).finally(() => inflight.delete(id));
    inflight.set(id, { controller, done });
  }

  const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", onLine);
  input.on("close", () => {
    const grace = new Promise((r) => setTimeout(r, options.exitGraceMs ?? 2000).unref());
    void Promise.race([Promise.allSettled([...inflight.values()].map((f) => f.done)), grace])
      .then(() => handlers.close?.())
      .catch((err: unknown) => process.stderr.write(`close() failed: ${String(err)}\n`))
      .finally(() => protocolOut("", () => process.exit(0)));
  });
}
