import http from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { silentLogger } from "../../../src/logger";
import type { Clock } from "../../../src/providers/http/clock";
import { HttpClient, type HttpClientOptions } from "../../../src/providers/http/core";
import { UnavailableError } from "../../../src/providers/http/errors";
import { captureLogger, FAKE_TIMERS, flushIo, until } from "../helpers";

const BASE = "https://teletrack.test";

function client(overrides: Partial<HttpClientOptions> = {}): HttpClient {
  return new HttpClient({
    vendor: "teletrack",
    baseUrl: BASE,
    apiKey: "key-123",
    requestsPerSecond: 1_000,
    timeoutMs: 2_000,
    logger: silentLogger,
    backoff: { baseMs: 5, capMs: 20 },
    ...overrides,
  });
}

/** nock 14 delivers a network error only when given an Error instance. */
const reset = () => Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });

/** A client whose log tells when it has taken in a failed attempt and scheduled the retry. */
function watchedClient(overrides: Partial<HttpClientOptions> = {}): { c: HttpClient; retried: () => boolean } {
  const { logger, lines } = captureLogger();
  return { c: client({ ...overrides, logger }), retried: () => lines.some((l) => l.includes("retrying")) };
}

const get = (c: HttpClient) => c.request({ method: "GET", path: "/v1/caregivers/cg-1" });
const create = (c: HttpClient) => c.request({ method: "POST", path: "/v1/users", json: { email: "a@b.example" } });

afterEach(() => {
  vi.useRealTimers();
});

describe("429 and Retry-After", () => {
  it("waits the Retry-After seconds before the next call, not a moment less", async () => {
    vi.useFakeTimers(FAKE_TIMERS);
    const first = nock(BASE).get("/v1/caregivers/cg-1").reply(429, {}, { "Retry-After": "3" });
    const second = nock(BASE).get("/v1/caregivers/cg-1").reply(200, { id: "cg-1" });
    const { c, retried } = watchedClient();
    const pending = get(c);
    await until(retried, "the 429 to be taken in");
    expect(first.isDone()).toBe(true);

    await vi.advanceTimersByTimeAsync(2_999);
    await flushIo();
    expect(second.isDone()).toBe(false);

    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ status: 200, body: { id: "cg-1" } });
    expect(second.isDone()).toBe(true);
  });

  it("reads Retry-After as an HTTP-date", async () => {
    vi.useFakeTimers(FAKE_TIMERS);
    vi.setSystemTime(Date.parse("2026-11-23T12:00:00.000Z"));
    const first = nock(BASE)
      .get("/v1/caregivers/cg-1")
      .reply(429, {}, { "Retry-After": "Mon, 23 Nov 2026 12:00:05 GMT" });
    const second = nock(BASE).get("/v1/caregivers/cg-1").reply(200, { id: "cg-1" });
    const { c, retried } = watchedClient();
    const pending = get(c);
    await until(retried, "the 429 to be taken in");
    expect(first.isDone()).toBe(true);

    await vi.advanceTimersByTimeAsync(4_990);
    await flushIo();
    expect(second.isDone()).toBe(false);

    await vi.advanceTimersByTimeAsync(10);
    await expect(pending).resolves.toMatchObject({ status: 200 });
  });

  it("pauses every call to the vendor, not only the one that got the 429", async () => {
    vi.useFakeTimers(FAKE_TIMERS);
    const { c, retried } = watchedClient();
    const limited = nock(BASE).get("/v1/caregivers/cg-1").reply(429, {}, { "Retry-After": "2" });
    const pendingFirst = get(c);
    await until(retried, "the 429 to be taken in");
    expect(limited.isDone()).toBe(true);

    const other = nock(BASE).get("/v1/caregivers/cg-2").reply(200, { id: "cg-2" });
    const retry = nock(BASE).get("/v1/caregivers/cg-1").reply(200, { id: "cg-1" });
    const pendingOther = c.request({ method: "GET", path: "/v1/caregivers/cg-2" });
    await vi.advanceTimersByTimeAsync(1_990);
    await flushIo();
    expect(other.isDone()).toBe(false);
    expect(retry.isDone()).toBe(false);

    await vi.advanceTimersByTimeAsync(20);
    await expect(Promise.all([pendingFirst, pendingOther])).resolves.toHaveLength(2);
  });

  it("without Retry-After, pauses the vendor at least the base backoff, even when the jitter comes out at 0", async () => {
    vi.useFakeTimers(FAKE_TIMERS);
    const first = nock(BASE).get("/v1/caregivers/cg-1").reply(429, {});
    const second = nock(BASE).get("/v1/caregivers/cg-1").reply(200, { id: "cg-1" });
    const { c, retried } = watchedClient({ backoff: { baseMs: 200, capMs: 1_000 }, random: () => 0 });
    const pending = get(c);
    await until(retried, "the 429 to be taken in");
    expect(first.isDone()).toBe(true);

    await vi.advanceTimersByTimeAsync(199);
    await flushIo();
    expect(second.isDone()).toBe(false);

    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ status: 200 });
  });

  it("gives up at once when Retry-After is beyond the retry budget, naming the wait", async () => {
    const first = nock(BASE).get("/v1/caregivers/cg-1").reply(429, {}, { "Retry-After": "120" });
    const never = nock(BASE).get("/v1/caregivers/cg-1").reply(200, {});
    const error = await get(client({ retryBudgetMs: 60_000 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error).toMatchObject({ reason: "rate_limited", retryAfterMs: 120_000, status: 429 });
    expect((error as Error).message).toBe("Spectrum TeleTrack is busy right now; try again in a minute.");
    expect(first.isDone()).toBe(true);
    expect(never.isDone()).toBe(false);
  });

  it("retries a create after a 429, which the vendor did not process", async () => {
    nock(BASE).post("/v1/users").reply(429, {}, { "Retry-After": "0" });
    nock(BASE).post("/v1/users").reply(201, { id: "u-1" });
    await expect(create(client())).resolves.toMatchObject({ status: 201 });
  });
});

