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
  "sql/parse": "sql_parse",
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

  // Messages sent in one turn of the event loop (answers to a pipelined burst of requests) leave in one write.
  let pending: string[] = [];
  const flush = () => {
    const chunk = `${pending.join("\n")}\n`;
    pending = [];
    protocolOut(chunk);
  };
  const write = (line: string) => {
    if (pending.push(line) === 1) queueMicrotask(flush);
  };
  const send = (msg: object) => write(JSON.stringify({ jsonrpc: "2.0", ...msg }));
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

  /** An invalid Request object (JSON-RPC 2.0 §4): answered -32600 with id null. */
  const invalid = (why: string) => ({ jsonrpc: "2.0", id: null, error: { code: ErrorCode.InvalidRequest, message: `Invalid Request: ${why}`, data: { code: "INVALID_REQUEST" } } });

  /** Starts one request; returns its answer (undefined for a notification) or the promise of it. */
  function handle(msg: Message): object | Promise<object> | undefined {
    if (msg === null || typeof msg !== "object" || Array.isArray(msg)) return invalid("a request must be a JSON object");
    if (msg.jsonrpc !== "2.0") return invalid('"jsonrpc" must be exactly "2.0"');
    if (typeof msg.method !== "string") return invalid('"method" must be a string');
    if ("params" in msg && (msg.params === null || typeof msg.params !== "object")) return invalid('"params" must be an object or an array');
    const params = (msg.params ?? {}) as Record<string, unknown>;
    if (!("id" in msg)) {
      if (msg.method === "$/cancelRequest") inflight.get(params.id as Id)?.controller.abort();
      return undefined;
    }
    const id = msg.id as Id | null;
    if (id !== null && typeof id !== "string" && !(typeof id === "number" && Number.isFinite(id))) return invalid('"id" must be a string, a number or null');
    const controller = new AbortController();
    const ctx: RequestContext = {
      id: id ?? "",
      signal: controller.signal,
      log: (level, message, fields) => notify("$/log", fields ? { level, message, fields } : { level, message }),
      progress: (current, total, message) => notify("$/progress", { token: id, ...(current === undefined ? {} : { current }), ...(total === undefined ? {} : { total }), ...(message === undefined ? {} : { message }) }),
    };
    const answer = (async () => dispatch(msg.method as string, params, ctx))().then(
      (result) => (controller.signal.aborted ? { jsonrpc: "2.0", id, error: errorOf(undefined, true) } : { jsonrpc: "2.0", id, result: result ?? {} }),
      (err: unknown) => ({ jsonrpc: "2.0", id, error: errorOf(err, controller.signal.aborted) }),
    );
    if (id !== null) {
      const done = answer.then(() => void inflight.delete(id));
      inflight.set(id, { controller, done });
    }
    return answer;
  }

  function onLine(line: string): void {
    if (line.trim() === "") return;
    let msg: unknown;
    try {
      msg = JSON.parse(line);
    } catch (err) {
      send({ id: null, error: { code: ErrorCode.ParseError, message: `Parse error: ${(err as Error).message}` } });
      return;
    }
    if (!Array.isArray(msg)) {
      const answer = handle(msg as Message);
      if (answer instanceof Promise) void answer.then((a) => write(JSON.stringify(a)));
      else if (answer) write(JSON.stringify(answer));
      return;
    }
    // A batch (§6): an array of the answers, nothing when all are notifications; an empty array is itself invalid.
    if (msg.length === 0) return write(JSON.stringify(invalid("a batch must hold at least one request")));
    void Promise.all(msg.map((m) => handle(m as Message))).then((answers) => {
      const sent = answers.filter((a) => a !== undefined);
      if (sent.length > 0) write(JSON.stringify(sent));
    });
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
