import { abortReason, backoffDelay, isHttpError, sleep, type AimdController, type HttpClient, type RemoteChunk, type RetryBudget, type RetryEvent, type RetryOptions } from "@rocky/adapter-kit";
import { AdapterServerError, ErrorCodes, type SqlParam } from "@rocky/protocol";
import { bindParameters } from "./parameters.js";
import { convertRows, type ResultColumn } from "./values.js";

// The Statement Execution API: https://docs.databricks.com/api/workspace/statementexecution
const STATEMENTS = "/api/2.0/sql/statements";
// The original polls after 100, 200, 500, 1000, 2000 ms; a first quick look catches statements that just missed the
// submission's wait.
const POLL_DELAYS_MS = [20, 100, 200, 500, 1000, 2000];
const MAX_POLL_DELAY_MS = 5000;
/** Statement failures the original Rocky retries: the warehouse was starting, throttled or briefly unavailable. */
const TRANSIENT_FAILURE = /TEMPORARILY_UNAVAILABLE|UC_REQUEST_LIMIT_EXCEEDED|DEADLINE_EXCEEDED|WAREHOUSE IS STARTING|INVALID OPERATIONHANDLE|CONNECTION RESET/i;

type State = "PENDING" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELED" | "CLOSED";

interface ResultData {
  readonly chunk_index?: number;
  readonly data_array?: Array<Array<string | null>>;
  readonly next_chunk_index?: number;
}

interface StatementResponse {
  readonly statement_id: string;
  readonly status: { readonly state: State; readonly error?: { readonly error_code?: string; readonly message?: string }; readonly sql_state?: string };
  readonly manifest?: { readonly schema?: { readonly columns?: ResultColumn[] }; readonly total_chunk_count?: number; readonly total_row_count?: number };
  readonly result?: ResultData;
}

/** A finished statement whose rows are read chunk by chunk, in order. */
export interface StatementResult {
  readonly id: string;
  readonly columns: readonly ResultColumn[];
  readonly totalRows: number | undefined;
  next(signal: AbortSignal): Promise<RemoteChunk>;
}

export interface StatementRunnerOptions {
  readonly http: HttpClient;
  readonly warehouseId: string;
  readonly catalog?: string | undefined;
  readonly schema?: string | undefined;
  readonly waitTimeoutSeconds: number;
  readonly aimd: AimdController;
  readonly retry: RetryOptions;
  readonly budget: RetryBudget;
  /** A statement is being retried (logged by the caller). */
  readonly onStatementRetry?: (event: { statementId: string; attempt: number; delayMs: number; message: string }) => void;
}

/** Submits statements, polls them to a terminal state, cancels them, and pages their results. */
export class StatementRunner {
  constructor(private readonly o: StatementRunnerOptions) {}

  /** Runs one statement; its slot in the AIMD window is held until it reaches a terminal state. */
  async run(sql: string, params: readonly SqlParam[] | undefined, signal: AbortSignal): Promise<StatementResult> {
    let bound: ReturnType<typeof bindParameters>;
    try {
      bound = bindParameters(sql, params ?? []);
    } catch (error) {
      throw new AdapterServerError(ErrorCodes.InvalidParams, (error as Error).message, { code: "INVALID_PARAMS" });
    }
    for (let attempt = 1; ; attempt++) {
      const response = await this.o.aimd.run((permit) => this.execute(bound, signal, (e) => e.rateLimited && permit.rateLimited()), {
        signal,
        isRateLimit: (e) => isHttpError(e) && e.rateLimited,
      });
      const { state, error } = response.status;
      if (state === "SUCCEEDED") return this.result(response);
      const message = error?.message ?? `Statement ${response.statement_id} ended ${state}`;
      const transient = state === "FAILED" && TRANSIENT_FAILURE.test(`${error?.error_code ?? ""} ${message}`);
      if (transient && attempt < this.o.retry.maxAttempts && this.o.budget.tryConsume()) {
        const delayMs = backoffDelay(attempt, this.o.retry);
        this.o.onStatementRetry?.({ statementId: response.statement_id, attempt, delayMs, message });
        await sleep(delayMs, signal);
        continue;
      }
      throw new AdapterServerError(transient ? ErrorCodes.Unavailable : ErrorCodes.ExecutionFailed, message, {
        code: transient ? "UNAVAILABLE" : "EXECUTION_FAILED",
        ...(transient ? { retryable: true } : {}),
        ...(error?.error_code ? { provider_code: error.error_code } : {}),
        ...(response.status.sql_state ? { sqlstate: response.status.sql_state } : {}),
        statement_id: response.statement_id,
        state,
      });
    }
  }

