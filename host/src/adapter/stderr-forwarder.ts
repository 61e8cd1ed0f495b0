import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { Logger } from "../log.js";

const TAIL_LINES = 20;

/** Reads an adapter's stderr line by line into the host log, keeping the last lines for error messages. */
export class StderrForwarder {
  private readonly tail: string[] = [];
  /** Lines read while held, logged on release(). */
  private held: string[] | undefined;
  readonly done: Promise<void>;

  /** `held`: log nothing until release(), e.g. until the handshake has said which config values are secret. */
  constructor(stream: Readable, private readonly logger: Logger, options: { held?: boolean } = {}) {
    if (options.held) this.held = [];
    const rl = createInterface({ input: stream, crlfDelay: Infinity });
    rl.on("line", (line) => {
      this.tail.push(line.length > 2000 ? `${line.slice(0, 2000)}…` : line);
      if (this.tail.length > TAIL_LINES) this.tail.shift();
      if (this.held) this.held.push(line);
      else logger.info({ stream: "stderr" }, line);
    });
    this.done = new Promise((resolve) => rl.once("close", () => resolve()));
  }

  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const line of held) this.logger.info({ stream: "stderr" }, line);
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
