import nock from "nock";
import { afterAll, describe, expect, it } from "vitest";
import type { OpenAccount } from "../../../src/app/vendor-accounts";
import { createWorkspaceProviders, NoWorkspaceError } from "../../../src/app/vendor-accounts/workspace-providers";
import { loadConfig, type Config } from "../../../src/config";
import { silentLogger } from "../../../src/logger";
import { createProviders, UnavailableError } from "../../../src/providers";

const ENV = loadConfig(
  Object.fromEntries(
    ["TELETRACK", "CAREACADEMY", "MOTIVITY", "CALMANAC", "CARESMARTZ", "CACWT"].flatMap((v) => [
      [`${v}_BASE_URL`, `https://env-${v.toLowerCase()}.example`],
      [`${v}_API_KEY`, `env-${v.toLowerCase()}-key`],
    ]),
  ),
);

const ACCOUNTS: Record<string, OpenAccount[]> = {
  T0ONE: [{ vendor: "teletrack", protocol: "vendor", baseUrl: "https://one.teletrack.example", apiKey: "one-key" }],
  T0TWO: [{ vendor: "teletrack", protocol: "vendor", baseUrl: "https://two.teletrack.example", apiKey: "two-key" }],
};

const build = (config: Config) =>
  createProviders(config, {
    logger: silentLogger,
    http: { maxRetries: 0, breaker: { failureThreshold: 2, cooldownMs: 60_000 } },
  });

const first = async (items: AsyncIterable<{ id: string }>) => {
  for await (const item of items) return item.id;
  return undefined;
};

const caregiver = (id: string) => ({
  id,
  firstName: "Ana",
  lastName: "Ruiz",
  email: null,
  mobilePhone: null,
  birthDate: null,
  state: "CA",
  status: "active",
  updatedAt: "2026-12-01T00:00:00Z",
});

