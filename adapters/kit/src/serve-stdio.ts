import { createAdapterServer, type AdapterServer, type AdapterServerLogger, type AdapterServerOptions, type ByteSink } from "@rocky/protocol";
import { exitWithParent } from "./exit-with-parent.js";
import type { Redactor } from "./redactor.js";

export interface ServeStdioOptions extends Omit<AdapterServerOptions, "input" | "output" | "onExit" | "logger"> {
  /** Cleanup run once before the process exits. */
  readonly onExit?: () => void | Promise<void>;
  /** Defaults to plain lines on stderr, redacted by `redactor`. */
  readonly logger?: AdapterServerLogger;
  /** Applied to every line the default logger writes; read at each line, so it may be set after initialize. */
  readonly redactor?: () => Redactor | undefined;
}

/** Plain `<level> <name>: <message>` lines on stderr, redacted; debug lines only with ROCKY_ADAPTER_DEBUG set. */
export function stderrLogger(name: string, redactor?: () => Redactor | undefined): AdapterServerLogger {
  const line = (level: string) => (message: string) => {
    const text = redactor?.()?.redact(message) ?? message;
    process.stderr.write(`${level} ${name}: ${text}\n`);
  };
  const base = { error: line("error"), warn: line("warn"), info: line("info") };
  return process.env.ROCKY_ADAPTER_DEBUG ? { ...base, debug: line("debug") } : base;
}

/**
 * Entry-point helper for a TypeScript adapter: reserves stdout for the protocol (console output and stray
 * `process.stdout.write` go to stderr), serves on stdin/stdout and exits on stdin EOF or when its host is gone.
 */
export function serveStdio(options: ServeStdioOptions): AdapterServer {
  const stdout = process.stdout;
  const protocolOut: ByteSink = {
    write: stdout.write.bind(stdout) as ByteSink["write"],
    once: (event, listener) => stdout.once(event, listener),
    end: () => stdout.end(),
  };
  const toStderr = (chunk: unknown, ...rest: unknown[]) => (process.stderr.write as (...a: unknown[]) => boolean)(chunk, ...rest);
  stdout.write = toStderr as typeof stdout.write;
  // eslint-disable-next-line no-console -- stray console output goes to stderr, never into the protocol channel
  for (const method of ["log", "info", "debug", "warn"] as const) console[method] = console.error.bind(console);

  const logger = options.logger ?? stderrLogger(options.manifest.name, options.redactor);
  exitWithParent(logger);
  stdout.on("error", (error) => {
    logger.error(`stdout failed (${error.message}); exiting`);
    process.exit(1);
  });
  return createAdapterServer({
    ...options,
    input: process.stdin,
    output: protocolOut,
    logger,
    onExit: async (code) => {
      try {
        await options.onExit?.();
      } catch (error) {
        logger.error(`Cleanup before exit failed: ${(error as Error)?.stack ?? String(error)}`);
      }
      protocolOut.write("", () => process.exit(code));
    },
  });
}
