/**
 * Retries a whole run may spend, shared by every client of an adapter process: once spent, failures that could be
 * retried fail at once, so a degraded service is not hammered by thousands of tables each retrying on its own.
 */
export class RetryBudget {
  private spent = 0;

  /** `limit` retries in all; `Infinity` for no limit. */
  constructor(readonly limit: number = Number.POSITIVE_INFINITY) {}

  /** Spends one retry; false when none is left. */
  tryConsume(): boolean {
    if (this.spent >= this.limit) return false;
    this.spent++;
    return true;
  }

  get used(): number {
    return this.spent;
  }

  get remaining(): number {
    return Math.max(0, this.limit - this.spent);
  }
}
