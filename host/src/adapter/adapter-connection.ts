import { CancellationTokenSource, createMessageConnection, ErrorCodes, type Message, type MessageConnection, type MessageReader, ResponseError } from "vscode-jsonrpc/node";
import { LineMessageReader, LineMessageWriter, FramingError, Notifications, validate, formatProblems, type LogParams, type MetricsParams, type ProgressParams, type SchemaTypeName } from "@rocky/protocol";
import { RockyError } from "../errors.js";
import type { Logger } from "../log.js";
import { AdapterError } from "./adapter-error.js";
import type { StderrForwarder } from "./stderr-forwarder.js";
import type { ExitInfo, RequestOptions } from "./types.js";

/** The parts of a spawned process the connection needs; `completion` settles on exit. */
export interface AdapterChild {
  readonly pid: number;
  readonly stdin: NodeJS.WritableStream;
  readonly stdout: NodeJS.ReadableStream;
  readonly completion: Promise<ExitInfo>;
}

interface Inflight {
  readonly method: string;
  readonly onProgress: ((p: ProgressParams) => void) | undefined;
}

/** One adapter process and its JSON-RPC connection. Any fault (exit, junk on stdout, unknown id) fails every request in flight. */
export class AdapterConnection {
  private readonly rpc: MessageConnection;
  private readonly writer: LineMessageWriter;
  private readonly inflight = new Map<number | string, Inflight>();
  private failure: RockyError | undefined;
  private readonly failListeners = new Set<(err: RockyError) => void>();
  private readonly reader: LineMessageReader;
  private processGone = false;
  readonly exited: Promise<ExitInfo>;
  exitInfo: ExitInfo | undefined;

  constructor(
    readonly name: string,
    readonly child: AdapterChild,
    private readonly stderr: StderrForwarder,
    private readonly logger: Logger,
    readonly defaultTimeoutMs: number,
  ) {
    const pending = new Set<number | string>();
    const reader = new LineMessageReader(child.stdout as never, { pendingIds: pending });
    this.reader = reader;
    this.writer = new LineMessageWriter(child.stdin as never, pending);
    // With maxParallelism set, vscode-jsonrpc resolves a response as soon as its line is read instead of one message per
    // event-loop turn; $/log and $/progress are handled here, in line order, so progress still precedes its response.
    const routed: MessageReader = {
      onError: reader.onError,
      onClose: reader.onClose,
      onPartialMessage: reader.onPartialMessage,
      listen: (callback) => reader.listen((msg) => this.route(msg) || callback(msg)),
      dispose: () => reader.dispose(),
    };
    this.rpc = createMessageConnection(
      routed,
      this.writer,
      {
        error: (m) => logger.debug({ rpc: "error" }, m),
        warn: (m) => logger.debug({ rpc: "warn" }, m),
        info: (m) => logger.trace(m),
        log: (m) => logger.trace(m),
      },
      { maxParallelism: 1 },
    );
    reader.onError((err) => this.fail(this.describeReadError(err)));
    // stdout closing is normally the process exiting; one that lives on can never answer again.
    reader.onClose(() => {
      setTimeout(() => {
        if (this.processGone) return;
        this.fail(new RockyError("ADAPTER_PROTOCOL_VIOLATION", `Adapter "${name}" closed its stdout but kept running${this.duringWhat()}${this.stderr.describe()}`, {
          hint: "An adapter answers on stdout until stdin closes; it is stopped now",
        }));
      }, 500).unref();
    });
    this.rpc.onError(([err, written]) => {
      // A failed write (EPIPE) means the process is exiting: its exit code and stderr say why, so wait for them first.
      if (written !== undefined) void Promise.race([this.exited, new Promise((r) => setTimeout(r, 1000).unref())]).then(() => this.fail(this.describeReadError(err)));
      else this.fail(this.describeReadError(err));
    });
    this.rpc.listen();
    (child.stdin as NodeJS.WritableStream).on("error", () => undefined);
    this.exited = (async () => {
      const info = await child.completion;
      this.processGone = true;
      await this.stderr.done;
      this.exitInfo = info;
      this.fail(new RockyError("ADAPTER_CRASHED", `Adapter "${name}" exited ${describeExit(info)}${this.duringWhat()}${this.stderr.describe()}`, {
        hint: "Check the adapter's stderr above; run it by hand with the same config to reproduce",
      }));
      return info;
    })();
  }

  get pid(): number {
    return this.child.pid;
  }

  get failed(): RockyError | undefined {
    return this.failure;
  }

  onFail(listener: (err: RockyError) => void): void {
    this.failListeners.add(listener);
  }

  fail(err: RockyError): void {
    if (this.failure) return;
    this.failure = err;
    for (const l of this.failListeners) l(err);
  }