describe("5xx", () => {
  it("retries a read after a 500 and returns the later success", async () => {
    const failing = nock(BASE)
      .get("/v1/caregivers/cg-1")
      .reply(500, { error: { code: "boom", message: "down" } });
    nock(BASE).get("/v1/caregivers/cg-1").reply(200, { id: "cg-1" });
    await expect(get(client())).resolves.toMatchObject({ status: 200, body: { id: "cg-1" } });
    expect(failing.isDone()).toBe(true);
  });

  it("does not resend a create after a 500: it may have been applied", async () => {
    nock(BASE)
      .post("/v1/users")
      .reply(500, { error: { code: "boom", message: "failed for a@b.example" } });
    const second = nock(BASE).post("/v1/users").reply(201, { id: "u-1" });
    const error = await create(client()).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "UnavailableError",
      reason: "server_error",
      status: 500,
      mayHaveApplied: true,
      detail: "failed for [email]",
    });
    expect(second.isDone()).toBe(false);
  });

  it("resends a POST its caller marked idempotent", async () => {
    nock(BASE).post("/v1/users/u-1/deactivate").reply(502);
    nock(BASE).post("/v1/users/u-1/deactivate").reply(200, { id: "u-1" });
    const c = client();
    await expect(
      c.request({ method: "POST", path: "/v1/users/u-1/deactivate", idempotent: true }),
    ).resolves.toMatchObject({ status: 200 });
  });

  it("stops after maxRetries and reports the vendor as not answering", async () => {
    const scope = nock(BASE).get("/v1/caregivers/cg-1").times(3).reply(503);
    const extra = nock(BASE).get("/v1/caregivers/cg-1").reply(200, {});
    const error = await get(client({ maxRetries: 2 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as Error).message).toBe("Spectrum TeleTrack is not answering right now; try again in a few minutes.");
    expect(scope.isDone()).toBe(true);
    expect(extra.isDone()).toBe(false);
  });
});

describe("timeouts", () => {
  // nock "connects" its mock socket only when it answers, so a slow nock answer looks like a slow
  // connect: these tests give the connect phase more time so the total timeout is what fires.
  it("retries a read that timed out", async () => {
    nock(BASE).get("/v1/caregivers/cg-1").delay(500).reply(200, { id: "late" });
    nock(BASE).get("/v1/caregivers/cg-1").reply(200, { id: "cg-1" });
    const c = client({ timeoutMs: 50, connectTimeoutMs: 10_000 });
    await expect(get(c)).resolves.toMatchObject({ body: { id: "cg-1" } });
  });

  it("does not resend a create that timed out, and says it may have been applied", async () => {
    nock(BASE).post("/v1/users").delay(500).reply(201, { id: "u-1" });
    const second = nock(BASE).post("/v1/users").reply(201, { id: "u-2" });
    const error = await create(client({ timeoutMs: 50, connectTimeoutMs: 10_000 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "UnavailableError", reason: "timeout", mayHaveApplied: true });
    expect(second.isDone()).toBe(false);
  });

  it("resends a create whose connection was never made (connect timeout)", async () => {
    nock(BASE).post("/v1/users").delay(500).reply(201, { id: "never" });
    nock(BASE).post("/v1/users").reply(201, { id: "u-1" });
    const c = client({ timeoutMs: 5_000, connectTimeoutMs: 50 });
    await expect(create(c)).resolves.toMatchObject({ status: 201, body: { id: "u-1" } });
  });
});

describe("network errors", () => {
  it("retries a read after a connection reset", async () => {
    nock(BASE).get("/v1/caregivers/cg-1").replyWithError(reset());
    nock(BASE).get("/v1/caregivers/cg-1").reply(200, { id: "cg-1" });
    await expect(get(client())).resolves.toMatchObject({ status: 200 });
  });

  it("does not resend a create after a connection reset", async () => {
    nock(BASE).post("/v1/users").replyWithError(reset());
    const second = nock(BASE).post("/v1/users").reply(201, {});
    const error = await create(client()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "UnavailableError", reason: "network", mayHaveApplied: true });
    expect(second.isDone()).toBe(false);
  });

  it("resends a create whose connection was refused, since it never reached the vendor", async () => {
    // A real refused connection on a loopback port, then a server appears there during the backoff.
    const server = http.createServer((_req, res) =>
      res.writeHead(201, { "content-type": "application/json" }).end('{"id":"u-1"}'),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    let slept = 0;
    const clock: Clock = {
      now: () => Date.now(),
      sleep: async () => {
        slept += 1;
        await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
      },
    };
    const c = client({ baseUrl: `http://127.0.0.1:${port}`, clock });
    try {
      await expect(create(c)).resolves.toMatchObject({ status: 201, body: { id: "u-1" } });
      expect(slept).toBe(1);
    } finally {
      await c.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
