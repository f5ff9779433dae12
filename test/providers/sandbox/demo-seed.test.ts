import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config";
import { silentLogger } from "../../../src/logger";
import { createProviders, ValidationError, type Providers } from "../../../src/providers";
import type { Sandbox } from "../../../src/providers/sandbox/server";
import { startSandbox } from "../../../src/providers/sandbox/server";
import { collect } from "../contract/target";

/**
 * Demo mode: the real adapters against the demo sandbox over real HTTP. The demo data must
 * exercise every workflow, and every record must pass the adapters' contract checks.
 */
let sandbox: Sandbox;
let providers: Providers;
const config = loadConfig({});

beforeAll(async () => {
  sandbox = await startSandbox({ seed: "demo" });
  providers = createProviders(config, { logger: silentLogger, sandbox });
});
afterAll(async () => {
  await providers.close();
  await sandbox.close();
});

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

describe("demo data", () => {
  it("is labeled: every vendor in use is played by the sandbox", () => {
    expect([...providers.sandboxVendors].sort()).toEqual(["cacwt", "calmanac", "careacademy", "caresmartz", "motivity", "teletrack"]);
  });

  it("has caregivers without an email, without a birth date in a birth-date state, and without a mobile phone", async () => {
    const caregivers = await collect(providers.caregiverSource.listCaregivers());
    expect(caregivers.some((c) => c.email === null)).toBe(true);
    expect(caregivers.some((c) => c.birthDate === null && config.birthDateRequiredStates.includes(c.state))).toBe(true);
    expect(caregivers.some((c) => c.mobilePhone === null && c.email !== null)).toBe(true);
  });

  it("refuses to sync the caregiver without a birth date, as CareAcademy would", async () => {
    const caregivers = await collect(providers.caregiverSource.listCaregivers());
    const missing = caregivers.find((c) => c.birthDate === null && c.email && config.birthDateRequiredStates.includes(c.state));
    if (!missing?.email) throw new Error("the demo needs such a caregiver");
    const error = await providers.caregiverLms
      .create({ externalId: missing.id, firstName: missing.firstName, lastName: missing.lastName, email: missing.email, state: missing.state })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: "birth_date_required" });
  });

  it("has CareAcademy users already synced, one of them deactivated", async () => {
    const deactivated = await providers.caregiverLms.findByExternalId("tt-1002");
    expect(deactivated?.status).toBe("deactivated");
    expect(sandbox.state.teletrack.lmsLinks.get("tt-1002")).toBe(deactivated?.id);
  });

  it("has Motivity's support service account and near-duplicates across Motivity and Calmanac", async () => {
    const members = await collect(providers.linkingPair.listMembers());
    const staff = await collect(providers.linkingPair.listStaff());
    expect(members.filter((m) => m.serviceAccount)).toHaveLength(1);
    const memberNames = members.map(fullName);
    const staffNames = staff.map(fullName);
    const pairs: Array<[string, string]> = [
      ["José Álvarez-Ruiz", "Jose Alvarez Ruiz"],
      ["Bob Smith", "Robert Smith"],
      ["Liz Chen", "Elizabeth Chen"],
      ["Thanh Nguyen", "Nguyen Thanh"],
      ["Kathryn Mitchel", "Kathryn Mitchell"],
    ];
    for (const [inMotivity, inCalmanac] of pairs) {
      expect(memberNames).toContain(inMotivity);
      expect(staffNames).toContain(inCalmanac);
    }
    const emails = new Set(staff.map((s) => s.email?.toLowerCase()));
    expect(members.filter((m) => m.calmanacId === null && emails.has(m.email.toLowerCase())).length).toBeGreaterThanOrEqual(2);
  });

  it("has learners and clients with the same name and birth date, near-duplicates, and people on one side only", async () => {
    const learners = await collect(providers.linkingPair.listLearners());
    const clients = await collect(providers.linkingPair.listClients());
    const key = (p: { firstName: string; lastName: string; birthDate: string | null }) => `${fullName(p)}|${p.birthDate}`;
    const clientKeys = new Set(clients.map(key));
    expect(learners.filter((l) => l.calmanacId === null && clientKeys.has(key(l))).length).toBeGreaterThanOrEqual(2);
    expect(learners.map(fullName)).toContain("Zoë Müller");
    expect(clients.map(fullName)).toContain("Zoe Muller");
    const linked = new Set(learners.map((l) => l.calmanacId));
    expect(clients.filter((c) => !linked.has(c.id) && !learners.some((l) => l.lastName === c.lastName)).length).toBeGreaterThanOrEqual(1);
  });

  it("has several offices and the agency roles", async () => {
    expect((await providers.staffDirectory.listOffices()).length).toBeGreaterThanOrEqual(3);
    const roles = (await providers.staffDirectory.listRoles()).map((r) => r.name);
    expect(roles).toEqual(expect.arrayContaining(["Administrator", "Office Manager", "Scheduler", "Care Coordinator"]));
    expect((await providers.linkingPair.listRoles()).length).toBeGreaterThanOrEqual(2);
  });

  it("has community partners at two email domains, some Active and some Archived", async () => {
    const partners = await collect(providers.learnerLms.list({ affiliation: "California Community Partners" }));
    const domains = new Set(partners.map((p) => p.email.split("@")[1]));
    expect(domains.size).toBe(2);
    for (const domain of domains) {
      const at = partners.filter((p) => p.email.endsWith(`@${domain}`));
      expect(new Set(at.map((p) => p.status))).toEqual(new Set(["Active", "Archived"]));
    }
    const everyone = await collect(providers.learnerLms.list({}));
    expect(everyone.length).toBeGreaterThan(partners.length);
  });

  it("plays SCIM too, for both LMS roles", async () => {
    const scim = createProviders({ ...config, caregiverLms: "scim", learnerLms: "scim" }, { logger: silentLogger, sandbox });
    try {
      expect(scim.sandboxVendors.has("scim")).toBe(true);
      expect((await scim.caregiverLms.findByExternalId("tt-1002"))?.status).toBe("deactivated");
      const partners = await collect(scim.learnerLms.list({ affiliation: "California Community Partners", status: "Active" }));
      expect(partners.length).toBeGreaterThanOrEqual(2);
    } finally {
      await scim.close();
    }
  });
});
