/** How a failed call is retried. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 5). */
  readonly maxAttempts: number;
  /** Delay before the first retry, doubled at each next one (default 200 ms). */
  readonly baseDelayMs: number;
  /** Longest delay between attempts, Retry-After included (default 30 s). */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 30_000 };

/**
 * The wait before retry number `retry` (1 for the first retry): `baseDelayMs * 2^(retry-1)` capped at `maxDelayMs`,
 * with ±25% jitter so that clients throttled together do not retry together. `random` returns [0, 1).
 */
export function backoffDelay(retry: number, options: RetryOptions, random: () => number = Math.random): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const jitter = 1 + (random() * 2 - 1) * 0.25;
  return Math.min(options.maxDelayMs, Math.round(exponential * jitter));
}

/**
 * The delay a `Retry-After` header asks for, in ms: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when the header is absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
