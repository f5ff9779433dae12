import nock from "nock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { systemClock, type Clock } from "../../../src/providers/http/clock";
import { UnavailableError } from "../../../src/providers/http/errors";
import { VENDOR_LABELS } from "../../../src/providers/labels";
import { buildAdapters, nockBase, nockConfig, PAGE_SIZE, type Adapters } from "../contract/target";
import { captureLogger, FAKE_TIMERS, flushIo, until } from "../helpers";
import { CALLS, type Call } from "./calls";

/**
 * Every call of providers.md through every failure the HTTP core handles: its adapter must route
 * it through the core with the right idempotency, whatever the vendor.
 */
const TIMEOUT_MS = 80;

function adapters(clock: Clock = systemClock) {
  const { logger, lines } = captureLogger();
  const built = buildAdapters(nockConfig(TIMEOUT_MS), {
    logger,
    pageSize: PAGE_SIZE,
    // nock connects its mock socket only when it answers; the connect phase gets more time so
    // that a slow answer trips the total timeout, as it would against a real vendor.
    http: { maxRetries: 2, backoff: { baseMs: 1, capMs: 5 }, breaker: { failureThreshold: 3, cooldownMs: 30_000 }, connectTimeoutMs: 10_000, clock },
  });
  return { a: built.adapters, close: () => Promise.all(built.all.map((p) => p.close())), retried: () => lines.some((l) => l.includes("retrying")) };
}

const mock = (call: Call) => {
  const interceptor = nock(nockBase(call.vendor)).intercept(call.path, call.method);
  return call.query ? interceptor.query(call.query) : interceptor;
};
const succeed = (call: Call) => mock(call).reply(call.status, call.body as nock.Body);
const reset = () => Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });

let opened: { close: () => Promise<unknown> } | undefined;
const open = (clock?: Clock) => {
  const built = adapters(clock);
  opened = built;
  return built;
};
afterEach(async () => {
  vi.useRealTimers();
  await opened?.close();
  opened = undefined;
});

describe.each(CALLS)("$name ($method $path)", (call) => {
  const run = (a: Adapters) => call.run(a);

  it("waits out a 429's Retry-After, sending nothing before it, then succeeds", async () => {
    vi.useFakeTimers(FAKE_TIMERS);
    const { a, retried } = open();
    mock(call).reply(429, {}, { "Retry-After": "2" });
    const after = succeed(call);
    const pending = run(a);
    await until(retried, "the 429 to be taken in");
    await vi.advanceTimersByTimeAsync(1_999);
    await flushIo();
    expect(after.isDone()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(after.isDone()).toBe(true);
  });

  it(call.idempotent ? "retries after a 500 and succeeds" : "does not resend after a 500 (it may have been applied)", async () => {
    const { a } = open();
    mock(call).reply(500);
    const after = succeed(call);
    if (call.idempotent) {
      await run(a);
      expect(after.isDone()).toBe(true);
    } else {
      await expect(run(a)).rejects.toMatchObject({ name: "UnavailableError", reason: "server_error", mayHaveApplied: true });
      expect(after.isDone()).toBe(false);
    }
  });

  it(call.idempotent ? "retries after a timeout and succeeds" : "does not resend after a timeout", async () => {
    const { a } = open();
    mock(call).delay(TIMEOUT_MS * 5).reply(call.status, call.body as nock.Body);
    const after = succeed(call);
    if (call.idempotent) {
      await run(a);
      expect(after.isDone()).toBe(true);
    } else {
      await expect(run(a)).rejects.toMatchObject({ name: "UnavailableError", reason: "timeout", mayHaveApplied: true });
      expect(after.isDone()).toBe(false);
    }
  });

  it(call.idempotent ? "retries after a connection reset and succeeds" : "does not resend after a connection reset", async () => {
    const { a } = open();
    mock(call).replyWithError(reset());
    const after = succeed(call);
    if (call.idempotent) {
      await run(a);
      expect(after.isDone()).toBe(true);
    } else {
      await expect(run(a)).rejects.toMatchObject({ name: "UnavailableError", reason: "network" });
      expect(after.isDone()).toBe(false);
    }
  });

  it("opens the circuit after repeated failures, names the vendor, then half-opens after the cooldown", async () => {
    let skew = 0;
    const { a } = open({ now: () => systemClock.now() + skew, sleep: systemClock.sleep });
    // Three failed attempts open it: one call retried twice, or three creates that are not retried.
    const failing = mock(call).times(3).reply(503);
    for (let i = 0; i < (call.idempotent ? 1 : 3); i += 1) await expect(run(a)).rejects.toBeInstanceOf(UnavailableError);
    expect(failing.isDone()).toBe(true);
    const untouched = succeed(call);
    const error = await run(a).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "circuit_open", vendor: call.vendor });
    expect((error as Error).message).toBe(`${VENDOR_LABELS[call.vendor]} is not answering right now; try again in a few minutes.`);
    expect(untouched.isDone()).toBe(false);

    skew += 30_000;
    await run(a);
    expect(untouched.isDone()).toBe(true);
  });
});
