import { ErrorCodes, ResponseError, type Message } from "vscode-jsonrpc";
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

type RequestId = number;

/** A request sent and not yet settled. */
interface Inflight {
  readonly id: RequestId;
  readonly method: string;
  readonly resultType: SchemaTypeName;
  readonly normalize: ((r: unknown) => unknown) | undefined;
  readonly onProgress: ((p: ProgressParams) => void) | undefined;
  /** performance.now() after which the request is cancelled. */
  readonly deadline: number;
  readonly timeoutMs: number;
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * One adapter process and its JSON-RPC connection. Any fault (exit, junk on stdout, unknown id) fails every request in
 * flight.
 *
 * The request path is the host's hot path (every statement, page and describe goes through it), so it does not go
 * through vscode-jsonrpc's MessageConnection: a request is one map entry and one line for the writer (the lines of one
 * turn go out in one write), answers are matched by id as their line is read, and deadlines share one timer armed for
 * the earliest of them instead of one timer and one cancellation source per request. The wire behaviour is
 * vscode-jsonrpc's: params by name or wrapped in an array, `$/cancelRequest` on a deadline or an abort, a late answer to a
 * cancelled request accepted silently, requests from the adapter answered with MethodNotFound.
 */
export class AdapterConnection {
  private readonly writer: LineMessageWriter;
  private readonly inflight = new Map<RequestId, Inflight>();
  /** Requests given up on (deadline, abort, failure) whose answer may still arrive; any other unknown id is a violation. */
  private readonly abandoned = new Set<RequestId>();
  private nextId = 0;
  private failure: RockyError | undefined;
  private readonly failListeners = new Set<(err: RockyError) => void>();
  private readonly reader: LineMessageReader;
  private readonly listening: { dispose(): void };
  private processGone = false;
  private disposed = false;
  /** The one deadline timer, armed for `timerAt` (performance.now()); referenced only while a request is in flight. */
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private timerRef = false;
  /** The last batch promise handed out by the writer, already guarded against unhandled rejection. */
  private guardedFlush: Promise<void> | undefined;
  readonly exited: Promise<ExitInfo>;
  exitInfo: ExitInfo | undefined;

  constructor(
    readonly name: string,
    readonly child: AdapterChild,
    private readonly stderr: StderrForwarder,
    private readonly logger: Logger,
    readonly defaultTimeoutMs: number,
  ) {
    const reader = new LineMessageReader(child.stdout as never);
    this.reader = reader;
    this.writer = new LineMessageWriter(child.stdin as never);
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
    // A failed write (EPIPE) means the process is exiting: its exit code and stderr say why, so wait for them first.
    this.writer.onError(([err]) => void Promise.race([this.exited, new Promise((r) => setTimeout(r, 1000).unref())]).then(() => this.fail(this.describeReadError(err))));
    this.listening = reader.listen((msg) => this.onMessage(msg));
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
    for (const req of [...this.inflight.values()]) this.settle(req, err, true);
  }

