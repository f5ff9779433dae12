/**
 * The sandbox's per-vendor rate limit, as a vendor would enforce it: a token bucket refilled at
 * `requestsPerSecond` that holds `burst` tokens. A small burst tolerates the few milliseconds of
 * jitter between when a paced client sends and when the server sees it, while any client that
 * exceeds the rate over time soon runs dry and gets 429.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly requestsPerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  /** Takes a token and returns 0, or returns how many ms until one is available. */
  take(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.requestsPerSecond);
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return ((1 - this.tokens) / this.requestsPerSecond) * 1000;
  }
}
