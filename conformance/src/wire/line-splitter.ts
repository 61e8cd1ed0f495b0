/** Cuts a byte stream into `\n`-terminated lines, keeping a partial line until its end arrives. */
export class LineSplitter {
  private chunks: Buffer[] = [];
  /** Bytes held of a line whose `\n` has not arrived yet. */
  pending = 0;

  /** The complete lines in `chunk` (without their `\n`), after any partial line held from before. */
  push(chunk: Buffer): Buffer[] {
    const lines: Buffer[] = [];
    let start = 0;
    let nl = chunk.indexOf(0x0a);
    while (nl !== -1) {
      this.chunks.push(chunk.subarray(start, nl));
      lines.push(Buffer.concat(this.chunks));
      this.chunks = [];
      this.pending = 0;
      start = nl + 1;
      nl = chunk.indexOf(0x0a, start);
    }
    if (start < chunk.length) {
      this.chunks.push(chunk.subarray(start));
      this.pending += chunk.length - start;
    }
    return lines;
  }

  /** What is left without a terminating `\n`, emptied. */
  rest(): Buffer {
    const rest = Buffer.concat(this.chunks);
    this.chunks = [];
    this.pending = 0;
    return rest;
  }
}
