import { normalizeErrorCode } from "./error-codes.js";
import { AbstractMessageReader, AbstractMessageWriter, type DataCallback, type Disposable, type Message } from "vscode-jsonrpc";

/** Minimal stream shapes, so this module needs no Node typings at its edge. */
export interface ByteSource {
  on(event: "data", listener: (chunk: Buffer) => void): unknown;
  on(event: "end" | "close", listener: () => void): unknown;
  on(event: "error", listener: (err: Error) => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
}
export interface ByteSink {
  write(chunk: string, cb?: (err?: Error | null) => void): boolean;
  once(event: "drain", listener: () => void): unknown;
  end(): unknown;
}

/** A line on the wire that is not a JSON-RPC 2.0 message. */
export class FramingError extends Error {
  constructor(
    message: string,
    readonly line: string,
    readonly kind: "not-json" | "not-jsonrpc" | "unknown-response-id" | "line-too-long",
  ) {
    super(message);
    this.name = "FramingError";
  }
}

export interface LineReaderOptions {
  /** Called for an invalid line instead of failing the reader (servers answer a parse error and go on). */
  readonly onInvalidLine?: (error: FramingError) => void;
  /** Ids of requests this side sent and has not had answered; a response with any other id is an error. */
  readonly pendingIds?: Set<number | string>;
  /** Largest accepted line, in bytes (default 256 MiB). */
  readonly maxLineBytes?: number;
}

const NEWLINE = 0x0a;
const CR = 0x0d;
const preview = (line: string) => (line.length > 200 ? `${line.slice(0, 200)}…` : line);

/** Original-protocol adapters send string error codes; keep the string in `data.code` and use the integer on the wire. */
function normalizeLegacyError(msg: { error?: { code?: unknown; data?: unknown } }): void {
  const err = msg.error;
  if (!err || typeof err !== "object" || typeof err.code === "number") return;
  const { code, name } = normalizeErrorCode(err.code);
  const data = err.data && typeof err.data === "object" && !Array.isArray(err.data) ? err.data : err.data === undefined ? {} : { value: err.data };
  err.data = { code: name, ...(data as object) };
  err.code = code;
}

/**
 * Splits a byte stream into `\n`-terminated UTF-8 lines, a trailing `\r` removed and blank lines skipped. A line longer
 * than `maxLineBytes` without a newline is dropped and reported to `onTooLong` with its first 200 bytes.
 */
export class LineSplitter {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Bytes read of a line whose newline has not arrived yet (a peer flooding stdout without newlines shows here). */
  get partialBytes(): number {
    return this.buffered;
  }

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onTooLong: (head: string, maxLineBytes: number) => void,
    private readonly maxLineBytes = 256 * 1024 * 1024,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    let nl = chunk.indexOf(NEWLINE, start);
    while (nl !== -1) {
      let line: Buffer;
      if (this.chunks.length > 0) {
        this.chunks.push(chunk.subarray(start, nl));
        line = Buffer.concat(this.chunks);
        this.chunks = [];
        this.buffered = 0;
      } else line = chunk.subarray(start, nl);
      const end = line.length > 0 && line[line.length - 1] === CR ? line.length - 1 : line.length;
      const text = line.toString("utf8", 0, end);
      if (text.trim() !== "") this.onLine(text);
      start = nl + 1;
      nl = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) {
      this.chunks.push(chunk.subarray(start));
      this.buffered += chunk.length - start;
      if (this.buffered > this.maxLineBytes) {
        const head = Buffer.concat(this.chunks).subarray(0, 200).toString("utf8");
        this.chunks = [];
        this.buffered = 0;
        this.onTooLong(head, this.maxLineBytes);
      }
    }
  }
}

/** Reads JSON Lines: one JSON-RPC message per `\n`-terminated UTF-8 line. A trailing `\r` is tolerated. */
export class LineMessageReader extends AbstractMessageReader {
  private lines: LineSplitter | undefined;

  constructor(
    private readonly source: ByteSource,
    private readonly options: LineReaderOptions = {},
  ) {
    super();
  }

