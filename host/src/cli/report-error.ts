import { escapeLines } from "../escape-text.js";
import { formatLocation, isRockyError } from "../errors.js";
import type { CliIo } from "./cli-io.js";

function causeChain(err: unknown): string[] {
  const lines: string[] = [];
  let cause = err instanceof Error ? err.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < 10; depth++) {
    lines.push(`caused by: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return lines;
}

/** The one error reporter: a RockyError as message, location and hint; anything else as an internal error with its stack. Returns the exit code. */
export function reportError(err: unknown, io: CliIo): number {
  if (isRockyError(err)) {
    const lines = [`error: ${err.message}`];
    if (err.location) lines.push(`  --> ${formatLocation(err.location)}`);
    if (err.hint) lines.push(`hint: ${err.hint}`);
    io.stderr.write(`${escapeLines(lines.join("\n"))}\n`);
    return err.code === "USAGE" ? 2 : 1;
  }
  const stack = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  io.stderr.write(
    escapeLines([`Internal error: ${err instanceof Error ? err.message : String(err)}`, stack, ...causeChain(err), "hint: This is a bug in rocky; please report it with the output above"].join("\n")) + "\n",
  );
  return 1;
}
