import type { Clock } from "./clock";

/**
 * Paces one vendor's requests: a token bucket holding a single token, so consecutive requests
 * leave at least 1/rps apart, measured from the moment each was actually released. A vendor
 * that counts requests in fixed or sliding one-second windows therefore never sees more than
 * rps in any window. `pause` holds every request of the vendor (after a 429's Retry-After).
 */
export class RateLimiter {
  private readonly intervalMs: number;
  private readonly waiting: Array<() => void> = [];
  private nextFreeAt = 0;
  private pausedUntil = 0;
  private pumping = false;

  constructor(
    requestsPerSecond: number,
    private readonly clock: Clock,
  ) {
    if (!(requestsPerSecond > 0)) throw new RangeError("requestsPerSecond must be above 0");
    this.intervalMs = 1000 / requestsPerSecond;
  }

  /** Resolves when the caller may send one request. */
  acquire(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      void this.pump();
    });
  }

  /** Holds every request until `ms` from now (never shortens a pause already in force). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /** How long from now the vendor stays paused; 0 when it is not. */
  pausedForMs(): number {
    return Math.max(0, this.pausedUntil - this.clock.now());
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiting.length > 0) {
        const now = this.clock.now();
        const wait = Math.max(this.nextFreeAt, this.pausedUntil) - now;
        if (wait > 0) {
          // A pause may start while we sleep; the loop re-reads it before releasing anyone.
          await this.clock.sleep(wait);
          continue;
        }
        this.nextFreeAt = now + this.intervalMs;
        this.waiting.shift()?.();
      }
    } finally {
      this.pumping = false;
    }
  }
}
