import { pino, type Logger } from "pino";
import { redact } from "./redact.js";

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
    redactingLogStream(options.destination ?? pino.destination({ fd: 2, sync: true })),
  );
}

/** Registered secrets out, and what JSON leaves raw (DEL, C1 controls, U+2028/9) escaped, before a line reaches the log. */
function redactingLogStream(target: { write(line: string): boolean }): { write(line: string): boolean } {
  return { write: (line) => target.write(redact(line).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)) };
}

/** A logger that discards everything, for tests and library callers. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
