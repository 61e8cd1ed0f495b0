import { ErrorCodes } from "../error-codes.js";
import type { InitializeParams, InitializeResult, ProgressParams } from "../generated/types.js";
import { LineMessageWriter, LineSplitter } from "../line-framing.js";
import { Notifications } from "../methods.js";
import { formatProblems, validateAgainst } from "../validators.js";
import { AdapterServerError, cancelledError, toWireError } from "./adapter-server-error.js";
import { checkRequest, checkResult, type ServerPhase } from "./check-request.js";
import { negotiateVersion } from "./negotiate-version.js";
import { type RequestId, type WireResponse, invalidRequest, parseError, readRequest } from "./read-request.js";
import type { AdapterHandler, AdapterServer, AdapterServerOptions, HandlerContext, LogLevel } from "./types.js";

/** A request being answered: its cancellation, created only when a handler looks at `ctx.signal`. */
class Running {
  private controller: AbortController | undefined;
  private cancelled = false;

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.cancelled) this.controller.abort();
    }
    return this.controller.signal;
  }

  get aborted(): boolean {
    return this.cancelled;
  }

  abort(): void {
    this.cancelled = true;
    this.controller?.abort();
  }
}

/**
 * Serves the Rocky adapter protocol on a pair of byte streams (JSON Lines framing, JSON-RPC 2.0 with batches):
 * negotiates the version, gates methods by the manifest's capabilities, validates params, runs handlers concurrently
 * with cancellation, and stops when the input ends. Every request is dispatched as soon as its line is read, and the
 * answers that settle in the same turn go out in one write.
 */
