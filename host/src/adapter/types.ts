import type { AdapterManifest, Capabilities, ExecuteBatchResult, ExecuteQueryResult, MetricsParams, ProgressParams, SqlParam, TableRef, ColumnInfo, DiscoveryListParams, DiscoveryListResult } from "@rocky/protocol";
import type { Methods } from "@rocky/protocol";
import type { RequestType } from "vscode-jsonrpc";
import type { Logger } from "../log.js";

/** How to start one adapter: resolved from rocky.toml, PATH, or the first-party adapters. */
export interface AdapterSpec {
  /** The adapter's name in rocky.toml (`[adapter.NAME]`), or its type when resolved without config. */
  readonly name: string;
  readonly type: string;
  /** Program and arguments; spawned without a shell. */
  readonly command: readonly string[];
  /** The adapter's own config, sent in `initialize` after validation against the manifest's config_schema. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Where the command came from, for error messages. */
  readonly origin: "config" | "path" | "builtin" | "command";
}

export interface SpawnAdapterOptions {
  readonly spec: AdapterSpec;
  readonly logger: Logger;
  /** Spawn to completed handshake (default 10 s, env ROCKY_ADAPTER_STARTUP_TIMEOUT_MS). */
  readonly startupTimeoutMs?: number;
  /** Default deadline of each request (default 300 s, env ROCKY_ADAPTER_REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs?: number;
  /** Time allowed at each shutdown step: shutdown reply, exit after stdin close, exit after SIGTERM (default 2 s). */
  readonly shutdownGraceMs?: number;
  /** Skip config validation against the manifest (conformance probes send deliberately odd configs). */
  readonly skipConfigValidation?: boolean;
  /** The protocol range offered in initialize (defaults to PROTOCOL_VERSIONS). */
  readonly offerVersions?: { min: number; max: number };
}

export interface RequestOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ProgressParams) => void;
}

/** One statement of a batch: SQL and the values of its `?` placeholders. */
export interface BatchStatement {
  readonly sql: string;
  readonly params?: readonly SqlParam[] | undefined;
}

export interface ExecuteBatchOptions extends RequestOptions {
  /** All statements in one transaction, or none of them take effect (default true). */
  readonly transaction?: boolean;
}

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: string | null;
}

export interface QueryBatch {
  readonly columns: readonly string[];
  readonly rows: readonly unknown[][];
}

type AnyMethod = (typeof Methods)[keyof typeof Methods];
export type ParamsOf<M> = M extends { readonly type: RequestType<infer P, infer _R, infer _E> } ? P : never;
export type ResultOf<M> = M extends { readonly type: RequestType<infer _P, infer R, infer _E> } ? R : never;

/** A live, initialized adapter process. Every response is validated against the schemas before it is returned. */
export interface AdapterClient {
  readonly name: string;
  readonly pid: number;
  readonly manifest: AdapterManifest;
  readonly protocolVersion: number;
  /** True when the adapter answered initialize the original-protocol way (no protocol_version). */
  readonly legacy: boolean;
  has(capability: keyof Capabilities): boolean;
  /** Sends a request; rejects with AdapterError (wire error) or RockyError (timeout, crash, invalid response). */
  request<M extends AnyMethod>(method: M, params: ParamsOf<M>, options?: RequestOptions): Promise<ResultOf<M>>;
  executeStatement(sql: string, params?: readonly SqlParam[], options?: RequestOptions): Promise<void>;
  /**
   * Statements in order on one session (`execute_batch`). With `transaction` (the default) all or none take effect; an adapter
   * without the `transactions` capability is refused with ADAPTER_CAPABILITY_MISSING, never run piecemeal. Without
   * `transaction`, such an adapter gets one execute_statement after another. A failing statement rejects with an
   * AdapterError whose `statementIndex` says which.
   */
  executeBatch(statements: readonly BatchStatement[], options?: ExecuteBatchOptions): Promise<ExecuteBatchResult>;
  /** The whole result in memory; paged underneath when the adapter supports query_paging. */
  query(sql: string, params?: readonly SqlParam[], options?: RequestOptions): Promise<ExecuteQueryResult>;
  /** The result in batches of about `batchRows` rows, one page in flight ahead (or one batch for adapters without paging). */
  queryBatches(sql: string, params?: readonly SqlParam[], options?: RequestOptions & { batchRows?: number }): AsyncIterable<QueryBatch>;
  describeTable(ref: TableRef, options?: RequestOptions): Promise<ColumnInfo[]>;
  tableExists(ref: TableRef, options?: RequestOptions): Promise<boolean>;
  discover(params?: DiscoveryListParams, options?: RequestOptions): Promise<DiscoveryListResult>;
  /** shutdown, stdin close, SIGTERM, SIGKILL of the process group, each after a grace period. Idempotent. */
  close(): Promise<ExitInfo>;
  /** Calls `listener` with each $/metrics notification the adapter sends (its retries, its concurrency window). */
  onMetrics(listener: (metrics: MetricsParams) => void): void;
  /** Settles when the process has exited, however that happened. */
  readonly exited: Promise<ExitInfo>;
}
