import { randomUUID } from "node:crypto";
import { AdapterServerError, ErrorCodes, type AdapterHandlers, type QueryOpenParams } from "@rocky/protocol";

/** One chunk of a remote result (a Databricks chunk, a Snowflake partition). */
export interface RemoteChunk {
  readonly rows: unknown[][];
  /** No chunk follows this one. */
  readonly last: boolean;
}

/** A result held by the remote service, read one chunk at a time. */
export interface RemoteResult {
  readonly columns: string[];
  readonly columnTypes?: string[];
  /** The next chunk, in order; called again only after the previous call settled, never after `last`. */
  next(signal: AbortSignal): Promise<RemoteChunk>;
  /** Frees the result on the service (cancel a running statement); called once, when the cursor closes. */
  close?(): Promise<void>;
}

export interface RemotePagingOptions {
  /** Starts the query; the first chunk is read by the first `query/fetch`. */
  readonly open: (params: QueryOpenParams, signal: AbortSignal) => Promise<RemoteResult>;
  /** Maps a failure of `open` or `next` to the wire error (default: the error as thrown). */
  readonly toWireError?: (error: unknown) => unknown;
  /** Rows per fetch when the host does not say (default 10,000, as the protocol's). */
  readonly defaultBatchRows?: number;
}

export interface RemotePaging {
  /** `query/open`, `query/fetch` and `query/close`. */
  readonly handlers: Pick<AdapterHandlers, "query/open" | "query/fetch" | "query/close">;
  /** Cursors open now. */
  readonly openCursors: number;
  /** Closes every cursor (on shutdown). */
  closeAll(): Promise<void>;
}

/**
 * Serves query paging over a remote result: each `query/fetch` pulls chunks only as far as it needs, so at most one
 * chunk (plus the rows of one fetch) is held in memory however large the result.
 */
export function createRemotePaging(options: RemotePagingOptions): RemotePaging {
  const cursors = new Map<string, RemoteCursor>();
  const wire = options.toWireError ?? ((e: unknown) => e);
  const close = async (id: string) => {
    const cursor = cursors.get(id);
    cursors.delete(id);
    await cursor?.close();
  };
  return {
    handlers: {
      "query/open": async (params, ctx) => {
        let result: RemoteResult;
        try {
          result = await options.open(params, ctx.signal);
        } catch (error) {
          throw wire(error);
        }
        const id = randomUUID();
        cursors.set(id, new RemoteCursor(result, params.batch_rows ?? options.defaultBatchRows ?? 10_000));
        return { cursor: id, columns: result.columns, ...(result.columnTypes ? { column_types: result.columnTypes } : {}) };
      },
      "query/fetch": async (params, ctx) => {
        const cursor = cursors.get(params.cursor);
        if (!cursor) {
          throw new AdapterServerError(ErrorCodes.NotFound, `Cursor "${params.cursor}" does not exist or is closed`, { code: "NOT_FOUND" });
        }
        try {
          const batch = await cursor.fetch(params.max_rows ?? cursor.batchRows, ctx.signal);
          if (batch.done) await close(params.cursor);
          return batch;
        } catch (error) {
          await close(params.cursor).catch(() => undefined);
          throw wire(error);
        }
      },
      "query/close": async (params) => {
        await close(params.cursor).catch(() => undefined);
        return {};
      },
    },
    get openCursors() {
      return cursors.size;
    },
    async closeAll() {
      const ids = [...cursors.keys()];
      await Promise.all(ids.map((id) => close(id).catch(() => undefined)));
    },
  };
}

class RemoteCursor {
  private buffer: unknown[][] = [];
  private offset = 0;
  private finished = false;
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly result: RemoteResult,
    readonly batchRows: number,
  ) {}

  /** Up to `maxRows` rows; calls on one cursor run one after another. */
  fetch(maxRows: number, signal: AbortSignal): Promise<{ rows: unknown[][]; done: boolean }> {
    const next = this.queue.then(() => this.take(maxRows, signal));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async take(maxRows: number, signal: AbortSignal): Promise<{ rows: unknown[][]; done: boolean }> {
    const rows: unknown[][] = [];
    while (rows.length < maxRows) {
      if (this.offset >= this.buffer.length) {
        if (this.finished || this.closed) break;
        const chunk = await this.result.next(signal);
        this.buffer = chunk.rows;
        this.offset = 0;
        this.finished = chunk.last;
        continue;
      }
      const end = Math.min(this.buffer.length, this.offset + (maxRows - rows.length));
      for (let i = this.offset; i < end; i++) rows.push(this.buffer[i] as unknown[]);
      this.offset = end;
    }
    if (this.offset >= this.buffer.length) this.buffer = [];
    return { rows, done: this.finished && this.offset >= this.buffer.length };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.buffer = [];
    await this.result.close?.();
  }
}
