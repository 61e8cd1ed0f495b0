import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { interruptible } from "./interruptible.js";

interface Waiter {
  readonly resolve: (connection: DuckDBConnection) => void;
  readonly reject: (error: unknown) => void;
}

/** Up to `max` connections to one instance, so concurrent requests run concurrently inside DuckDB. */
export class ConnectionPool {
  private readonly idle: DuckDBConnection[] = [];
  private waiters: Waiter[] = [];
  private size = 0;
  private closed = false;

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly max: number,
  ) {}

  /** Runs `work` on a pooled connection, interrupted when `signal` aborts; an interrupted connection is replaced. */
  use<T>(signal: AbortSignal, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.hold(signal, (connection) => interruptible(connection, signal, () => work(connection)));
  }

  /**
   * Holds one pooled connection for the whole of `work`, which decides what is interruptible. The connection is replaced
   * instead of reused when `signal` aborted or `work` called `discard` (e.g. a ROLLBACK that failed).
   */
  async hold<T>(signal: AbortSignal, work: (connection: DuckDBConnection, discard: () => void) => Promise<T>): Promise<T> {
    const connection = await this.acquire(signal);
    let reusable = true;
    try {
      return await work(connection, () => (reusable = false));
    } finally {
      this.release(connection, reusable && !signal.aborted);
    }
  }

  private async acquire(signal: AbortSignal): Promise<DuckDBConnection> {
    if (this.closed) throw new Error("The database is closed");
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.size < this.max) return this.connect();
    return new Promise<DuckDBConnection>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (connection) => {
          signal.removeEventListener("abort", onAbort);
          resolve(connection);
        },
        reject,
      };
      const onAbort = () => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error("Request was cancelled while waiting for a connection"));
      };
      signal.addEventListener("abort", onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  private async connect(): Promise<DuckDBConnection> {
    this.size++;
    try {
      return await this.instance.connect();
    } catch (error) {
      this.size--;
      throw error;
    }
  }

  private release(connection: DuckDBConnection, reusable: boolean): void {
    if (reusable && !this.closed) {
      const waiter = this.waiters.shift();
      if (waiter) waiter.resolve(connection);
      else this.idle.push(connection);
      return;
    }
    connection.closeSync();
    this.size--;
    const waiter = this.waiters.shift();
    if (waiter) this.connect().then(waiter.resolve, waiter.reject);
  }

  close(): void {
    this.closed = true;
    for (const connection of this.idle.splice(0)) connection.closeSync();
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error("The database is closed"));
  }
}
