import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, type RetryOptions } from "./backoff.js";
import { HttpError } from "./http-error.js";
import { createRedactor, type Redactor } from "./redactor.js";
import { RetryBudget } from "./retry-budget.js";
import { abortReason, sleep } from "./sleep.js";

/** Supplies the authorization headers of each attempt; `invalidate()` is called once on a 401 or 403. */
export interface AuthProvider {
  /** Names the method in errors, e.g. "personal access token" or "OAuth M2M (client credentials)". */
  readonly method: string;
  headers(signal?: AbortSignal): Promise<Record<string, string>>;
  invalidate(): void;
}

/** A failure the client is about to retry. */
export interface RetryEvent {
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly providerCode: string | undefined;
  /** The retry about to be made (1 for the first). */
  readonly retry: number;
  readonly delayMs: number;
  readonly rateLimited: boolean;
  readonly reason: string;
}

/** What the client reads from an error body; the default reads `error_code`/`code` and `message`/`error_description`. */
export type ErrorDetails = (body: unknown) => { code?: string | undefined; message?: string | undefined };

/** Classifies a response the status alone does not: e.g. Databricks' `TEMPORARILY_UNAVAILABLE` in a 400 body. */
export type TransientPredicate = (status: number, body: unknown) => "rate_limited" | "transient" | false;

export interface HttpClientOptions {
  /** e.g. "https://adb-123.azuredatabricks.net" or "http://127.0.0.1:8123". */
  readonly baseUrl: string;
  readonly headers?: Record<string, string>;
  readonly auth?: AuthProvider;
  readonly retry?: Partial<RetryOptions>;
  /** Shared by every client of the process: the run-wide retry budget. */
  readonly budget?: RetryBudget;
  readonly isTransient?: TransientPredicate;
  readonly errorDetails?: ErrorDetails;
  /** Applied to every message this client builds. */
  readonly redactor?: Redactor;
  /** Called before each retry (log it; feed rate limits to an AimdController). */
  readonly onRetry?: (event: RetryEvent) => void;
  /** Per attempt (default 120 s, as the original Rocky's client). */
  readonly timeoutMs?: number;
  /** Names the service in messages (default: the base URL's host). */
  readonly service?: string;
  readonly random?: () => number;
}

export interface HttpRequest {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Appended to baseUrl; encode path segments with encodeURIComponent. */
  readonly path: string;
  readonly query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  readonly form?: Record<string, string>;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
  /** Skip the auth provider (the token request itself). */
  readonly noAuth?: boolean;
  /** Called before each retry of this request only, besides the client's onRetry. */
  readonly onRetry?: (event: RetryEvent) => void;
}

export interface HttpResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or the text when the body is not JSON, or undefined when empty. */
  readonly body: T;
}

export interface HttpClient {
  /** Sends a request, retrying transient failures; resolves with a 2xx response or rejects with an HttpError. */
  request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>;
  readonly redactor: Redactor;
}

const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);

