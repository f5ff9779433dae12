import type { Clock } from "./clock";

export interface CircuitBreakerOptions {
  /** Consecutive failed attempts (network errors, timeouts, 5xx) that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial request may go through. */
  cooldownMs: number;
}

export type CircuitState = "closed" | "open" | "half-open";

/**
 * Stops calling a vendor that keeps failing. Closed: every call goes. Open: calls fail at once
 * until the cooldown ends. Half-open: exactly one trial call goes; its success closes the
 * circuit, its failure opens it for another cooldown. Any answer that proves the vendor is up
 * (2xx, 4xx, 429) counts as a success.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(
    private readonly options: CircuitBreakerOptions,
    private readonly clock: Clock,
    private readonly onOpen: () => void = () => {},
  ) {}

  get state(): CircuitState {
    if (this.openedAt === undefined) return "closed";
    return this.clock.now() - this.openedAt >= this.options.cooldownMs ? "half-open" : "open";
  }

  /** Whether a call may go now; in half-open, claims the single trial. */
  tryPass(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** Milliseconds until the circuit lets a trial through (0 when it would now). */
  retryInMs(): number {
    if (this.openedAt === undefined) return 0;
    return Math.max(0, this.openedAt + this.options.cooldownMs - this.clock.now());
  }

  recordSuccess(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  recordFailure(): void {
    this.failures += 1;
    const trialFailed = this.trialInFlight;
    this.trialInFlight = false;
    if (trialFailed || (this.openedAt === undefined && this.failures >= this.options.failureThreshold)) {
      this.openedAt = this.clock.now();
      this.onOpen();
    }
  }
}
