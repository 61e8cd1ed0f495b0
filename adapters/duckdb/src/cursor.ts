import type { DuckDBConnection, DuckDBDataChunk, DuckDBResult } from "@duckdb/node-api";
import { interruptible } from "./interruptible.js";
import { chunkRows, columnWriter, type ColumnWriter } from "./json-values.js";

/** A streaming result on its own connection, read in batches of rows converted to protocol JSON. */
export class Cursor {
  private buffered: unknown[][] = [];
  private exhausted = false;
  private reading: Promise<unknown> = Promise.resolve();
  private writers: ColumnWriter[] | undefined;
  /** The next chunk, requested as soon as the previous one arrived: DuckDB reads it while this thread converts and sends. */
  private next: Promise<DuckDBDataChunk | null> | undefined;

  constructor(
    private readonly connection: DuckDBConnection,
    private readonly result: DuckDBResult,
    readonly batchRows: number,
  ) {}

  get columns(): string[] {
    return this.result.columnNames();
  }

  get columnTypes(): string[] {
    return this.result.columnTypes().map(String);
  }

  /** Up to `maxRows` rows; `done` when no row is left. Calls on one cursor run one after another. */
  fetch(maxRows: number, signal: AbortSignal): Promise<{ rows: unknown[][]; done: boolean }> {
    const next = this.reading.then(() => interruptible(this.connection, signal, () => this.take(maxRows)));
    this.reading = next.catch(() => undefined);
    return next;
  }

  private async take(maxRows: number): Promise<{ rows: unknown[][]; done: boolean }> {
    const rows: unknown[][] = [];
    while (rows.length < maxRows) {
      if (this.buffered.length === 0 && !(await this.readChunk())) break;
      const room = maxRows - rows.length;
      rows.push(...this.buffered.splice(0, room));
    }
    // Read ahead one chunk so the last batch already says done.
    const done = this.buffered.length === 0 && !(await this.readChunk());
    return { rows, done };
  }

  private async readChunk(): Promise<boolean> {
    if (this.exhausted) return false;
    const chunk = await (this.next ?? this.result.fetchChunk());
    this.next = undefined;
    if (!chunk || chunk.rowCount === 0) {
      this.exhausted = true;
      return false;
    }
    this.next = this.result.fetchChunk();
    // Its failure is seen by the read that awaits it (or by nobody, once the cursor is closed).
    this.next.catch(() => undefined);
    this.writers ??= this.result.columnTypes().map(columnWriter);
    this.buffered = chunkRows(chunk, this.writers);
    return true;
  }

  /** Frees the result and its connection, once a fetch in progress has stopped. */
  close(): Promise<void> {
    this.exhausted = true;
    this.buffered = [];
    const pending = this.next?.catch(() => undefined);
    const closed = this.reading.then(() => pending).then(() => this.connection.closeSync());
    this.reading = closed;
    return closed;
  }
}
