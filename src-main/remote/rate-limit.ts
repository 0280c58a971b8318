/** A token bucket per key: `burst` requests at once, refilled at `perSecond`. The clock is injected for tests. */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limits: { burst: number; perSecond: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** True when the request may go ahead (and spends one); false when the key is over its rate. */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.limits.burst, at: now };
    const refilled = Math.min(this.limits.burst, bucket.tokens + ((now - bucket.at) / 1_000) * this.limits.perSecond);
    const allowed = refilled >= 1;
    this.#buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at: now });
    return allowed;
  }
}
