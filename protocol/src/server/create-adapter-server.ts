import {
  CancellationSenderStrategy,
  CancellationTokenSource,
  createMessageConnection,
  type CancellationToken,
  type Logger,
  type Message,
  type RequestMessage,
} from "vscode-jsonrpc";
import { ErrorCodes } from "../error-codes.js";
import type { InitializeParams, InitializeResult, ProgressParams } from "../generated/types.js";
import { type FramingError, LineMessageReader, LineMessageWriter } from "../line-framing.js";
import { Notifications } from "../methods.js";
import { formatProblems, validateAgainst } from "../validators.js";
import { AdapterServerError, cancelledError, toResponseError } from "./adapter-server-error.js";
import { checkRequest, checkResult, type ServerPhase } from "./check-request.js";
import { negotiateVersion } from "./negotiate-version.js";
import { RequestTracker } from "./request-tracker.js";
import type { AdapterHandler, AdapterServer, AdapterServerLogger, AdapterServerOptions, HandlerContext, LogLevel } from "./types.js";

/**
 * Serves the Rocky adapter protocol on a pair of byte streams (JSON Lines framing): negotiates the version,
 * gates methods by the manifest's capabilities, validates params, runs handlers concurrently with cancellation,
 * and stops when the input ends. Needs a vscode-jsonrpc runtime (RAL) installed by the entry point, e.g. by
 * importing "vscode-jsonrpc/node"; this module does no I/O of its own.
 */
export function createAdapterServer(options: AdapterServerOptions): AdapterServer {
  const { manifest, handlers, logger } = options;
  const writer = new LineMessageWriter(options.output);
  const reader = new LineMessageReader(options.input, { onInvalidLine: (error) => answerInvalidLine(error) });
  const requestIds = new WeakMap<CancellationToken, number | string>();
  const tracker = new RequestTracker();
  const connection = createMessageConnection(tracker.countReads(reader), writer, rpcLogger(logger), {
    cancellationStrategy: {
      receiver: {
        kind: "request",
        createCancellationTokenSource(request: RequestMessage) {
          const source = new CancellationTokenSource();
          if (request.id !== null) requestIds.set(source.token, request.id);
          return source;
        },
      },
      sender: CancellationSenderStrategy.Message,
    },
  });
  let phase: ServerPhase = "new";
  let initializing: Promise<unknown> | undefined;
  let protocolVersion: number | undefined;
  let stopping: Promise<number> | undefined;
  let resolveExited: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExited = resolve));

  // Written directly: the connection refuses to notify once the input has ended, but answers are still being sent.
  const notify = (method: string, params: object) => {
    writer.write({ jsonrpc: "2.0", method, params } as Message).catch((error: unknown) => logger?.warn(`Cannot send "${method}": ${String(error)}`));
  };
  const log = (level: LogLevel, message: string, fields?: Record<string, unknown>) =>
    notify(Notifications.log.method, fields ? { level, message, fields } : { level, message });

  function answerInvalidLine(error: FramingError): void {
    logger?.warn(`Ignoring an invalid input line: ${error.message}`);
    let id: number | string | null = null;
    if (error.kind === "not-jsonrpc") {
      const parsed = JSON.parse(error.line) as { id?: unknown } | null;
      if (typeof parsed?.id === "number" || typeof parsed?.id === "string") id = parsed.id;
    }
    const code = error.kind === "not-jsonrpc" ? ErrorCodes.InvalidRequest : ErrorCodes.ParseError;
    const response = { jsonrpc: "2.0", id, error: { code, message: error.message } };
    writer.write(response as Message).catch((e: unknown) => logger?.warn(`Cannot answer an invalid line: ${String(e)}`));
  }

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

  async function handle(method: string, raw: unknown, token: CancellationToken, controller: AbortController): Promise<unknown> {
    const id = requestIds.get(token) ?? "";
    const subscription = token.onCancellationRequested(() => controller.abort());
    if (token.isCancellationRequested) controller.abort();
    const ctx: HandlerContext = {
      id,
      method,
      signal: controller.signal,
      progress: (current, total, message) => notify(Notifications.progress.method, progressParams(id, current, total, message)),
      log,
    };
    try {
      // Requests piped right behind `initialize` wait for it instead of failing.
      if (initializing && method !== "ping") await initializing.catch(() => undefined);
      const params = checkRequest(method, raw, manifest, phase);
      if (controller.signal.aborted) throw cancelledError(method, id);
      const result = await run(method, params, ctx);
      if (options.validateResults !== false) checkResult(method, result);
      return result;
    } catch (error) {
      if (controller.signal.aborted) throw toResponseError(cancelledError(method, id), method);
      if (!(error instanceof AdapterServerError)) logger?.error(`Request "${method}" failed: ${(error as Error)?.stack ?? String(error)}`);
      throw toResponseError(error, method);
    } finally {
      subscription.dispose();
    }
  }

  connection.onRequest((method, params, token) => {
    const controller = new AbortController();
    const done = handle(method, params, token, controller);
    tracker.track(done, controller);
    return done;
  });
  connection.onUnhandledNotification((message) => logger?.debug?.(`Ignoring notification "${message.method}"`));
  connection.onError(([error]) => logger?.error(`Protocol stream error: ${error.message}`));
  connection.onClose(() => void stop());

  /** Input ended (or close() was called): answer what was already sent, then exit. */
  function stop(): Promise<number> {
    stopping ??= (async () => {
      await tracker.drain(options.exitGraceMs ?? 5000);
      // Let the connection write the answers of the requests that just settled.
      await new Promise((resolve) => setTimeout(resolve, 0));
      phase = "shutdown";
      connection.dispose();
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

  connection.listen();
  return {
    exited,
    get protocolVersion() {
      return protocolVersion;
    },
    log,
    close: stop,
  };
}

function progressParams(token: number | string, current?: number, total?: number, message?: string): ProgressParams {
  return {
    token,
    ...(current === undefined ? {} : { current }),
    ...(total === undefined ? {} : { total }),
    ...(message === undefined ? {} : { message }),
  };
}

function rpcLogger(logger: AdapterServerLogger | undefined): Logger {
  return {
    error: (message) => logger?.error(message),
    warn: (message) => logger?.warn(message),
    info: (message) => logger?.debug?.(message),
    log: (message) => logger?.debug?.(message),
  };
}
