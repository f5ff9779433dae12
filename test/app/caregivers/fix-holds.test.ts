import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCaregivers } from "../../../src/app/caregivers";
import { testDatabaseKind } from "../../support/db";
import { caregiverHarness, STAFF, type Harness } from "./harness";

/**
 * Fix and sync holds (issue 16, seed 000): the LMS is asked about the email before anything is
 * written to TeleTrack; a taken email writes nothing and names the account that has it, with the
 * choices left (link to it when no other caregiver has it, or another email); and the form
 * corrects values TeleTrack already has, not only missing ones.
 */
describe(`Fix and sync holds (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeEach(async () => {
    h = await caregiverHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const teletrack = (id: string) => h.sandbox.state.teletrack.caregivers.get(id)!;
  const lmsUser = (id: string) => h.sandbox.state.careacademy.users.get(id)!;

  it("an email another caregiver's account has: nothing written to TeleTrack, the account named, Fix offered again", async () => {
    const before = { ...teletrack("tt-1003") };
    const result = await h.caregivers.fixAndSync(STAFF, "tt-1003", ["email"], {
      email: "Maria.Gonzalez@example.com",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        field: "email",
        message: expect.stringMatching(/^CareAcademy already has this email on Maria Gonzalez's account \(active\)/),
      },
    ]);
    expect(result.problems[0]!.message).toContain("enter another email");
    expect("emailOwner" in result && result.emailOwner).toMatchObject({ id: "ca-u-2001", linkable: false });
    expect(teletrack("tt-1003")).toEqual(before);
    expect(h.accountsOf("tt-1003")).toEqual([]);
    const audit = await h.db.prisma.auditEvent.findMany({ where: { targetId: "tt-1003" } });
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual(["caregiver.fix:failed"]);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain("maria");
  });

  it("a sync refused for an email another caregiver's account has offers Fix and sync, not only the sync again", async () => {
    Object.assign(teletrack("tt-1006"), { email: "maria.gonzalez@example.com" });
    const refused = await h.caregivers.openById(STAFF, "tt-1006", "sync", STAFF.userId);
    if (!refused.ok) throw new Error("expected a card");
    expect(refused.card.actions).toEqual(["activate", "fix"]);
    expect(refused.card.fixFields).toEqual(["email"]);
    expect(h.accountsOf("tt-1006")).toEqual([]);
  });

  it("an email on an account no caregiver has: offers the link, and links when asked", async () => {
    const offered = await h.caregivers.fixAndSync(STAFF, "tt-1003", ["email"], {
      email: "hannah.kowalski@example.com",
    });
    expect(offered.ok).toBe(false);
    if (offered.ok || !("emailOwner" in offered)) throw new Error("expected the owner to be named");
    expect(offered.emailOwner).toEqual({
      id: "ca-u-2003",
      name: "Hannah Kowalski",
      status: "active",
      linkable: true,
    });
    expect(offered.problems[0]!.message).toContain(
      "Hannah Kowalski's account (active), which no caregiver is linked to",
    );
    expect(teletrack("tt-1003").email).toBeNull();

    const linked = await h.caregivers.fixAndSync(
      STAFF,
      "tt-1003",
      ["email"],
      { email: "hannah.kowalski@example.com" },
      undefined,
      { linkTo: "ca-u-2003" },
    );
    expect(linked.ok && linked.card.synced?.outcome).toBe("linked");
    expect(teletrack("tt-1003").email).toBe("hannah.kowalski@example.com");
    expect(h.accountsOf("tt-1003").map((u) => u.id)).toEqual(["ca-u-2003"]);
    expect(lmsUser("ca-u-2003")).toMatchObject({ firstName: "Marisol", lastName: "Ortega" });
  });

  it("changing a synced caregiver's email to another caregiver's writes nothing anywhere", async () => {
    const before = { ...teletrack("tt-1001") };
    const result = await h.caregivers.fixAndSync(STAFF, "tt-1001", ["email"], { email: "james.carter@example.com" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({ field: "email" });
    expect(teletrack("tt-1001")).toEqual(before);
    expect(lmsUser("ca-u-2001").email).toBe("maria.gonzalez@example.com");
  });

  it("corrects values TeleTrack already has, writes only what changed, then updates the LMS", async () => {
    const result = await h.caregivers.fixAndSync(STAFF, "tt-1001", ["email", "mobilePhone", "birthDate"], {
      email: "maria.gr@example.com",
      mobilePhone: "+19165550142",
      birthDate: "1985-03-15",
    });
    expect(result.ok && result.card.synced).toEqual({
      outcome: "updated",
      changed: ["email", "birthDate"],
    });
    expect(teletrack("tt-1001")).toMatchObject({
      email: "maria.gr@example.com",
      mobilePhone: "+1 916 555 0142",
      birthDate: "1985-03-15",
    });
    expect(lmsUser("ca-u-2001")).toMatchObject({
      email: "maria.gr@example.com",
      birthDate: "1985-03-15",
    });
    const fix = await h.db.prisma.auditEvent.findFirstOrThrow({
      where: { targetId: "tt-1001", action: "caregiver.fix" },
    });
    expect(fix.details).toEqual({ fields: ["email", "birthDate"] });

    // Pressed again (a retry, or the form submitted twice): nothing more to write, nothing made twice.
    const again = await h.caregivers.fixAndSync(STAFF, "tt-1001", ["email"], { email: "maria.gr@example.com" });
    expect(again.ok && again.card.synced?.outcome).toBe("unchanged");
    expect(h.accountsOf("tt-1001")).toHaveLength(1);
  });

  it("names the configured LMS, never CareAcademy, when SCIM is configured", async () => {
    const scim = createCaregivers({ ...h.deps, lmsVendor: "scim" });
    const result = await scim.fixAndSync(STAFF, "tt-1003", ["email"], { email: "maria.gonzalez@example.com" });
    expect(!result.ok && result.problems[0]!.message).toMatch(/^SCIM LMS already has this email/);
    expect(JSON.stringify(result)).not.toContain("CareAcademy");
  });
});