describe("providers per workspace", () => {
  const lookup = createWorkspaceProviders({
    config: ENV,
    defaults: build(ENV),
    accounts: { open: async (workspaceId) => ACCOUNTS[workspaceId] ?? [] },
    build,
  });

  afterAll(async () => {
    await lookup.close();
  });

  it("calls each workspace's own base URL with its own key, and the environment's for a workspace without an account", async () => {
    nock("https://one.teletrack.example", { reqheaders: { authorization: "Bearer one-key" } })
      .get("/v1/caregivers/cg-1")
      .reply(200, caregiver("cg-1"));
    nock("https://two.teletrack.example", { reqheaders: { authorization: "Bearer two-key" } })
      .get("/v1/caregivers/cg-1")
      .reply(200, caregiver("cg-2"));
    nock("https://env-teletrack.example", { reqheaders: { authorization: "Bearer env-teletrack-key" } })
      .get("/v1/caregivers/cg-1")
      .reply(200, caregiver("cg-3"));
    expect((await (await lookup.forWorkspace("T0ONE")).caregiverSource.get("cg-1")).id).toBe("cg-1");
    expect((await (await lookup.forWorkspace("T0TWO")).caregiverSource.get("cg-1")).id).toBe("cg-2");
    expect((await (await lookup.forWorkspace("T0NONE")).caregiverSource.get("cg-1")).id).toBe("cg-3");
    expect(await lookup.forWorkspace("T0ONE")).toBe(await lookup.forWorkspace("T0ONE"));
    expect(nock.isDone()).toBe(true);
  });

  it("opens one workspace's circuit on its vendor's outage while the other workspace's calls go on", async () => {
    const one = await lookup.forWorkspace("T0ONE");
    const two = await lookup.forWorkspace("T0TWO");
    const down = nock("https://one.teletrack.example").get("/v1/caregivers/cg-1").times(2).reply(503, {});
    for (let i = 0; i < 2; i += 1)
      await expect(one.caregiverSource.get("cg-1")).rejects.toBeInstanceOf(UnavailableError);
    expect(down.isDone()).toBe(true);
    // Open: fails fast, no request reaches the vendor (nock would refuse it as unmatched anyway).
    await expect(one.caregiverSource.get("cg-1")).rejects.toMatchObject({ reason: "circuit_open" });

    nock("https://two.teletrack.example")
      .get("/v1/caregivers")
      .query(true)
      .reply(200, { data: [caregiver("cg-9")], nextCursor: null });
    expect(await first(two.caregiverSource.listCaregivers())).toBe("cg-9");
  });

  it("builds a workspace's providers afresh once its accounts change", async () => {
    const before = await lookup.forWorkspace("T0ONE");
    lookup.forget("T0ONE");
    const after = await lookup.forWorkspace("T0ONE");
    expect(after).not.toBe(before);
    nock("https://one.teletrack.example").get("/v1/caregivers/cg-1").reply(200, caregiver("cg-1"));
    expect((await after.caregiverSource.get("cg-1")).id).toBe("cg-1"); // a new circuit, closed
  });

  it("gives every workspace the environment's providers in single-workspace mode", async () => {
    const defaults = build(ENV);
    const single = createWorkspaceProviders({
      config: ENV,
      defaults,
      accounts: { open: async () => [] },
      build: undefined,
    });
    expect(await single.forWorkspace("T0ONE")).toBe(defaults);
    await defaults.close();
  });

  it("role objects call the providers of the workspace in scope, and refuse to guess outside any", async () => {
    const { scoped, within } = lookup;
    nock("https://one.teletrack.example", { reqheaders: { authorization: "Bearer one-key" } })
      .get("/v1/caregivers/cg-1")
      .reply(200, caregiver("cg-1"));
    nock("https://two.teletrack.example", { reqheaders: { authorization: "Bearer two-key" } })
      .get("/v1/caregivers/cg-1")
      .reply(200, caregiver("cg-2"));
    // Two workspaces at once, interleaved: each call still goes to its own.
    const [one, two] = await Promise.all([
      within("T0ONE", async () => (await scoped.caregiverSource.get("cg-1")).id),
      within("T0TWO", async () => (await scoped.caregiverSource.get("cg-1")).id),
    ]);
    expect([one, two]).toEqual(["cg-1", "cg-2"]);
    expect(() => scoped.caregiverSource.get("cg-1")).toThrow(NoWorkspaceError);
    expect(nock.isDone()).toBe(true);
  });

  it("runs the work with the failure in scope when a workspace's accounts cannot be opened; a vendor call throws it", async () => {
    const broken = createWorkspaceProviders({
      config: ENV,
      defaults: build(ENV),
      accounts: {
        open: async () => {
          throw new Error("unreadable key");
        },
      },
      build,
    });
    const ran = await broken.within("T0ONE", async () => {
      expect(() => broken.scoped.caregiverLms.capabilities).toThrow("unreadable key");
      return "ran";
    });
    expect(ran).toBe("ran");
  });

  it("keeps a forgotten workspace's providers open for the work running on them, and closes them after", async () => {
    let closed = 0;
    const counting = createWorkspaceProviders({
      config: ENV,
      defaults: build(ENV),
      accounts: { open: async (workspaceId) => ACCOUNTS[workspaceId] ?? [] },
      build: (config) => {
        const providers = build(config);
        return { ...providers, close: async () => void (closed += 1) };
      },
    });
    await counting.within("T0ONE", async () => {
      counting.forget("T0ONE");
      await new Promise((r) => setTimeout(r, 10));
      expect(closed).toBe(0);
    });
    expect(closed).toBe(1);
  });

  it("in single-workspace mode, role objects outside any scope are the environment's", async () => {
    const defaults = build(ENV);
    const single = createWorkspaceProviders({
      config: ENV,
      defaults,
      accounts: { open: async () => [] },
      build: undefined,
    });
    nock("https://env-teletrack.example").get("/v1/caregivers/cg-1").reply(200, caregiver("cg-3"));
    expect((await single.scoped.caregiverSource.get("cg-1")).id).toBe("cg-3");
    expect(single.scoped.sandboxVendors.size).toBe(0);
    await defaults.close();
  });

  it("builds a workspace's providers again when another instance changed its accounts (the stamp in the database moved)", async () => {
    let stamp = "teletrack@1";
    let accounts: OpenAccount[] = ACCOUNTS.T0ONE!;
    const shared = createWorkspaceProviders({
      config: ENV,
      defaults: build(ENV),
      accounts: { open: async () => accounts, stamp: async () => stamp },
      build,
    });
    const before = await shared.forWorkspace("T0ONE");
    expect(await shared.forWorkspace("T0ONE")).toBe(before);
    // Saved elsewhere: this instance was not told (no forget), the stamp says so.
    accounts = [
      { vendor: "teletrack", protocol: "vendor", baseUrl: "https://new.teletrack.example", apiKey: "new-key" },
    ];
    stamp = "teletrack@2";
    nock("https://new.teletrack.example", { reqheaders: { authorization: "Bearer new-key" } })
      .get("/v1/caregivers/cg-1")
      .reply(200, caregiver("cg-new"));
    const got = await shared.within("T0ONE", () => shared.scoped.caregiverSource.get("cg-1"));
    expect(got.id).toBe("cg-new");
    // Deleted elsewhere (an uninstall): back to the environment's.
    accounts = [];
    stamp = "";
    expect(await shared.forWorkspace("T0ONE")).toBe(await shared.forWorkspace("T0NONE"));
    await shared.close();
  });
});
