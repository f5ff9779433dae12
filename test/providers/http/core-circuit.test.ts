import nock from "nock";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/logger";
import { systemClock, type Clock } from "../../../src/providers/http/clock";
import { HttpClient } from "../../../src/providers/http/core";
import { UnavailableError } from "../../../src/providers/http/errors";

const BASE = "https://motivity.test";
const PATH = "/v1/roles";

/** Real time plus a jump the test controls, to step over the cooldown without waiting for it. */
function jumpingClock(): Clock & { jump(ms: number): void } {
  let skew = 0;
  return { now: () => systemClock.now() + skew, sleep: systemClock.sleep, jump: (ms) => (skew += ms) };
}

function client(clock: Clock = systemClock): HttpClient {
  return new HttpClient({
    clock,
    vendor: "motivity",
    baseUrl: BASE,
    apiKey: "k",
    requestsPerSecond: 1_000,
    timeoutMs: 2_000,
    logger: silentLogger,
    maxRetries: 0,
    breaker: { failureThreshold: 3, cooldownMs: 30_000 },
  });
}

const call = (c: HttpClient) => c.request({ method: "GET", path: PATH });

/** Fails three calls in a row so the circuit opens. */
async function openCircuit(c: HttpClient): Promise<void> {
  nock(BASE).get(PATH).times(3).reply(503);
  for (let i = 0; i < 3; i += 1) await expect(call(c)).rejects.toMatchObject({ reason: "server_error" });
}

describe("circuit breaker", () => {
  it("stops calling a failing vendor and says which vendor is down", async () => {
    const c = client();
    await openCircuit(c);
    const untouched = nock(BASE).get(PATH).reply(200, { data: [] });
    const error = await call(c).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error).toMatchObject({ reason: "circuit_open", vendor: "motivity" });
    expect((error as UnavailableError).retryAfterMs).toBeGreaterThan(29_000);
    expect((error as Error).message).toBe("Motivity is not answering right now; try again in a few minutes.");
    expect(untouched.isDone()).toBe(false);
  });

  it("after the cooldown lets one trial through; its success closes the circuit", async () => {
    const clock = jumpingClock();
    const c = client(clock);
    await openCircuit(c);
    clock.jump(30_000);

    const trial = nock(BASE).get(PATH).delay(50).reply(200, { data: [] });
    const during = call(c);
    await expect(call(c)).rejects.toMatchObject({ reason: "circuit_open" });
    await expect(during).resolves.toMatchObject({ status: 200 });
    expect(trial.isDone()).toBe(true);

    nock(BASE).get(PATH).reply(200, { data: [] });
    await expect(call(c)).resolves.toMatchObject({ status: 200 });
  });

  it("a failed trial opens the circuit again for a full cooldown", async () => {
    const clock = jumpingClock();
    const c = client(clock);
    await openCircuit(c);
    clock.jump(30_000);

    nock(BASE)
      .get(PATH)
      .replyWithError(Object.assign(new Error("reset"), { code: "ECONNRESET" }));
    await expect(call(c)).rejects.toMatchObject({ reason: "network" });
    const untouched = nock(BASE).get(PATH).reply(200, {});
    await expect(call(c)).rejects.toMatchObject({ reason: "circuit_open" });
    clock.jump(29_000);
    await expect(call(c)).rejects.toMatchObject({ reason: "circuit_open" });
    expect(untouched.isDone()).toBe(false);

    clock.jump(1_000);
    await expect(call(c)).resolves.toMatchObject({ status: 200 });
  });

  it("a trial whose answer cannot be read still settles the circuit", async () => {
    const clock = jumpingClock();
    const c = client(clock);
    await openCircuit(c);
    clock.jump(30_000);
    nock(BASE).get(PATH).reply(200, "{oops", { "content-type": "application/json" });
    await expect(call(c)).rejects.toMatchObject({ code: "unexpected_response" });
    nock(BASE).get(PATH).reply(200, { data: [] });
    await expect(call(c)).resolves.toMatchObject({ status: 200 });
  });

  it("a request that cannot be addressed does not use up the trial", async () => {
    const clock = jumpingClock();
    const c = client(clock);
    await openCircuit(c);
    clock.jump(30_000);
    await expect(c.request({ method: "GET", path: "http://[not-a-host" })).rejects.toThrow(TypeError);
    const trial = nock(BASE).get(PATH).reply(200, { data: [] });
    await expect(call(c)).resolves.toMatchObject({ status: 200 });
    expect(trial.isDone()).toBe(true);
  });

  it("refusals (4xx) and 429 prove the vendor is up and do not open it", async () => {
    const c = client();
    const answers: Array<[number, Record<string, string>]> = [
      [503, {}],
      [503, {}],
      [404, {}],
      [503, {}],
      [503, {}],
      [429, { "Retry-After": "0" }],
      [503, {}],
      [503, {}],
    ];
    for (const [status, headers] of answers) {
      nock(BASE).get(PATH).reply(status, {}, headers);
      await call(c).catch(() => undefined);
    }
    nock(BASE).get(PATH).reply(200, { data: [] });
    await expect(call(c)).resolves.toMatchObject({ status: 200 });
  });
});
