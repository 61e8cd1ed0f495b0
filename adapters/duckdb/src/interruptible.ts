import type { DuckDBConnection } from "@duckdb/node-api";

const REPEAT_MS = 25;

/**
 * Runs `work` on `connection`; when `signal` aborts, interrupts the connection until the work settles.
 * DuckDB clears an interrupt that lands before a query starts, hence the repeats.
 */
export async function interruptible<T>(connection: DuckDBConnection, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  if (signal.aborted) throw new Error("Request was cancelled before it started");
  let timer: ReturnType<typeof setInterval> | undefined;
  const onAbort = () => {
    connection.interrupt();
    timer = setInterval(() => connection.interrupt(), REPEAT_MS);
  };
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    return await work();
  } finally {
    signal.removeEventListener("abort", onAbort);
    clearInterval(timer);
  }
}
