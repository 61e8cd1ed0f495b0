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
