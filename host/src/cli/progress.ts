import { escapeText } from "../escape-text.js";
import type { Progress } from "../pipeline/pipeline-context.js";
import { SILENT_PROGRESS } from "../pipeline/pipeline-context.js";
import type { CliIo } from "./cli-io.js";
import type { OutputFormat } from "./common-options.js";

export interface TerminalProgress extends Progress {
  /** Erases the progress line before the result is printed. */
  done(): void;
}

/** One self-overwriting line on an interactive stderr; nothing when stderr is not a TTY or the output is JSON. */
export function createProgress(io: CliIo, output: OutputFormat): TerminalProgress {
  if (!io.stderrIsTTY || output === "json") return { ...SILENT_PROGRESS, done: () => undefined };
  let shown = false;
  return {
    update(message, current, total) {
      const count = current !== undefined && total !== undefined ? `[${current}/${total}] ` : "";
      io.stderr.write(`\r\x1b[2K${count}${escapeText(message)}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr.write("\r\x1b[2K");
      shown = false;
    },
  };
}
