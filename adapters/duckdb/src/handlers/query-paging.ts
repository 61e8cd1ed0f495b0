import type { DuckDBValue } from "@duckdb/node-api";
import type { AdapterHandlers } from "@rocky/protocol";
import { executionFailed, notFound } from "../adapter-errors.js";
import { Cursor } from "../cursor.js";
import type { DuckDbDatabase } from "../duckdb-database.js";
import { interruptible } from "../interruptible.js";

const DEFAULT_BATCH_ROWS = 10_000;

/** query/open, query/fetch, query/close: results streamed from DuckDB, never materialized whole. */
export function queryPagingHandlers(db: () => DuckDbDatabase, cursors: Map<string, Cursor>): AdapterHandlers {
  return {
    "query/open": async (params, ctx) => {
      const connection = await db().connect();
      try {
        const result = await interruptible(connection, ctx.signal, () => connection.stream(params.sql, (params.params ?? []) as DuckDBValue[]));
        const cursor = new Cursor(connection, result, params.batch_rows ?? DEFAULT_BATCH_ROWS);
        // Web Crypto's randomUUID: node:crypto loaded at start-up cost the handshake 5-60 ms (idle to loaded) for a cursor id.
        const id = globalThis.crypto.randomUUID();
        cursors.set(id, cursor);
        return { cursor: id, columns: cursor.columns, column_types: cursor.columnTypes };
      } catch (error) {
        connection.closeSync();
        throw executionFailed(error);
      }
    },

    "query/fetch": async (params, ctx) => {
      const cursor = cursors.get(params.cursor);
      if (!cursor) throw notFound(`Cursor "${params.cursor}" does not exist or is closed`);
      try {
        const batch = await cursor.fetch(params.max_rows ?? cursor.batchRows, ctx.signal);
        if (batch.done) close(cursors, params.cursor);
        return batch;
      } catch (error) {
        close(cursors, params.cursor);
        throw executionFailed(error);
      }
    },

    "query/close": (params) => {
      close(cursors, params.cursor);
      return {};
    },
  };
}

function close(cursors: Map<string, Cursor>, id: string): void {
  void cursors.get(id)?.close();
  cursors.delete(id);
}
