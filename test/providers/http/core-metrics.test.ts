import nock from "nock";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/logger";
import { Metrics } from "../../../src/metrics";
import { HttpClient } from "../../../src/providers/http/core";
import { parseMetrics } from "../../support/metrics";

const BASE = "https://careacademy.test";

function client(metrics: Metrics): HttpClient {
  return new HttpClient({
    vendor: "careacademy",
    baseUrl: BASE,
    apiKey: "k",
    requestsPerSecond: 1_000,
    timeoutMs: 200,
    logger: silentLogger,
    metrics,
    maxRetries: 2,
    backoff: { baseMs: 1, capMs: 1 },
    breaker: { failureThreshold: 3, cooldownMs: 30_000 },
  });
}

describe("the HTTP core's metrics", () => {
  it("counts attempts by vendor and status, 429s, unanswered attempts and the circuit's state", async () => {
    const metrics = new Metrics({ logger: silentLogger });
    const c = client(metrics);
    const scrape = async () => parseMetrics((await metrics.text()).body);
    expect((await scrape()).get('carebridge_vendor_circuit_state{vendor="careacademy"}')).toBe(0);

    nock(BASE).get("/v1/users").reply(429, {}, { "retry-after": "0" }).get("/v1/users").reply(200, { data: [] });
    await c.request({ method: "GET", path: "/v1/users" });
    nock(BASE).get("/v1/users").delay(1_000).reply(200, { data: [] });
    nock(BASE).get("/v1/users").times(2).reply(503);
    await expect(c.request({ method: "GET", path: "/v1/users" })).rejects.toMatchObject({ reason: "server_error" });

    const samples = await scrape();
    expect(samples.get('carebridge_vendor_requests_total{vendor="careacademy",status="429"}')).toBe(1);
    expect(samples.get('carebridge_vendor_requests_total{vendor="careacademy",status="200"}')).toBe(1);
    expect(samples.get('carebridge_vendor_requests_total{vendor="careacademy",status="503"}')).toBe(2);
    expect(samples.get('carebridge_vendor_requests_total{vendor="careacademy",status="timeout"}')).toBe(1);
    expect(samples.get('carebridge_vendor_rate_limited_total{vendor="careacademy"}')).toBe(1);
    // Three failed attempts in a row (a timeout, two 503s) opened the circuit.
    expect(samples.get('carebridge_vendor_circuit_state{vendor="careacademy"}')).toBe(2);
  });

  it("two runtimes in one process each have their own registry", async () => {
    const [a, b] = [new Metrics({ logger: silentLogger }), new Metrics({ logger: silentLogger })];
    nock(BASE).get("/v1/users").reply(200, { data: [] });
    await client(a).request({ method: "GET", path: "/v1/users" });
    client(b);
    const countIn = async (m: Metrics) =>
      parseMetrics((await m.text()).body).get('carebridge_vendor_requests_total{vendor="careacademy",status="200"}');
    expect(await countIn(a)).toBe(1);
    expect(await countIn(b)).toBeUndefined();
  });
});
