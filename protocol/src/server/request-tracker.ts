import type { DataCallback, Message, MessageReader } from "vscode-jsonrpc";

const isRequest = (m: Message) => {
  const { method, id } = m as { method?: unknown; id?: unknown };
  return typeof method === "string" && (typeof id === "number" || typeof id === "string");
};

/**
 * Counts requests read from the input and requests running, so that when the input ends the server can
 * still answer everything it was sent (a piped `initialize` + EOF arrives in one go) before it exits.
 */
export class RequestTracker {
  private received = 0;
  private started = 0;
  private readonly running = new Map<Promise<unknown>, AbortController>();
  private wake: (() => void) | undefined;

  /** Wraps a reader so every request it delivers is counted. */
  countReads(reader: MessageReader): MessageReader {
    return {
      onError: reader.onError,
      onClose: reader.onClose,
      onPartialMessage: reader.onPartialMessage,
      listen: (callback: DataCallback) =>
        reader.listen((message) => {
          if (isRequest(message)) this.received++;
          callback(message);
        }),
      dispose: () => reader.dispose(),
    };
  }

  /** Records a request whose handler started; `done` settles when it is answered. */
  track(done: Promise<unknown>, controller: AbortController): void {
    this.started++;
    this.running.set(done, controller);
    this.changed();
    void done
      .catch(() => undefined)
      .finally(() => {
        this.running.delete(done);
        this.changed();
      });
  }

  /** Aborts every running request (cancelled with -32800 unless it already finished). */
  abortAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  /**
   * Resolves once every request read so far has been answered. After `graceMs` the rest are aborted,
   * and after another `graceMs` it resolves regardless.
   */
  async drain(graceMs: number): Promise<void> {
    let expiries = 0;
    const expire = () => {
      expiries++;
      if (expiries === 1) timer = setTimeout(expire, graceMs);
      this.changed();
    };
    let timer = setTimeout(expire, graceMs);
    try {
      while (this.started < this.received || this.running.size > 0) {
        if (expiries >= 2) return;
        if (expiries === 1) this.abortAll();
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private changed(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
