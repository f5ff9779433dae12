import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "../../../src/providers/http/circuit-breaker";
import type { Clock } from "../../../src/providers/http/clock";

function manualClock(): Clock & { advance(ms: number): void } {
  let now = 0;
  return { now: () => now, sleep: async () => {}, advance: (ms) => (now += ms) };
}

describe("CircuitBreaker", () => {
  it("opens after the threshold of consecutive failures and tells how long it stays open", () => {
    const clock = manualClock();
    let opened = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1_000 }, clock, () => (opened += 1));
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.tryPass()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe("open");
    expect(breaker.tryPass()).toBe(false);
    clock.advance(400);
    expect(breaker.retryInMs()).toBe(600);
    expect(opened).toBe(1);
  });

  it("a success in between resets the count", () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1_000 }, manualClock());
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect(breaker.state).toBe("closed");
  });

  it("after the cooldown lets exactly one trial through; its success closes the circuit", () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000 }, clock);
    breaker.recordFailure();
    clock.advance(1_000);
    expect(breaker.state).toBe("half-open");
    expect(breaker.tryPass()).toBe(true);
    expect(breaker.tryPass()).toBe(false);
    breaker.recordSuccess();
    expect(breaker.state).toBe("closed");
    expect(breaker.tryPass()).toBe(true);
  });

  it("a failed trial opens the circuit for another full cooldown", () => {
    const clock = manualClock();
    let opened = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000 }, clock, () => (opened += 1));
    breaker.recordFailure();
    clock.advance(1_000);
    expect(breaker.tryPass()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe("open");
    expect(breaker.retryInMs()).toBe(1_000);
    expect(opened).toBe(2);
  });
});
