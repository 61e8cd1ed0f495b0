import { abortReason } from "./sleep.js";

export interface AimdOptions {
  /** Starting window (default: `max`, as the original Rocky's throttle starts). */
  readonly initial?: number;
  /** Floor of the window (default 1). */
  readonly min?: number;
  /** Ceiling of the window. */
  readonly max: number;
  /** Added to the window every `increaseEvery` successes (default 1). */
  readonly increase?: number;
  /** Successes between two increases (default 10). */
  readonly increaseEvery?: number;
  /** The window is multiplied by this on rate limiting (default 0.5). */
  readonly decreaseFactor?: number;
  /** Called after every change of the window, e.g. to send `$/log`. */
  readonly onChange?: (change: AimdChange) => void;
}

export interface AimdChange {
  readonly window: number;
  readonly previous: number;
  readonly reason: "rate_limited" | "increase";
}

/** How a permitted operation ended. */
export type AimdOutcome = "success" | "rate_limited" | "failure";

/** A slot in the window; release it exactly once. */
export interface AimdPermit {
  /** Reports a rate limit now (a throttled attempt that will be retried); the window halves at most once per permit. */
  rateLimited(): void;
  release(outcome: AimdOutcome): void;
}

export interface AimdStats {
  readonly window: number;
  readonly inFlight: number;
  readonly waiting: number;
  readonly rateLimits: number;
  readonly decreases: number;
  readonly increases: number;
}

/**
 * Additive-increase, multiplicative-decrease bound on operations in flight (as TCP congestion control): the window
 * halves on rate limiting, with a floor, and grows by `increase` every `increaseEvery` successes, up to `max`.
 * A rate limit seen by an operation that started before the last decrease does not halve again: one burst of 429s
 * answered to a full window counts once.
 */
export class AimdController {
  private current: number;
  private running = 0;
  private successes = 0;
  private epoch = 0;
  private readonly queue: Array<{ resolve: () => void }> = [];
  private counts = { rateLimits: 0, decreases: 0, increases: 0 };
  private readonly min: number;
  private readonly max: number;

  constructor(private readonly options: AimdOptions) {
    this.min = Math.max(1, options.min ?? 1);
    this.max = Math.max(this.min, options.max);
    this.current = clamp(options.initial ?? this.max, this.min, this.max);
  }

  /** The window: how many operations may be in flight now. */
  get window(): number {
    return this.current;
  }

  get stats(): AimdStats {
    return { window: this.current, inFlight: this.running, waiting: this.queue.length, ...this.counts };
  }

  /** Waits for a slot. Rejects with the signal's reason if it aborts first. */
  async acquire(signal?: AbortSignal): Promise<AimdPermit> {
    if (signal?.aborted) throw abortReason(signal);
    if (this.running < this.current && this.queue.length === 0) {
      this.running++;
      return this.permit(this.epoch);
    }
    // A waiter is woken with its slot already counted (see wakeWaiters).
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = this.queue.indexOf(entry);
        if (i >= 0) this.queue.splice(i, 1);
        reject(abortReason(signal));
      };
      const entry = {
        resolve: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      this.queue.push(entry);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    return this.permit(this.epoch);
  }

  /** Runs `fn` in a slot: success grows the window, a thrown error that `isRateLimit` accepts shrinks it. */
  async run<T>(fn: (permit: AimdPermit) => Promise<T>, options: { signal?: AbortSignal; isRateLimit?: (error: unknown) => boolean } = {}): Promise<T> {
    const permit = await this.acquire(options.signal);
    try {
      const value = await fn(permit);
      permit.release("success");
      return value;
    } catch (error) {
      permit.release(options.isRateLimit?.(error) ? "rate_limited" : "failure");
      throw error;
    }
  }

  private permit(startEpoch: number): AimdPermit {
    let released = false;
    let decreased = false;
    const rateLimited = () => {
      this.counts.rateLimits++;
      if (decreased || startEpoch < this.epoch) return;
      decreased = true;
      this.decrease();
    };
    return {
      rateLimited,
      release: (outcome) => {
        if (released) return;
        released = true;
        this.running--;
        if (outcome === "rate_limited") rateLimited();
        else if (outcome === "success") this.succeed();
        this.wakeWaiters();
      },
    };
  }

  private decrease(): void {
    const previous = this.current;
    this.current = Math.max(this.min, Math.floor(this.current * (this.options.decreaseFactor ?? 0.5)));
    this.successes = 0;
    this.epoch++;
    this.counts.decreases++;
    this.options.onChange?.({ window: this.current, previous, reason: "rate_limited" });
  }

  private succeed(): void {
    this.successes++;
    if (this.successes < (this.options.increaseEvery ?? 10) || this.current >= this.max) return;
    this.successes = 0;
    const previous = this.current;
    this.current = Math.min(this.max, this.current + (this.options.increase ?? 1));
    this.counts.increases++;
    this.options.onChange?.({ window: this.current, previous, reason: "increase" });
  }

  private wakeWaiters(): void {
    while (this.running < this.current && this.queue.length > 0) {
      const next = this.queue.shift();
      if (!next) break;
      this.running++;
      next.resolve();
    }
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
