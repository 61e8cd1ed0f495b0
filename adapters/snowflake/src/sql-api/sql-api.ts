import { randomUUID } from "node:crypto";
import { AdapterServerError, ErrorCodes } from "@rocky/protocol";
import { backoffDelay, DEFAULT_RETRY, sleep, type AimdController, type AimdPermit, type AuthProvider, type HttpClient } from "@rocky/adapter-kit";
import type { SnowflakeConfig } from "../manifest.js";
import type { Binding } from "./bindings.js";
import type { RowTypeField } from "./row-values.js";
import { isTransientStatementFailure } from "./statement-error.js";

/** The ResultSet body. https://docs.snowflake.com/en/developer-guide/sql-api/reference#resultset */
export interface ResultSet {
  readonly statementHandle: string;
  readonly resultSetMetaData?: { numRows?: number; rowType?: RowTypeField[]; partitionInfo?: Array<{ rowCount: number }> };
  readonly data?: (string | null)[][];
  readonly stats?: { numRowsInserted?: number; numRowsUpdated?: number; numRowsDeleted?: number; numDuplicateRowsUpdated?: number };
  readonly statementHandles?: string[];
}

export interface SubmitOptions {
  readonly bindings?: Record<string, Binding> | undefined;
  /** MULTI_STATEMENT_COUNT for a request of several statements. */
  readonly statementCount?: number;
  readonly signal: AbortSignal;
}

/** Status polls: quick at first, then once a second (the original polled 100 ms .. 5 s). */
const POLL_DELAYS_MS = [10, 25, 50, 100, 200, 400, 700, 1000];

/**
 * Statements over the SQL API v2: submitted asynchronously (POST /api/v2/statements?async=true, 202 with a
 * statementHandle), polled (GET /api/v2/statements/{handle}) until 200 or 422, cancelled (POST .../cancel) when the
 * request is, each within a slot of the shared AIMD window. A requestId with retry=true makes the HTTP client's
 * retries safe: Snowflake answers a resubmitted requestId with the statement already running instead of running it twice.
 * https://docs.snowflake.com/en/developer-guide/sql-api/handling-responses
 */
export class SqlApi {
  constructor(
    private readonly http: HttpClient,
    private readonly auth: AuthProvider,
    private readonly config: SnowflakeConfig,
    private readonly aimd: AimdController,
    private readonly maxAttempts: number,
  ) {}

  /** Runs `statement` to completion; rejects with the HttpError of a failure (422 failed, 408 timed out). */
  async execute(statement: string, o: SubmitOptions): Promise<ResultSet> {
    // Credentials first (a JWT minted, a password login made), so that rejected ones fail as such, not as retried HTTP calls.
    await this.auth.headers(o.signal);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.aimd.run((permit) => this.once(statement, o, permit), { signal: o.signal, isRateLimit: isTransientStatementFailure });
      } catch (error) {
        if (!isTransientStatementFailure(error) || attempt >= this.maxAttempts) throw error;
        await sleep(backoffDelay(attempt, DEFAULT_RETRY), o.signal);
      }
    }
  }

  /** Rows of partition `index` (> 0) of a finished statement. */
  async partition(handle: string, index: number, signal: AbortSignal): Promise<(string | null)[][]> {
    const { body } = await this.http.request<ResultSet>({ method: "GET", path: `/api/v2/statements/${encodeURIComponent(handle)}`, query: { partition: index }, signal });
    return body.data ?? [];
  }

  /** The ResultSet of a statement that already finished (a statement of a multi-statement request). */
  async result(handle: string, signal: AbortSignal): Promise<ResultSet> {
    const { body } = await this.http.request<ResultSet>({ method: "GET", path: `/api/v2/statements/${encodeURIComponent(handle)}`, signal });
    return body;
  }

  private async once(statement: string, o: SubmitOptions, permit: AimdPermit): Promise<ResultSet> {
    const c = this.config;
    const onRetry = (e: { rateLimited: boolean }) => e.rateLimited && permit.rateLimited();
    const submitted = await this.http.request<ResultSet>({
      method: "POST",
      path: "/api/v2/statements",
      query: { requestId: randomUUID(), async: true, retry: true },
      json: {
        statement,
        ...(c.statement_timeout_seconds ? { timeout: c.statement_timeout_seconds } : {}),
        ...(c.database ? { database: c.database } : {}),
        ...(c.schema ? { schema: c.schema } : {}),
        ...(c.warehouse ? { warehouse: c.warehouse } : {}),
        ...(c.role ? { role: c.role } : {}),
        ...(o.bindings ? { bindings: o.bindings } : {}),
        ...(o.statementCount !== undefined ? { parameters: { MULTI_STATEMENT_COUNT: String(o.statementCount) } } : {}),
      },
      signal: o.signal,
      onRetry,
    });
    if (submitted.status === 200) return submitted.body;
    const handle = submitted.body.statementHandle;
    if (!handle) throw new AdapterServerError(ErrorCodes.InternalError, `Snowflake answered HTTP ${submitted.status} without a statementHandle`, { code: "INTERNAL" });
    for (let poll = 0; ; poll++) {
      try {
        await sleep(POLL_DELAYS_MS[Math.min(poll, POLL_DELAYS_MS.length - 1)] as number, o.signal);
        const status = await this.http.request<ResultSet>({ method: "GET", path: `/api/v2/statements/${encodeURIComponent(handle)}`, signal: o.signal, onRetry });
        if (status.status === 200) return status.body;
      } catch (error) {
        if (o.signal.aborted) await this.cancel(handle);
        throw error;
      }
    }
  }

  /** Best effort: a statement whose request was cancelled must not keep running in the warehouse. */
  private async cancel(handle: string): Promise<void> {
    await this.http
      .request({ method: "POST", path: `/api/v2/statements/${encodeURIComponent(handle)}/cancel`, json: {}, signal: AbortSignal.timeout(10_000) })
      .catch(() => undefined);
  }
}
