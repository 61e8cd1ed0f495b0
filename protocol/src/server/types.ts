import type { RequestType } from "vscode-jsonrpc";
import type { AdapterManifest, InitializeParams, LogParams, MetricsParams, ProtocolVersionRange } from "../generated/types.js";
import type { ByteSink, ByteSource } from "../line-framing.js";
import type { Methods } from "../methods.js";
import type { WIRE_NAMES } from "./wire-names.js";

type MethodKey = keyof typeof WIRE_NAMES;
type MethodTable = { [K in MethodKey as (typeof WIRE_NAMES)[K]]: (typeof Methods)[K] };
/** A request method name of the protocol, e.g. `"execute_query"` or `"query/open"`. */
export type WireMethod = keyof MethodTable;
/** Params type of a wire method. */
export type ParamsOf<M extends WireMethod> = MethodTable[M]["type"] extends RequestType<infer P, infer _R, infer _E> ? P : never;
/** Result type of a wire method. */
export type ResultOf<M extends WireMethod> = MethodTable[M]["type"] extends RequestType<infer _P, infer R, infer _E> ? R : never;

export type LogLevel = LogParams["level"];

/** What a handler gets besides its params. */
export interface HandlerContext {
  /** The request id; also the `$/progress` token. */
  readonly id: number | string;
  readonly method: string;
  /** Aborted when the host sends `$/cancelRequest` for this id, or when the input ends. */
  readonly signal: AbortSignal;
  /** Sends `$/progress` with `token` = the request id. */
  progress(current?: number, total?: number, message?: string): void;
  /** Sends `$/log` to the host. */
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  /** Sends `$/metrics` to the host: counter increments (e.g. retries) and gauges (e.g. concurrency_window). */
  metrics(metrics: MetricsParams): void;
}

export type AdapterHandler<P, R> = (params: P, ctx: HandlerContext) => R | Promise<R>;

/**
 * Handlers keyed by wire method name. The server answers `initialize`, `shutdown` and `ping` itself;
 * `initialize` and `shutdown` handlers, when given, run first (open the warehouse, flush state).
 */
export type AdapterHandlers = {
  [M in Exclude<WireMethod, "initialize" | "shutdown" | "ping">]?: AdapterHandler<ParamsOf<M>, ResultOf<M>>;
} & {
  initialize?: AdapterHandler<InitializeParams, void>;
  shutdown?: AdapterHandler<Record<string, never>, void>;
};

/** Receives the server's own diagnostics (never the protocol stream). pino and console loggers fit. */
export interface AdapterServerLogger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug?(message: string): void;
}

export interface AdapterServerOptions {
  readonly manifest: AdapterManifest;
  /** Protocol versions this adapter speaks; usually PROTOCOL_VERSIONS. */
  readonly supportedVersions: ProtocolVersionRange;
  readonly handlers: AdapterHandlers;
  /** Host to adapter bytes (stdin). */
  readonly input: ByteSource;
  /** Adapter to host bytes (stdout). Nothing else may write to it. */
  readonly output: ByteSink;
  /** Called once when the input ends (or the output closes), after requests in flight have settled. */
  readonly onExit?: (code: number) => void | Promise<void>;
  readonly logger?: AdapterServerLogger;
  /** Validate every handler result against its schema and answer -32603 when it does not match (default true). */
  readonly validateResults?: boolean;
  /** How long to wait for requests in flight after the input ends, in ms (default 5000). */
  readonly exitGraceMs?: number;
}

export interface AdapterServer {
  /** Resolves with the exit code once the server has stopped. */
  readonly exited: Promise<number>;
  /** The negotiated protocol version, once `initialize` succeeded. */
  readonly protocolVersion: number | undefined;
  /** Sends `$/log` outside any request. */
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  /** Stops as if the input had ended. */
  close(): Promise<number>;
}
