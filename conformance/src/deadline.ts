import { DeadlineError } from "./wire/wire-faults.js";

/** The run's total time budget: `race` rejects with DeadlineError once it has passed. */
export class Deadline {
  private readonly at: number;
  private readonly timer: NodeJS.Timeout;
  private readonly expiry: Promise<never>;
  passed = false;

  constructor(readonly ms: number) {
    this.at = Date.now() + ms;
    let expire: (err: DeadlineError) => void = () => undefined;
    this.expiry = new Promise<never>((_, reject) => (expire = reject));
    this.expiry.catch(() => undefined);
    this.timer = setTimeout(() => {
      this.passed = true;
      expire(new DeadlineError(`the total deadline of ${ms} ms passed`));
    }, ms);
  }

  remaining(): number {
    return Math.max(0, this.at - Date.now());
  }

  race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.expiry]);
  }

  /** Throws DeadlineError when the deadline has passed: work abandoned by `race` stops at its next step. */
  check(): void {
    if (this.passed) throw new DeadlineError(`the total deadline of ${this.ms} ms passed`);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}