/**
 * An HTTP client for a provider's REST API (Node's built-in fetch): jittered exponential backoff that honours
 * `Retry-After` (seconds or an HTTP date) on 429/502/503/504, network errors and what `isTransient` accepts; a
 * shared RetryBudget; a refreshed credential and one more attempt on 401/403; abort signals; errors that carry the
 * status and the provider's code and message and never a credential.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const redactor = options.redactor ?? createRedactor([]);
  const budget = options.budget ?? new RetryBudget();
  const details = options.errorDetails ?? defaultErrorDetails;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const service = options.service ?? safeHost(baseUrl);

  async function request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
    const url = buildUrl(baseUrl, req.path, req.query);
    let authRetried = false;
    for (let attempt = 1; ; attempt++) {
      if (req.signal?.aborted) throw abortReason(req.signal);
      let failure: { status?: number; body?: unknown; retryAfterMs?: number; reason: string; rateLimited: boolean; transient: boolean };
      // Outside the try: a credential that cannot be obtained is the auth provider's error, not a network failure.
      const authHeaders = options.auth && !req.noAuth ? await options.auth.headers(req.signal) : {};
      try {
        const response = await send(url, req, authHeaders);
        const body = await readBody(response);
        if (response.ok) return { status: response.status, headers: response.headers, body: body as T };
        const status = response.status;
        if ((status === 401 || status === 403) && options.auth && !req.noAuth && !authRetried) {
          authRetried = true;
          options.auth.invalidate();
          attempt--;
          continue;
        }
        const verdict = options.isTransient?.(status, body) || false;
        const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
        const rateLimited = status === 429 || verdict === "rate_limited" || (status === 503 && retryAfterMs !== undefined);
        failure = { status, body, reason: `HTTP ${status}`, rateLimited, transient: rateLimited || TRANSIENT_STATUS.has(status) || verdict !== false };
        if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
      } catch (error) {
        if (req.signal?.aborted) throw abortReason(req.signal);
        failure = { reason: networkReason(error), rateLimited: false, transient: true };
      }
      const { code, message } = failure.body === undefined ? {} : details(failure.body);
      const fail = (why: string, retryable: boolean) => {
        const parts = [`${req.method} ${req.path} to ${service} failed`, failure.status === undefined ? `: ${failure.reason}` : ` with HTTP ${failure.status}`];
        if (code) parts.push(` ${code}`);
        if (message) parts.push(`: ${message}`);
        if (why) parts.push(` (${why})`);
        return new HttpError({
          message: redactor.redact(parts.join("")),
          status: failure.status,
          providerCode: code,
          providerMessage: message === undefined ? undefined : redactor.redact(message),
          method: req.method,
          path: req.path,
          attempts: attempt,
          retryable,
          rateLimited: failure.rateLimited,
        });
      };
      if (!failure.transient) throw fail(authRetried && (failure.status === 401 || failure.status === 403) ? `credentials rejected twice; auth: ${options.auth?.method}` : "", false);
      if (attempt >= retry.maxAttempts) throw fail(`gave up after ${attempt} attempts`, true);
      if (!budget.tryConsume()) throw fail(`retry budget of ${budget.limit} retries spent`, true);
      const delayMs = Math.min(retry.maxDelayMs, failure.retryAfterMs ?? backoffDelay(attempt, retry, options.random));
      const event: RetryEvent = {
        method: req.method,
        path: req.path,
        status: failure.status,
        providerCode: code,
        retry: attempt,
        delayMs,
        rateLimited: failure.rateLimited,
        reason: redactor.redact(code ? `${failure.reason} ${code}` : failure.reason),
      };
      options.onRetry?.(event);
      req.onRetry?.(event);
      await sleep(delayMs, req.signal);
    }
  }

  async function send(url: string, req: HttpRequest, authHeaders: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = { accept: "application/json", ...options.headers, ...req.headers, ...authHeaders };
    let body: string | undefined;
    if (req.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(req.json);
    } else if (req.form !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(req.form).toString();
    }
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 120_000);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    return fetch(url, { method: req.method, headers, signal, ...(body === undefined ? {} : { body }) });
  }

  return { request, redactor };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function defaultErrorDetails(body: unknown): { code?: string; message?: string } {
  if (typeof body === "string") return { message: body.slice(0, 500) };
  if (typeof body !== "object" || body === null) return {};
  const b = body as Record<string, unknown>;
  const code = [b.error_code, b.code, b.error].find((v) => typeof v === "string") as string | undefined;
  const message = [b.message, b.error_description].find((v) => typeof v === "string") as string | undefined;
  return { ...(code === undefined ? {} : { code }), ...(message === undefined ? {} : { message }) };
}

function buildUrl(baseUrl: string, path: string, query: HttpRequest["query"]): string {
  const url = new URL(baseUrl + (path.startsWith("/") ? path : `/${path}`));
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
  return url.toString();
}

function networkReason(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError") return "timed out";
  const cause = e?.cause?.code ?? e?.cause?.message;
  return cause ? `${e.message ?? "network error"} (${cause})` : (e?.message ?? String(error));
}

function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
