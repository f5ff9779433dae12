import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { systemClock } from "../../../src/providers/http/clock";
import { RateLimiter } from "../../../src/providers/http/rate-limiter";
import { FAKE_TIMERS, flushIo } from "../helpers";

describe("RateLimiter", () => {
  beforeEach(() => {
    vi.useFakeTimers(FAKE_TIMERS);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Acquires `n` permits at once and records when (fake ms since start) each is granted. */
  async function grants(limiter: RateLimiter, n: number, runMs: number): Promise<number[]> {
    const start = Date.now();
    const times: number[] = [];
    for (let i = 0; i < n; i += 1) void limiter.acquire().then(() => times.push(Date.now() - start));
    await flushIo();
    for (let t = 0; t < runMs; t += 10) {
      await vi.advanceTimersByTimeAsync(10);
      await flushIo(2);
    }
    return times;
  }

  it("releases one request per 1/rps, the first at once", async () => {
    const limiter = new RateLimiter(10, systemClock);
    expect(await grants(limiter, 5, 600)).toEqual([0, 100, 200, 300, 400]);
  });

  it("holds every waiting request during a pause, then paces them again", async () => {
    const limiter = new RateLimiter(10, systemClock);
    limiter.pause(1_000);
    expect(limiter.pausedForMs()).toBe(1_000);
    expect(await grants(limiter, 3, 1_400)).toEqual([1_000, 1_100, 1_200]);
    expect(limiter.pausedForMs()).toBe(0);
  });

  it("never shortens a pause already in force", () => {
    const limiter = new RateLimiter(10, systemClock);
    limiter.pause(2_000);
    limiter.pause(500);
    expect(limiter.pausedForMs()).toBe(2_000);
  });

  it("rejects a rate that is not above zero", () => {
    expect(() => new RateLimiter(0, systemClock)).toThrow(RangeError);
  });
});
