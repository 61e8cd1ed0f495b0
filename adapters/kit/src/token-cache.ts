/** A bearer token and how long the issuer says it lives. */
export interface IssuedToken {
  readonly token: string;
  /** Seconds from issue to expiry (OAuth's `expires_in`); undefined for a token that does not expire. */
  readonly expiresInSeconds?: number | undefined;
}

export interface TokenCacheOptions {
  /** Obtains a fresh token (an OAuth token request, a signed JWT). */
  readonly issue: (signal?: AbortSignal) => Promise<IssuedToken>;
  /** Refresh this long before expiry (default 60 s, never more than half the token's life). */
  readonly refreshSlackMs?: number;
  readonly now?: () => number;
}

/**
 * Caches a token until shortly before it expires. Concurrent callers share one issue request. `invalidate()` drops
 * it (call it on 401/403, then retry once with `get()`).
 */
export class TokenCache {
  private cached: { token: string; refreshAt: number } | undefined;
  private issuing: Promise<string> | undefined;
  private generation = 0;
  private issues = 0;

  constructor(private readonly options: TokenCacheOptions) {}

  /** The cached token, or a fresh one. */
  async get(signal?: AbortSignal): Promise<string> {
    const now = this.now();
    if (this.cached && now < this.cached.refreshAt) return this.cached.token;
    this.issuing ??= this.issue(signal);
    return this.issuing;
  }

  /** Forgets the cached token; the next `get()` issues a new one. */
  invalidate(): void {
    this.cached = undefined;
    this.issuing = undefined;
    this.generation++;
  }

  /** How many tokens were issued so far (for metrics and tests). */
  get issued(): number {
    return this.issues;
  }

  private async issue(signal?: AbortSignal): Promise<string> {
    const generation = this.generation;
    try {
      const issued = await this.options.issue(signal);
      this.issues++;
      if (generation === this.generation) {
        const lifeMs = issued.expiresInSeconds === undefined ? Number.POSITIVE_INFINITY : issued.expiresInSeconds * 1000;
        const slack = Math.min(this.options.refreshSlackMs ?? 60_000, lifeMs / 2);
        this.cached = { token: issued.token, refreshAt: this.now() + lifeMs - slack };
      }
      return issued.token;
    } finally {
      if (generation === this.generation) this.issuing = undefined;
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
