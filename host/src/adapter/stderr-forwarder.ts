import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { Logger } from "../log.js";

const TAIL_LINES = 20;

/** Reads an adapter's stderr line by line into the host log, keeping the last lines for error messages. */
export class StderrForwarder {
  private readonly tail: string[] = [];
  readonly done: Promise<void>;

  constructor(stream: Readable, logger: Logger) {
    const rl = createInterface({ input: stream, crlfDelay: Infinity });
    rl.on("line", (line) => {
      this.tail.push(line.length > 2000 ? `${line.slice(0, 2000)}…` : line);
      if (this.tail.length > TAIL_LINES) this.tail.shift();
      logger.info({ stream: "stderr" }, line);
    });
    this.done = new Promise((resolve) => rl.once("close", () => resolve()));
  }

  lastLines(): readonly string[] {
    return this.tail;
  }

  /** ` Last stderr lines: …` or empty. */
  describe(): string {
    if (this.tail.length === 0) return "";
    return `\nLast stderr lines of the adapter:\n${this.tail.map((l) => `  | ${l}`).join("\n")}`;
  }
}