  /** Bytes read of a line whose newline has not arrived yet (a peer flooding stdout without newlines shows here). */
  get partialBytes(): number {
    return this.lines?.partialBytes ?? 0;
  }

  listen(callback: DataCallback): Disposable {
    const lines = new LineSplitter(
      (line) => this.onLine(line, callback),
      (head, max) => this.invalid(new FramingError(`Line exceeds ${max} bytes without a newline`, head, "line-too-long")),
      this.options.maxLineBytes,
    );
    this.lines = lines;
    const onData = (chunk: Buffer) => lines.push(chunk);
    const onEnd = () => this.fireClose();
    const onError = (err: Error) => this.fireError(err);
    this.source.on("data", onData);
    this.source.on("end", onEnd);
    this.source.on("error", onError);
    return {
      dispose: () => {
        this.source.removeListener("data", onData);
        this.source.removeListener("end", onEnd);
        this.source.removeListener("error", onError);
      },
    };
  }

  private onLine(line: string, callback: DataCallback): void {
    let msg: unknown;
    try {
      msg = JSON.parse(line);
    } catch {
      this.invalid(new FramingError(`Line is not JSON: ${JSON.stringify(preview(line))}`, line, "not-json"));
      return;
    }
    if (msg === null || typeof msg !== "object" || Array.isArray(msg) || (msg as { jsonrpc?: unknown }).jsonrpc !== "2.0") {
      this.invalid(new FramingError(`Line is not a JSON-RPC 2.0 message: ${JSON.stringify(preview(line))}`, line, "not-jsonrpc"));
      return;
    }
    const pending = this.options.pendingIds;
    const m = msg as { id?: unknown; method?: unknown };
    if (pending && m.method === undefined && m.id !== undefined) {
      if (!pending.delete(m.id as number | string)) {
        this.invalid(
          new FramingError(`Response has id ${JSON.stringify(m.id)}, which matches no request in flight`, line, "unknown-response-id"),
        );
        return;
      }
    }
    normalizeLegacyError(msg as { error?: { code?: unknown; data?: unknown } });
    callback(msg as Message);
  }

  private invalid(error: FramingError): void {
    if (this.options.onInvalidLine) this.options.onInvalidLine(error);
    else this.fireError(error);
  }
}

/**
 * Writes one JSON-RPC message per line, honouring backpressure. Records request ids in `pendingIds`.
 * Messages written in the same turn (e.g. the requests that follow a batch of responses) go to the sink in one write.
 */
export class LineMessageWriter extends AbstractMessageWriter {
  private batch: string[] = [];
  private flushing: Promise<void> | undefined;
  /** Id of the last request written; vscode-jsonrpc writes synchronously inside sendRequest, so callers read it right after. */
  lastRequestId: number | string | undefined;

  constructor(
    private readonly sink: ByteSink,
    private readonly pendingIds?: Set<number | string>,
  ) {
    super();
  }

  write(msg: Message): Promise<void> {
    const m = msg as { id?: number | string | null; method?: string };
    if (m.method !== undefined && m.id !== undefined && m.id !== null) {
      this.lastRequestId = m.id;
      this.pendingIds?.add(m.id);
    }
    this.batch.push(JSON.stringify(msg));
    this.flushing ??= new Promise<void>((resolve, reject) => queueMicrotask(() => this.flush(msg, resolve, reject)));
    return this.flushing;
  }

  end(): void {
    if (this.batch.length > 0) this.flush(undefined, () => undefined, () => undefined);
    this.sink.end();
  }

  private flush(first: Message | undefined, resolve: () => void, reject: (err: Error) => void): void {
    const count = this.batch.length;
    if (count === 0) return resolve();
    const chunk = `${this.batch.join("\n")}\n`;
    this.batch = [];
    this.flushing = undefined;
    const ok = this.sink.write(chunk, (err) => {
      if (!err) return;
      this.fireError(err, first, count);
      reject(err);
    });
    if (ok) resolve();
    else this.sink.once("drain", () => resolve());
  }
}
