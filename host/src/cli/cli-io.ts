import { redact } from "../redact.js";

/** Where a command writes: stdout for its result, stderr for progress and errors. Tests pass capturing streams. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Progress is drawn only on an interactive stderr. */
  readonly stderrIsTTY: boolean;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stderrIsTTY: process.stderr.isTTY === true };
}

/** The same streams, with every registered secret redacted from what is written to them. */
export function redactingIo(io: CliIo): CliIo {
  return { ...io, stdout: redactingStream(io.stdout), stderr: redactingStream(io.stderr) };
}

export function redactingStream<S extends NodeJS.WritableStream>(target: S): S {
  const stream = Object.create(target) as S;
  const write = target.write.bind(target) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === "string" ? redact(chunk) : Buffer.isBuffer(chunk) ? redact(chunk.toString("utf8")) : chunk, ...rest)) as S["write"];
  return stream;
}
