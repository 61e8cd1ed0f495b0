import { pino, type Logger } from "pino";

export type { Logger } from "pino";

export interface LoggerOptions {
  readonly level?: string;
  /** Where log lines go; stderr (fd 2) unless a test passes its own. Never stdout: it carries the command's result. */
  readonly destination?: NodeJS.WritableStream;
}

/** The host's one logger, on stderr. Credentials in adapter config are redacted. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.ROCKY_LOG ?? "warn";
  return pino(
    {
      level,
      base: null,
      redact: { paths: ["config.token", "config.password", "config.private_key", "*.token", "*.password"], censor: "[redacted]" },
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

/** A logger that discards everything, for tests and library callers. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
