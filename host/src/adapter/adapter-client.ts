import { Methods, withoutParams, type Capabilities, type ExecuteQueryResult, type QueryFetchResult, type QueryOpenResult, type SqlParam } from "@rocky/protocol";
import { RockyError } from "../errors.js";
import { dialectFor } from "../sql/dialect.js";
import type { AdapterConnection } from "./adapter-connection.js";
import { executeBatch } from "./execute-batch.js";
import type { Handshake } from "./handshake.js";
import type { AdapterClient, ExitInfo, QueryBatch, RequestOptions } from "./types.js";

const DEFAULT_BATCH_ROWS = 10_000;

/** The original protocol allows describe_table to answer a bare array of columns. */
function normalizeDescribe(raw: unknown): unknown {
  return Array.isArray(raw) ? { columns: raw } : raw;
}

export function createAdapterClient(conn: AdapterConnection, hs: Handshake, terminate: () => Promise<ExitInfo>): AdapterClient {
  let closing: Promise<ExitInfo> | undefined;
  const has = (cap: keyof Capabilities) => hs.manifest.capabilities[cap] === true;
  const dialect = dialectFor(hs.manifest.dialect);
  const inline = (sql: string, params: readonly SqlParam[]) => dialect.inlineParams(sql, params);

  const client: AdapterClient = {
    name: conn.name,
    pid: conn.pid,
    manifest: hs.manifest,
    protocolVersion: hs.protocolVersion,
    legacy: hs.legacy,
    exited: conn.exited,
    has,
    onMetrics(listener) {
      conn.metricsListeners.add(listener);
    },

    request(method, params, options = {}) {
      if (method.capability && !has(method.capability)) {
        return Promise.reject(
          new RockyError("ADAPTER_CAPABILITY_MISSING", `Adapter "${conn.name}" does not declare capability "${method.capability}" needed for "${method.method}"`, {
            hint: `Use an adapter whose manifest declares capabilities.${method.capability} = true`,
          }),
        );
      }
      const normalize = method.method === Methods.describeTable.method ? { normalize: normalizeDescribe } : {};
      let wire: unknown = params;
      try {
        if (hs.legacy) wire = withoutParams(method.method, params, inline);
      } catch (err) {
        return Promise.reject(err);
      }
      return conn.request(method.method, wire, method.result, { ...options, ...normalize });
    },

    async executeStatement(sql, params, options) {
      await client.request(Methods.executeStatement, withParams(sql, params), options);
    },

    executeBatch(statements, options) {
      return executeBatch(client, statements, options);
    },

    async query(sql, params, options) {
      if (!has("query_paging")) return client.request(Methods.executeQuery, withParams(sql, params), options);
      let columns: readonly string[] = [];
      const rows: unknown[][] = [];
      for await (const batch of client.queryBatches(sql, params, options)) {
        columns = batch.columns;
        for (const row of batch.rows) rows.push(row as unknown[]);
      }
      return { columns: [...columns], rows } satisfies ExecuteQueryResult;
    },

    async *queryBatches(sql, params, options = {}): AsyncGenerator<QueryBatch> {
      if (!has("query_paging")) {
        const r = await client.request(Methods.executeQuery, withParams(sql, params), options);
        yield { columns: r.columns, rows: r.rows as unknown[][] };
        return;
      }
      const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
      const opened: QueryOpenResult = await client.request(Methods.queryOpen, { ...withParams(sql, params), batch_rows: batchRows }, options);
      const fetch = () => client.request(Methods.queryFetch, { cursor: opened.cursor, max_rows: batchRows }, options);
      let done = false;
      try {
        let next: Promise<QueryFetchResult> = fetch();
        while (!done) {
          const page = await next;
          done = page.done;
          // One page in flight ahead of the consumer: the adapter reads while the host processes.
          if (!done) next = fetch();
          if (page.rows.length > 0) yield { columns: opened.columns, rows: page.rows as unknown[][] };
        }
      } finally {
        if (!done) await client.request(Methods.queryClose, { cursor: opened.cursor }, options).catch(() => undefined);
      }
    },

    async describeTable(ref, options: RequestOptions = {}) {
      return (await client.request(Methods.describeTable, ref, options)).columns;
    },

    async tableExists(ref, options: RequestOptions = {}) {
      return (await client.request(Methods.tableExists, ref, options)).exists;
    },

    discover(params = {}, options: RequestOptions = {}) {
      return client.request(Methods.discoveryList, params, options);
    },

    close() {
      closing ??= terminate();
      return closing;
    },
  };
  return client;
}

function withParams(sql: string, params: readonly SqlParam[] | undefined): { sql: string; params?: SqlParam[] } {
  return params && params.length > 0 ? { sql, params: [...params] } : { sql };
}
