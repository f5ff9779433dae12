import nock from "nock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { silentLogger } from "../../../src/logger";
import { HttpClient } from "../../../src/providers/http/core";
import { FAKE_TIMERS, flushIo, until } from "../helpers";

const BASE = "https://caresmartz.test";

afterEach(() => {
  vi.useRealTimers();
});

describe("rate limit through the client", () => {
  it("sends at most requestsPerSecond, however many calls are waiting", async () => {
    vi.useFakeTimers(FAKE_TIMERS);
    const c = new HttpClient({ vendor: "caresmartz", baseUrl: BASE, apiKey: "k", requestsPerSecond: 4, timeoutMs: 60_000, logger: silentLogger });
    const start = Date.now();
    const arrivals: number[] = [];
    nock(BASE).get("/v1/offices").times(6).reply(() => {
      arrivals.push(Date.now() - start);
      return [200, { data: [] }];
    });
    const calls = Array.from({ length: 6 }, () => c.request({ method: "GET", path: "/v1/offices" }));
    await until(() => arrivals.length === 1, "the first call");
    for (let step = 0; step < 14 && arrivals.length < 6; step += 1) {
      await vi.advanceTimersByTimeAsync(125);
      await flushIo();
    }
    await Promise.all(calls);
    expect(arrivals).toEqual([0, 250, 500, 750, 1_000, 1_250]);
  });
});