  /** Sends a request with a deadline; validates the result against `resultType` (after `normalize`). */
  request<R>(method: string, params: unknown, resultType: SchemaTypeName, options: RequestOptions & { normalize?: (r: unknown) => unknown } = {}): Promise<R> {
    if (this.failure) return Promise.reject(this.failure);
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      const req: Inflight = {
        id,
        method,
        resultType,
        normalize: options.normalize,
        onProgress: options.onProgress,
        deadline: performance.now() + timeoutMs,
        timeoutMs,
        resolve: resolve as (value: unknown) => void,
        reject,
        signal: undefined,
        onAbort: undefined,
      };
      this.inflight.set(id, req);
      this.send({ jsonrpc: "2.0", id, method, params: wireParams(params) });
      this.armDeadline(req.deadline);
      const signal = options.signal;
      if (signal) {
        if (signal.aborted) this.abort(req);
        else {
          req.signal = signal;
          req.onAbort = () => this.abort(req);
          signal.addEventListener("abort", req.onAbort, { once: true });
        }
      }
    });
  }

  /** Stops reading and writing; the process is left to terminate(). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.listening.dispose();
    this.reader.dispose();
    this.writer.dispose();
    const gone = this.failure ?? new RockyError("ADAPTER_CRASHED", `Adapter "${this.name}" connection was closed${this.duringWhat()}`);
    for (const req of [...this.inflight.values()]) this.settle(req, gone, true);
    this.clearTimer();
  }

  endInput(): void {
    try {
      this.writer.end();
    } catch {
      // stdin already closed
    }
  }

  private send(message: object): void {
    const flushed = this.writer.write(message as Message);
    if (flushed !== this.guardedFlush) {
      this.guardedFlush = flushed;
      // A failed write fails the connection through the writer's onError.
      flushed.catch(() => undefined);
    }
  }

  /** Removes a request; rejects it with `err` (and remembers its id, whose answer may still come) or resolves it. */
  private settle(req: Inflight, outcome: unknown, failed: boolean): void {
    if (this.inflight.get(req.id) !== req) return;
    this.inflight.delete(req.id);
    if (req.onAbort) req.signal?.removeEventListener("abort", req.onAbort);
    if (this.inflight.size === 0) this.idleTimer();
    if (failed) {
      this.abandoned.add(req.id);
      req.reject(outcome);
    } else req.resolve(outcome);
  }

  /** Gives up on a request: tells the adapter ($/cancelRequest) and rejects it with `err`. */
  private cancel(req: Inflight, err: RockyError): void {
    if (this.inflight.get(req.id) !== req) return;
    this.send({ jsonrpc: "2.0", method: Notifications.cancelRequest.method, params: { id: req.id } });
    this.settle(req, err, true);
  }

  private abort(req: Inflight): void {
    this.cancel(req, new RockyError("CANCELLED", `Request "${req.method}" to adapter "${this.name}" was cancelled`));
  }

  private expire(req: Inflight): void {
    const flood = this.reader.partialBytes > 0 ? `; meanwhile it wrote ${formatBytes(this.reader.partialBytes)} on stdout without ending the line` : "";
    this.cancel(
      req,
      new RockyError("ADAPTER_TIMEOUT", `Adapter "${this.name}" did not answer "${req.method}" within ${req.timeoutMs} ms${flood}`, {
        hint: "The request was cancelled. Raise the deadline with ROCKY_ADAPTER_REQUEST_TIMEOUT_MS, or check the adapter for a hang",
      }),
    );
  }

  /** Makes sure the shared timer fires no later than `deadline`. */
  private armDeadline(deadline: number): void {
    if (deadline < this.timerAt) {
      if (this.timer) clearTimeout(this.timer);
      this.timerAt = deadline;
      this.timer = setTimeout(() => this.onTimer(), Math.max(0, deadline - performance.now()));
      this.timerRef = true;
    } else if (!this.timerRef && this.timer) {
      this.timer.ref();
      this.timerRef = true;
    }
  }

  /** Expires every request past its deadline, then re-arms for the earliest one left. */
  private onTimer(): void {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    // Timers may fire up to a millisecond before their nominal time.
    const now = performance.now() + 1;
    let next = Number.POSITIVE_INFINITY;
    for (const req of [...this.inflight.values()]) {
      if (req.deadline <= now) this.expire(req);
      else if (req.deadline < next) next = req.deadline;
    }
    if (next !== Number.POSITIVE_INFINITY && this.inflight.size > 0) this.armDeadline(next);
  }

  /** Nothing in flight: the timer may stay armed (it re-arms correctly) but must not keep the process alive. */
  private idleTimer(): void {
    if (this.timer && this.timerRef) {
      this.timer.unref();
      this.timerRef = false;
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }

  /** One message read from the adapter, in line order. */
  private onMessage(msg: Message): void {
    const m = msg as { id?: unknown; method?: unknown; params?: unknown; result?: unknown; error?: unknown };
    if (m.method === undefined) {
      if (m.id !== undefined) this.onResponse(m);
      else this.logger.debug({ rpc: "error" }, "Received a message that is neither a request, a response nor a notification");
      return;
    }
    if (m.id === undefined) {
      this.route(m);
      return;
    }
    // The host serves no methods.
    if (typeof m.method === "string" && (typeof m.id === "number" || typeof m.id === "string")) {
      this.send({ jsonrpc: "2.0", id: m.id, error: new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${m.method}`).toJson() });
    }
  }

  private onResponse(m: { id?: unknown; result?: unknown; error?: unknown }): void {
    const req = this.inflight.get(m.id as RequestId);
    if (!req) {
      if (!this.abandoned.delete(m.id as RequestId)) {
        this.fail(this.describeReadError(new FramingError(`Response has id ${JSON.stringify(m.id)}, which matches no request in flight`, JSON.stringify(m), "unknown-response-id")));
      }
      return;
    }
    if (m.error) {
      const e = m.error as { code?: unknown; message?: string; data?: unknown };
      this.settle(req, this.wrapWireError(req.method, new ResponseError(e.code as number, e.message as string, e.data)), true);
      return;
    }
    if (m.result === undefined) {
      // Neither a result nor an error: not a response (vscode-jsonrpc's rule too); the request runs into its deadline.
      this.logger.debug({ rpc: "error" }, `Received an answer to "${req.method}" without result or error`);
      return;
    }
    let result: unknown;
    try {
      result = req.normalize ? req.normalize(m.result) : m.result;
    } catch (err) {
      this.settle(req, err, true);
      return;
    }
    const problems = validate(req.resultType, result);
    if (problems.length > 0) {
      this.settle(
        req,
        new RockyError("ADAPTER_RESPONSE_INVALID", `Adapter "${this.name}" answered "${req.method}" with an invalid result: ${formatProblems(problems)}`, {
          hint: `The result must match ${req.resultType} in schemas/protocol/messages.schema.json`,
        }),
        true,
      );
      return;
    }
    this.settle(req, result, false);
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

  /** Handles $/log, $/progress and $/metrics on arrival; other notifications are ignored. */
  private route(m: { method?: unknown; params?: unknown }): void {
    if (!ROUTED.has(m.method)) return;
    try {
      if (m.method === Notifications.log.method) this.onLog(m.params as LogParams);
      else if (m.method === Notifications.metrics.method) this.onMetrics(m.params);
      else this.inflight.get((m.params as ProgressParams).token as RequestId)?.onProgress?.(m.params as ProgressParams);
    } catch (err) {
      this.logger.warn({ err }, `Handling "${String(m.method)}" from the adapter failed`);
    }
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

/** vscode-jsonrpc's rule for one parameter: an object goes by name, anything else as a one-element array. */
function wireParams(params: unknown): unknown {
  return params !== null && typeof params === "object" && !Array.isArray(params) ? params : [params === undefined ? null : params];
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${n} bytes`;
}

export function describeExit(info: ExitInfo): string {
  if (info.signal) return `on signal ${info.signal}`;
  return `with code ${info.code ?? "unknown"}`;
}
