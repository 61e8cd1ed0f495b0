import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";

/** The baseline client: JSON-RPC over JSON Lines on a child's stdio with nothing in between, no validation, no deadlines. */
export class RawLineClient {
  private readonly child: ChildProcessByStdio<Writable, Readable, null>;
  private readonly waiting = new Map<number, (msg: unknown) => void>();
  private nextId = 1;
  private pending = "";

  constructor(command: readonly string[]) {
    const [file, ...args] = command as [string, ...string[]];
    this.child = spawn(file, args, { stdio: ["pipe", "pipe", "inherit"] });
    this.child.stdout.on("data", (chunk: Buffer) => {
      const lines = (this.pending + chunk.toString("utf8")).split("\n");
      this.pending = lines.pop() ?? "";
      for (const line of lines) {
        if (!line) continue;
        const msg = JSON.parse(line) as { id: number };
        const resolve = this.waiting.get(msg.id);
        this.waiting.delete(msg.id);
        resolve?.(msg);
      }
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once("exit", () => resolve());
      this.child.stdin.end();
    });
  }
}