export function createAdapterServer(options: AdapterServerOptions): AdapterServer {
  const { manifest, handlers, logger } = options;
  const writer = new LineMessageWriter(options.output);
  const running = new Map<RequestId, Running>();
  let active = 0;
  let wake: (() => void) | undefined;
  let phase: ServerPhase = "new";
  let initializing: Promise<unknown> | undefined;
  let protocolVersion: number | undefined;
  let stopping: Promise<number> | undefined;
  let resolveExited: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExited = resolve));

  const send = (message: object, what: string) => {
    writer.write(message as never).catch((error: unknown) => logger?.warn(`Cannot send ${what}: ${String(error)}`));
  };
  const notify = (method: string, params: object) => send({ jsonrpc: "2.0", method, params }, `"${method}"`);
  const log = (level: LogLevel, message: string, fields?: Record<string, unknown>) =>
    notify(Notifications.log.method, fields ? { level, message, fields } : { level, message });

  async function initialize(params: InitializeParams, ctx: HandlerContext): Promise<InitializeResult> {
    const version = negotiateVersion(manifest.name, params.protocol_versions, options.supportedVersions);
    const problems = validateAgainst(manifest.config_schema, params.config);
    if (problems.length > 0) {
      throw new AdapterServerError(ErrorCodes.InvalidConfig, `Invalid config for adapter "${manifest.name}": ${formatProblems(problems)}`, {
        code: "INVALID_CONFIG",
        problems,
      });
    }
    phase = "initializing";
    try {
      initializing = Promise.resolve(handlers.initialize?.(params, ctx));
      await initializing;
    } catch (error) {
      phase = "new";
      throw error;
    } finally {
      initializing = undefined;
    }
    phase = "ready";
    protocolVersion = version;
    return { manifest, protocol_version: version };
  }

  async function run(method: string, params: unknown, ctx: HandlerContext): Promise<unknown> {
    if (method === "initialize") return initialize(params as InitializeParams, ctx);
    if (method === "ping") return {};
    if (method === "shutdown") {
      await handlers.shutdown?.({}, ctx);
      phase = "shutdown";
      return {};
    }
    const handler = (handlers as Record<string, AdapterHandler<unknown, unknown> | undefined>)[method];
    if (!handler) {
      throw new AdapterServerError(ErrorCodes.MethodNotFound, `Adapter "${manifest.name}" declares "${method}" but does not implement it`, {
        code: "METHOD_NOT_FOUND",
      });
    }
    return handler(params, ctx);
  }

  async function answer(id: RequestId, method: string, raw: unknown, state: Running): Promise<WireResponse> {
    const token = id ?? "";
    const ctx: HandlerContext = {
      id: token,
      method,
      get signal() {
        return state.signal;
      },
      progress: (current, total, message) => notify(Notifications.progress.method, progressParams(token, current, total, message)),
      log,
      metrics: (metrics) => notify(Notifications.metrics.method, metrics),
    };
    try {
      // Requests piped right behind `initialize` wait for it instead of failing.
      if (initializing && method !== "ping") await initializing.catch(() => undefined);
      const params = checkRequest(method, raw, manifest, phase);
      if (state.aborted) throw cancelledError(method, token);
      const result = await run(method, params, ctx);
      if (options.validateResults !== false) checkResult(method, result);
      return { jsonrpc: "2.0", id, result };
    } catch (error) {
      const cause = state.aborted ? cancelledError(method, token) : error;
      if (!(cause instanceof AdapterServerError)) logger?.error(`Request "${method}" failed: ${(error as Error)?.stack ?? String(error)}`);
      return { jsonrpc: "2.0", id, error: toWireError(cause, method) };
    }
  }

  /** Starts answering one request; returns its answer (undefined for a notification), or a promise of it. */
  function dispatch(message: unknown): WireResponse | Promise<WireResponse> | undefined {
    const request = readRequest(message);
    if ("invalid" in request) return invalidRequest(request.invalid);
    const { method, params } = request;
    if (!("id" in request)) {
      if (method === Notifications.cancelRequest.method) {
        const id = (params as { id?: unknown } | undefined)?.id;
        if (typeof id === "number" || typeof id === "string") running.get(id)?.abort();
      } else logger?.debug?.(`Ignoring notification "${method}"`);
      return undefined;
    }
    const { id } = request;
    const state = new Running();
    if (id !== null) running.set(id, state);
    active++;
    return answer(id, method, params, state).finally(() => {
      if (id !== null && running.get(id) === state) running.delete(id);
      active--;
      const w = wake;
      wake = undefined;
      w?.();
    });
  }

  function onLine(line: string): void {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      logger?.warn(`Answering a line that is not JSON: ${preview(line)}`);
      send(parseError(), "a parse error");
      return;
    }
    if (!Array.isArray(message)) {
      const response = dispatch(message);
      if (response instanceof Promise) void response.then((r) => send(r, "an answer"));
      else if (response) send(response, "an answer");
      return;
    }
    // A batch (JSON-RPC 2.0 §6): one array of the answers, none when every member is a notification.
    if (message.length === 0) {
      send(invalidRequest("a batch must hold at least one request"), "an answer");
      return;
    }
    const answers = message.map(dispatch);
    void Promise.all(answers).then((all) => {
      const responses = all.filter((r) => r !== undefined);
      if (responses.length > 0) send(responses, "a batch answer");
    });
  }

  const lines = new LineSplitter(onLine, (head, max) => {
    logger?.warn(`Ignoring a line longer than ${max} bytes: ${preview(head)}`);
    send(parseError(`Line exceeds ${max} bytes without a newline`), "a parse error");
  });
  const onData = (chunk: Buffer) => lines.push(chunk);
  const onEnd = () => void stop();
  const onError = (error: Error) => {
    logger?.error(`Protocol stream error: ${error.message}`);
    void stop();
  };
  options.input.on("data", onData);
  options.input.on("end", onEnd);
  options.input.on("close", onEnd);
  options.input.on("error", onError);

  /** Resolves once no request is running; after `graceMs` the rest are aborted, after another `graceMs` it resolves anyway. */
  async function drain(graceMs: number): Promise<void> {
    let expiries = 0;
    const expire = () => {
      expiries++;
      if (expiries === 1) {
        for (const state of running.values()) state.abort();
        timer = setTimeout(expire, graceMs);
      }
      wake?.();
    };
    let timer = setTimeout(expire, graceMs);
    try {
      while (active > 0 && expiries < 2) await new Promise<void>((resolve) => (wake = resolve));
    } finally {
      clearTimeout(timer);
    }
  }

  /** Input ended (or close() was called): answer what was already sent, then exit. */
  function stop(): Promise<number> {
    stopping ??= (async () => {
      options.input.removeListener("data", onData);
      await drain(options.exitGraceMs ?? 5000);
      // Let the answers of the requests that just settled reach the writer.
      await new Promise((resolve) => setTimeout(resolve, 0));
      phase = "shutdown";
      try {
        await options.onExit?.(0);
      } catch (error) {
        logger?.error(`Exit hook failed: ${String(error)}`);
      }
      resolveExited(0);
      return 0;
    })();
    return stopping;
  }

  return {
    exited,
    get protocolVersion() {
      return protocolVersion;
    },
    log,
    close: stop,
  };
}

const preview = (line: string) => JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}…` : line);

function progressParams(token: number | string, current?: number, total?: number, message?: string): ProgressParams {
  return {
    token,
    ...(current === undefined ? {} : { current }),
    ...(total === undefined ? {} : { total }),
    ...(message === undefined ? {} : { message }),
  };
}
