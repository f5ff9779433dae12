import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../../src/config";
import { silentLogger } from "../../src/logger";
import { createProviders, displayLabel, needsSandbox, vendorsInUse, type Providers } from "../../src/providers";
import { startSandbox, type Sandbox } from "../../src/providers/sandbox/server";

let opened: Array<Providers | Sandbox> = [];
afterEach(async () => {
  await Promise.all(opened.map((o) => o.close()));
  opened = [];
});

describe("createProviders", () => {
  it("uses each vendor's own protocol by default, and SCIM where configured", () => {
    const base = loadConfig({});
    expect(vendorsInUse(base).sort()).toEqual(["cacwt", "calmanac", "careacademy", "caresmartz", "motivity", "teletrack"]);
    expect(vendorsInUse(loadConfig({ CAREGIVER_LMS: "scim" }))).not.toContain("careacademy");
    expect(vendorsInUse(loadConfig({ CAREGIVER_LMS: "scim", LEARNER_LMS: "scim" })).filter((v) => v === "scim")).toHaveLength(1);
  });

  it("needs the sandbox while any vendor in use has no base URL", () => {
    const everything = Object.fromEntries(
      ["TELETRACK", "CAREACADEMY", "MOTIVITY", "CALMANAC", "CARESMARTZ", "CACWT"].flatMap((v) => [
        [`${v}_BASE_URL`, `https://${v.toLowerCase()}.example`],
        [`${v}_API_KEY`, "k"],
      ]),
    );
    expect(needsSandbox(loadConfig({}))).toBe(true);
    expect(needsSandbox(loadConfig(everything))).toBe(false);
    expect(needsSandbox(loadConfig({ ...everything, LEARNER_LMS: "scim" }))).toBe(true);
  });

  it("names the missing setting when a vendor has a URL but no key, or neither URL nor sandbox", () => {
    expect(() => createProviders(loadConfig({ TELETRACK_BASE_URL: "https://tt.example" }), { logger: silentLogger })).toThrow(
      "TELETRACK_API_KEY is required when TELETRACK_BASE_URL is set.",
    );
    expect(() => createProviders(loadConfig({}), { logger: silentLogger })).toThrow(/TELETRACK_BASE_URL is not set/);
  });

  it("labels only the vendors the sandbox plays; configured vendors are called at their URL with their key", async () => {
    const sandbox = await startSandbox({ seed: "demo" });
    const config: Config = loadConfig({ TELETRACK_BASE_URL: "https://tt.example", TELETRACK_API_KEY: "real-key" });
    const providers = createProviders(config, { logger: silentLogger, sandbox });
    opened.push(providers, sandbox);
    expect(providers.sandboxVendors.has("teletrack")).toBe(false);
    expect(providers.sandboxVendors.has("careacademy")).toBe(true);
    expect(displayLabel("teletrack", providers.sandboxVendors)).toBe("Spectrum TeleTrack");
    expect(displayLabel("careacademy", providers.sandboxVendors)).toBe("CareAcademy (sandbox demo data)");

    const real = nock("https://tt.example", { reqheaders: { authorization: "Bearer real-key" } })
      .get("/v1/caregivers/cg-1")
      .reply(200, { id: "cg-1", firstName: "A", lastName: "B", email: null, mobilePhone: null, birthDate: null, state: "OR", status: "active", updatedAt: "2026-01-01T00:00:00Z" });
    await providers.caregiverSource.get("cg-1");
    expect(real.isDone()).toBe(true);
    expect(sandbox.stats.requests.teletrack).toBe(0);
    await providers.caregiverLms.get("ca-u-2001");
    expect(sandbox.stats.requests.careacademy).toBe(1);
  });

  it("shares one rate limiter per vendor between the adapters that use it", async () => {
    const sandbox = await startSandbox({ seed: "demo", rateLimit: { requestsPerSecond: 5 } });
    const config = loadConfig({ CAREGIVER_LMS: "scim", LEARNER_LMS: "scim", SCIM_RPS: "5" });
    const providers = createProviders(config, { logger: silentLogger, sandbox });
    opened.push(providers, sandbox);
    const started = performance.now();
    await Promise.all([
      providers.caregiverLms.get("scim-u-1"),
      providers.learnerLms.findByUserId("carmen.flores@hopefoundation.example.org"),
      providers.caregiverLms.get("scim-u-2"),
      providers.learnerLms.findByUserId("leilani.kahale@valleypartners.example.org"),
    ]);
    // Four requests at 5 rps leave at 0, 200, 400 and 600 ms. With a limiter per adapter, two
    // would leave at a time and the sandbox (5 rps, burst 2) would refuse some of them.
    expect(performance.now() - started).toBeGreaterThanOrEqual(590);
    expect(sandbox.stats.rateLimited.scim).toBe(0);
  });
});
