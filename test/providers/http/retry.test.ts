import { describe, expect, it } from "vitest";
import { fullJitterDelay, parseRetryAfter } from "../../../src/providers/http/retry";

describe("fullJitterDelay", () => {
  const backoff = { baseMs: 100, capMs: 1_000 };

  it("spreads each wait uniformly below a ceiling that doubles per attempt", () => {
    expect(fullJitterDelay(0, backoff, () => 0.999)).toBe(99);
    expect(fullJitterDelay(1, backoff, () => 0.5)).toBe(100);
    expect(fullJitterDelay(2, backoff, () => 0.5)).toBe(200);
    expect(fullJitterDelay(3, backoff, () => 0)).toBe(0);
  });

  it("never exceeds the cap", () => {
    expect(fullJitterDelay(10, backoff, () => 0.999)).toBe(999);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-23T12:00:00Z");

  it("reads seconds", () => {
    expect(parseRetryAfter("3", now)).toBe(3_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });

  it("reads an HTTP-date as the time left until it", () => {
    expect(parseRetryAfter("Mon, 23 Nov 2026 12:00:05 GMT", now)).toBe(5_000);
  });

  it("treats a date in the past as no wait", () => {
    expect(parseRetryAfter("Mon, 23 Nov 2026 11:59:00 GMT", now)).toBe(0);
  });

  it("ignores an absent or unreadable header", () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
