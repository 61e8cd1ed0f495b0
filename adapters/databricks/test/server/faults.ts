/** A failure the server injects into the next `times` calls of a route, as the real service produces them. */
export interface Fault {
  /** Route name: "execute-statement", "get-statement", "get-result-chunk", "cancel-statement", "oidc-token", ... */
  readonly route: string;
  times: number;
  /** Answer this HTTP status with a Databricks error body instead of handling the call. */
  readonly status?: number;
  readonly errorCode?: string;
  readonly message?: string;
  /** Retry-After header value (seconds or an HTTP date). */
  readonly retryAfter?: string;
  /** execute-statement only: the statement reports RUNNING for this many more polls after it finished. */
  readonly runningPolls?: number;
}

/** Faults waiting to fire, in order. */
export class FaultQueue {
  private readonly faults: Fault[] = [];
  fired = 0;

  add(fault: Omit<Fault, "times"> & { times?: number }): void {
    this.faults.push({ ...fault, times: fault.times ?? 1 });
  }

  /** The next fault for `route`, consumed. */
  take(route: string): Fault | undefined {
    const fault = this.faults.find((f) => f.route === route && f.times > 0);
    if (!fault) return undefined;
    fault.times--;
    this.fired++;
    return fault;
  }

  clear(): void {
    this.faults.length = 0;
  }
}