  /** POST the statement, then poll it to a terminal state; on abort, cancel it on the warehouse. */
  private async execute(bound: ReturnType<typeof bindParameters>, signal: AbortSignal, onRetry: (e: RetryEvent) => void): Promise<StatementResponse> {
    if (signal.aborted) throw abortReason(signal);
    // Not aborted with the signal: an answered submission is the only way to learn the statement id to cancel.
    const submitted = this.o.http.request<StatementResponse>({
      method: "POST",
      path: STATEMENTS,
      json: {
        statement: bound.statement,
        warehouse_id: this.o.warehouseId,
        wait_timeout: `${this.o.waitTimeoutSeconds}s`,
        on_wait_timeout: "CONTINUE",
        disposition: "INLINE",
        format: "JSON_ARRAY",
        ...(bound.parameters.length > 0 ? { parameters: bound.parameters } : {}),
        ...(this.o.catalog ? { catalog: this.o.catalog } : {}),
        ...(this.o.schema ? { schema: this.o.schema } : {}),
      },
      onRetry,
    });
    let response: StatementResponse;
    try {
      response = (await raceAbort(submitted, signal)).body;
    } catch (error) {
      if (signal.aborted) this.track(submitted.then((r) => this.cancel(r.body.statement_id), () => undefined));
      throw error;
    }
    for (let poll = 0; response.status.state === "PENDING" || response.status.state === "RUNNING"; poll++) {
      try {
        await sleep(POLL_DELAYS_MS[poll] ?? Math.min(MAX_POLL_DELAY_MS, 2000 * 2 ** (poll - POLL_DELAYS_MS.length + 1)), signal);
        response = (await this.o.http.request<StatementResponse>({ method: "GET", path: `${STATEMENTS}/${encodeURIComponent(response.statement_id)}`, signal, onRetry })).body;
      } catch (error) {
        if (signal.aborted) await this.cancel(response.statement_id);
        throw error;
      }
    }
    return response;
  }

  private readonly pendingCancels = new Set<Promise<void>>();

  private track(cancel: Promise<void>): void {
    this.pendingCancels.add(cancel);
    void cancel.finally(() => this.pendingCancels.delete(cancel));
  }

  /**
   * Waits (at most `ms`) for cancels still waiting on a submission that was cancelled while the warehouse held it
   * (`wait_timeout`): only its answer carries the statement id to cancel.
   */
  async flushCancels(ms: number): Promise<void> {
    if (this.pendingCancels.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(this.pendingCancels), new Promise((r) => (timer = setTimeout(r, ms)))]);
    clearTimeout(timer);
  }

  /** POST .../cancel; best effort (the statement may have finished meanwhile). */
  async cancel(statementId: string): Promise<void> {
    await this.o.http.request({ method: "POST", path: `${STATEMENTS}/${encodeURIComponent(statementId)}/cancel` }).catch(() => undefined);
  }

  private result(response: StatementResponse): StatementResult {
    const columns = response.manifest?.schema?.columns ?? [];
    const id = response.statement_id;
    let pending: ResultData | undefined = response.result;
    let nextIndex: number | undefined = (response.manifest?.total_chunk_count ?? 1) === 0 ? undefined : 0;
    return {
      id,
      columns,
      totalRows: response.manifest?.total_row_count,
      next: async (signal) => {
        if (nextIndex === undefined) return { rows: [], last: true };
        let data = pending;
        pending = undefined;
        if (!data || (data.chunk_index ?? 0) !== nextIndex) {
          data = (await this.o.http.request<ResultData>({ method: "GET", path: `${STATEMENTS}/${encodeURIComponent(id)}/result/chunks/${nextIndex}`, signal })).body;
        }
        nextIndex = data.next_chunk_index;
        return { rows: convertRows(data.data_array ?? [], columns), last: nextIndex === undefined };
      },
    };
  }
}

/** Every row of a result, chunk after chunk. */
export async function readAll(result: StatementResult, signal: AbortSignal): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for (;;) {
    const chunk = await result.next(signal);
    for (const row of chunk.rows) rows.push(row);
    if (chunk.last) return rows;
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