  /** Sends a request with a deadline; validates the result against `resultType` (after `normalize`). */
  async request<R>(method: string, params: unknown, resultType: SchemaTypeName, options: RequestOptions & { normalize?: (r: unknown) => unknown } = {}): Promise<R> {
    if (this.failure) throw this.failure;
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const cts = new CancellationTokenSource();
    let timer: NodeJS.Timeout | undefined;
    let onFail: ((e: RockyError) => void) | undefined;
    let onAbort: (() => void) | undefined;
    const sent = this.rpc.sendRequest<unknown>(method, params, cts.token);
    const id = this.writer.lastRequestId as number | string;
    this.inflight.set(id, { method, onProgress: options.onProgress });
    try {
      const raw = await new Promise<unknown>((resolve, reject) => {
        sent.then(resolve, (e: unknown) => {
          const closed = [ErrorCodes.PendingResponseRejected, ErrorCodes.ConnectionInactive, ErrorCodes.MessageWriteError] as number[];
          if (e instanceof ResponseError && !closed.includes(e.code)) {
            reject(this.wrapWireError(method, e));
            return;
          }
          // The connection closed (or the write failed) under the request: give the exit a moment so the error names the exit code.
          const grace = new Promise((r) => setTimeout(r, 1000).unref());
          void Promise.race([this.exited, grace]).then(() => reject(this.failure ?? this.wrapWireError(method, e)));
        });
        onFail = (e) => reject(e);
        this.failListeners.add(onFail);
        timer = setTimeout(() => {
          cts.cancel();
          const flood = this.reader.partialBytes > 0 ? `; meanwhile it wrote ${formatBytes(this.reader.partialBytes)} on stdout without ending the line` : "";
          reject(new RockyError("ADAPTER_TIMEOUT", `Adapter "${this.name}" did not answer "${method}" within ${timeoutMs} ms${flood}`, {
            hint: "The request was cancelled. Raise the deadline with ROCKY_ADAPTER_REQUEST_TIMEOUT_MS, or check the adapter for a hang",
          }));
        }, timeoutMs);
        if (options.signal) {
          onAbort = () => {
            cts.cancel();
            reject(new RockyError("CANCELLED", `Request "${method}" to adapter "${this.name}" was cancelled`));
          };
          if (options.signal.aborted) onAbort();
          else options.signal.addEventListener("abort", onAbort, { once: true });
        }
      });
      const result = options.normalize ? options.normalize(raw) : raw;
      const problems = validate(resultType, result);
      if (problems.length > 0) {
        throw new RockyError("ADAPTER_RESPONSE_INVALID", `Adapter "${this.name}" answered "${method}" with an invalid result: ${formatProblems(problems)}`, {
          hint: `The result must match ${resultType} in schemas/protocol/messages.schema.json`,
        });
      }
      return result as R;
    } finally {
      clearTimeout(timer);
      if (onFail) this.failListeners.delete(onFail);
      if (onAbort) options.signal?.removeEventListener("abort", onAbort);
      this.inflight.delete(id);
      cts.dispose();
    }
  }

  /** Stops reading and writing; the process is left to terminate(). */
  dispose(): void {
    this.rpc.dispose();
  }

  endInput(): void {
    try {
      this.writer.end();
    } catch {
      // stdin already closed
    }
  }

  private wrapWireError(method: string, e: unknown): RockyError {
    if (e instanceof ResponseError) return new AdapterError(this.name, method, e.code, e.message, e.data);
    if (e instanceof RockyError) return e;
    return this.failure ?? new RockyError("ADAPTER_CRASHED", `Adapter "${this.name}" connection failed during "${method}": ${String((e as Error)?.message ?? e)}`);
  }

  private describeReadError(err: unknown): RockyError {
    if (err instanceof FramingError) {
      const what = err.kind === "unknown-response-id" ? err.message.replace(/^Response has id/, "answered under id") : `wrote to stdout something that is not a protocol message: ${err.message}`;
      return new RockyError("ADAPTER_PROTOCOL_VIOLATION", `Adapter "${this.name}" ${what}${this.duringWhat()}${this.stderr.describe()}`, {
        hint: "Adapters must write only JSON-RPC messages to stdout, one per line; logs belong on stderr or in $/log notifications",
      });
    }
    return new RockyError("ADAPTER_PROTOCOL_VIOLATION", `Adapter "${this.name}" connection failed: ${String((err as Error)?.message ?? err)}${this.duringWhat()}`);
  }

  private duringWhat(): string {
    const methods = [...new Set([...this.inflight.values()].map((i) => i.method))];
    return methods.length === 0 ? "" : ` during ${methods.map((m) => `"${m}"`).join(", ")}`;
  }

  /** Listeners of the adapter's $/metrics notifications (the run's metrics). */
  readonly metricsListeners = new Set<(p: MetricsParams) => void>();

  /** Handles $/log, $/progress and $/metrics on arrival; true when the message was one of them. */
  private route(msg: Message): boolean {
    const m = msg as { id?: unknown; method?: unknown; params?: unknown };
    if (m.id !== undefined || !ROUTED.has(m.method)) return false;
    try {
      if (m.method === Notifications.log.method) this.onLog(m.params as LogParams);
      else if (m.method === Notifications.metrics.method) this.onMetrics(m.params);
      else this.inflight.get((m.params as ProgressParams).token)?.onProgress?.(m.params as ProgressParams);
    } catch (err) {
      this.logger.warn({ err }, `Handling "${String(m.method)}" from the adapter failed`);
    }
    return true;
  }

  private onMetrics(params: unknown): void {
    const problems = validate("MetricsParams", params);
    if (problems.length > 0) {
      this.logger.warn({ problems: formatProblems(problems) }, `Adapter "${this.name}" sent $/metrics that do not match MetricsParams; ignored`);
      return;
    }
    for (const listener of this.metricsListeners) listener(params as MetricsParams);
  }

  private onLog(p: LogParams): void {
    const fields = { ...(p.fields ?? {}), via: "$/log" };
    const level = p.level === "warn" ? "warn" : p.level;
    this.logger[level](fields, p.message);
  }
}

const ROUTED = new Set<unknown>([Notifications.log.method, Notifications.progress.method, Notifications.metrics.method]);

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${n} bytes`;
}

export function describeExit(info: ExitInfo): string {
  if (info.signal) return `on signal ${info.signal}`;
  return `with code ${info.code ?? "unknown"}`;
}
