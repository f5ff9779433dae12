import { afterEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../../src/providers/sandbox/server";

let sandbox: Sandbox | undefined;
async function start(options: SandboxOptions = {}): Promise<Sandbox> {
  sandbox = await startSandbox({ seed: "demo", ...options });
  return sandbox;
}
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const AUTH = { authorization: "Bearer any-key" };
const json = async (response: Response) => ({
  status: response.status,
  body: (await response.json()) as Record<string, unknown>,
});

describe("sandbox server", () => {
  it("serves each vendor under its own prefix on the loopback interface", async () => {
    const s = await start();
    expect(new URL(s.urls.teletrack).hostname).toBe("127.0.0.1");
    expect(new Set(Object.values(s.urls)).size).toBe(7);
    const { status, body } = await json(await fetch(`${s.urls.caresmartz}/v1/offices`, { headers: AUTH }));
    expect(status).toBe(200);
    expect(body.data).toEqual(s.state.caresmartz.offices);
  });

  it("refuses a request without a bearer key, in the vendor's error format", async () => {
    const s = await start();
    const { status, body } = await json(await fetch(`${s.urls.teletrack}/v1/caregivers`));
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  });

  it("answers SCIM errors in SCIM's format and media type", async () => {
    const s = await start();
    const response = await fetch(`${s.urls.scim}/Users?filter=${encodeURIComponent("userName[x]")}`, { headers: AUTH });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/scim+json");
    expect(await response.json()).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "400",
      scimType: "invalidFilter",
      detail: expect.any(String),
    });
  });

  it("checks the page limit and pages with an opaque cursor", async () => {
    const s = await start();
    expect((await fetch(`${s.urls.teletrack}/v1/caregivers?limit=501`, { headers: AUTH })).status).toBe(400);
    const first = await json(await fetch(`${s.urls.teletrack}/v1/caregivers?limit=5`, { headers: AUTH }));
    expect((first.body.data as unknown[]).length).toBe(5);
    const cursor = first.body.nextCursor as string;
    const second = await json(
      await fetch(`${s.urls.teletrack}/v1/caregivers?limit=5&cursor=${cursor}`, { headers: AUTH }),
    );
    expect((second.body.data as Array<{ id: string }>)[0]?.id).toBe([...s.state.teletrack.caregivers.keys()][5]);
  });

  it("refuses requests beyond the configured rate with 429 and Retry-After, and counts them", async () => {
    const s = await start({ rateLimit: { requestsPerSecond: 1, burst: 2 } });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(`${s.urls.motivity}/v1/roles`, { headers: AUTH });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(s.stats.requests.motivity).toBe(3);
    expect(s.stats.rateLimited.motivity).toBe(1);
    expect((await fetch(`${s.urls.calmanac}/v1/staff`, { headers: AUTH })).status).toBe(200);
  });

  it("fails on request: a 500, or a dropped connection", async () => {
    const s = await start();
    s.failNext("cacwt", 1, "server_error");
    s.failNext("cacwt", 1, "reset");
    expect((await fetch(`${s.urls.cacwt}/v1/learners`, { headers: AUTH })).status).toBe(500);
    await expect(fetch(`${s.urls.cacwt}/v1/learners`, { headers: AUTH })).rejects.toThrow();
    expect((await fetch(`${s.urls.cacwt}/v1/learners`, { headers: AUTH })).status).toBe(200);
  });

  it("adds the configured latency to every answer", async () => {
    const s = await start({ latencyMs: 60 });
    const started = performance.now();
    await fetch(`${s.urls.motivity}/v1/roles`, { headers: AUTH });
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("serves the one-time sign-in link without a key, labeled as the sandbox", async () => {
    const s = await start();
    const session = await json(
      await fetch(`${s.urls.careacademy}/v1/sso/admin-sessions`, {
        method: "POST",
        headers: { ...AUTH, "content-type": "application/json" },
        body: JSON.stringify({ email: "admin@agency.example" }),
      }),
    );
    const page = await fetch(session.body.url as string);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("sandbox");
  });

  it("a sign-in link works once, and not after it expires (providers.md: a one-time sign-in link)", async () => {
    const s = await start();
    const mint = async () =>
      (
        await json(
          await fetch(`${s.urls.careacademy}/v1/sso/admin-sessions`, {
            method: "POST",
            headers: { ...AUTH, "content-type": "application/json" },
            body: JSON.stringify({ email: "admin@agency.example" }),
          }),
        )
      ).body as { url: string; expiresAt: string };
    const used = await mint();
    expect(Date.parse(used.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    expect((await fetch(used.url)).status).toBe(200);
    const second = await fetch(used.url);
    expect(second.status).toBe(410);
    expect(await second.text()).toContain("already used");

    const expired = await mint();
    const token = expired.url.split("/").pop()!;
    s.state.careacademy.ssoSessions.get(token)!.expiresAt = new Date(Date.now() - 1000).toISOString();
    const late = await fetch(expired.url);
    expect(late.status).toBe(410);
    expect(await late.text()).toContain("expired");

    const other = await mint();
    expect(other.url).not.toBe(used.url);
    expect((await fetch(`${used.url.slice(0, used.url.lastIndexOf("/"))}/sso-1`)).status).toBe(404);
  });

  it("refuses a body that is not JSON", async () => {
    const s = await start();
    const response = await fetch(`${s.urls.careacademy}/v1/users`, {
      method: "POST",
      headers: { ...AUTH, "content-type": "application/json" },
      body: "{",
    });
    expect(response.status).toBe(400);
  });
});
