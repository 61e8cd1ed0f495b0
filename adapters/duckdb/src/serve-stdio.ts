import { createAdapterServer, type AdapterServer, type AdapterServerLogger, type AdapterServerOptions, type ByteSink } from "@rocky/protocol";

export interface ServeStdioOptions extends Omit<AdapterServerOptions, "input" | "output" | "onExit" | "logger"> {
  /** Cleanup run once before the process exits (close the warehouse). */
  readonly onExit?: () => void | Promise<void>;
  /** Defaults to plain lines on stderr. */
  readonly logger?: AdapterServerLogger;
}

/** Plain `<level> <name>: <message>` lines on stderr. */
export function stderrLogger(name: string): AdapterServerLogger {
  const line = (level: string) => (message: string) => void process.stderr.write(`${level} ${name}: ${message}\n`);
  const base = { error: line("error"), warn: line("warn"), info: line("info") };
  return process.env.ROCKY_ADAPTER_DEBUG ? { ...base, debug: line("debug") } : base;
}

/** True unless no process has this pid (EPERM means it exists under another user). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Exits when the host is gone: this process re-parented, or the pid Rocky passes in ROCKY_HOST_PID no longer exists
 * (which also covers a host that died before this process started, and wrappers between host and adapter). A host
 * killed with SIGKILL cannot close stdin first, and an adapter that outlived it would hold the warehouse's lock.
 */
export function exitWithParent(logger: AdapterServerLogger, intervalMs = 500): void {
  const parent = process.ppid;
  const host = Number(process.env.ROCKY_HOST_PID);
  const hostGone = () => (Number.isInteger(host) && host > 1 ? !processExists(host) : false);
  const check = () => {
    if ((parent <= 1 || process.ppid === parent) && !hostGone()) return;
    logger.error(`the host (pid ${Number.isInteger(host) ? host : parent}) is gone; exiting`);
    process.exit(1);
  };
  check();
  setInterval(check, intervalMs).unref();
}

/**
 * Entry-point helper: reserves stdout for the protocol (console output and stray `process.stdout.write` go to stderr),
 * serves on stdin/stdout and exits the process on stdin EOF or when its host is gone.
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

  const logger = options.logger ?? stderrLogger(options.manifest.name);
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
