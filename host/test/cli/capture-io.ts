import { PassThrough } from "node:stream";
import type { CliIo } from "../../src/cli/cli-io.js";

/** Streams that collect what a command writes. */
export function capture(stderrIsTTY = false): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = "";
  let e = "";
  stdout.on("data", (d: Buffer) => (o += d.toString()));
  stderr.on("data", (d: Buffer) => (e += d.toString()));
  return { io: { stdout, stderr, stderrIsTTY }, out: () => o, err: () => e };
}
