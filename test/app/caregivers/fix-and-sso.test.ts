import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EMAIL_UNKNOWN } from "../../../src/app/caregivers/sso";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, caregiverHarness, STAFF, VIEWER, type Harness } from "./harness";

describe(`Fix and sync (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeEach(async () => {
    h = await caregiverHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("checks what was typed, each problem on its field", () => {
    expect(h.caregivers.checkFix(["email", "mobilePhone"], { email: "not-an-email", mobilePhone: "" })).toEqual({
      ok: false,
      problems: [{ field: "email", message: "Enter an email address such as name@example.com." }],
    });
    expect(h.caregivers.checkFix(["birthDate"], { birthDate: "2999-01-01" })).toEqual({
      ok: false,
      problems: [{ field: "birthDate", message: "The birth date can't be in the future." }],
    });
  });

  it("writes the missing email to TeleTrack, then syncs the caregiver", async () => {
    const checked = h.caregivers.checkFix(["email"], { email: "marisol.ortega@example.com" });
    if (!checked.ok) throw new Error("expected a valid form");
    const result = await h.caregivers.fixAndSync(STAFF, "tt-1003", ["email"], checked.patch, STAFF.userId);
    expect(result.ok && result.card.synced?.outcome).toBe("created");
    expect(h.sandbox.state.teletrack.caregivers.get("tt-1003")?.email).toBe("marisol.ortega@example.com");
    expect(h.accountsOf("tt-1003")).toHaveLength(1);
    const audit = await h.db.prisma.auditEvent.findMany({
      where: { targetId: "tt-1003" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual(["caregiver.fix:ok", "caregiver.sync:ok"]);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain("marisol");
  });

  it("stores a phone typed in any format as E.164", async () => {
    const checked = h.caregivers.checkFix(["mobilePhone"], { mobilePhone: "(503) 555-0123" });
    if (!checked.ok) throw new Error("expected a valid form");
    await h.caregivers.fixAndSync(STAFF, "tt-1005", ["mobilePhone"], checked.patch);
    expect(h.sandbox.state.teletrack.caregivers.get("tt-1005")?.mobilePhone).toBe("+15035550123");
  });

  it("a viewer cannot fix; TeleTrack is untouched", async () => {
    const result = await h.caregivers.fixAndSync(VIEWER, "tt-1003", ["email"], { email: "x@example.com" });
    expect(result.ok).toBe(false);
    expect(h.sandbox.state.teletrack.caregivers.get("tt-1003")?.email).toBeNull();
  });
});

describe(`TeleTrack refusing a fix (${testDatabaseKind})`, () => {
  it("puts TeleTrack's 422 fields on the form's fields", async () => {
    const h = await caregiverHarness({ env: { TELETRACK_BASE_URL: "https://teletrack.test", TELETRACK_API_KEY: "k" } });
    try {
      nock("https://teletrack.test")
        // What TeleTrack has now: only what the form changes is written.
        .get("/v1/caregivers/tt-7")
        .reply(200, {
          id: "tt-7",
          firstName: "Ana",
          lastName: "Lima",
          email: null,
          mobilePhone: null,
          birthDate: null,
          state: "OR",
          status: "active",
          updatedAt: "2026-10-01T16:00:00.000Z",
        })
        .patch("/v1/caregivers/tt-7", { email: "shared@example.com" })
        .reply(422, {
          error: {
            code: "validation_failed",
            message: "Invalid.",
            fields: { email: "is already used by another caregiver" },
          },
        });
      const result = await h.caregivers.fixAndSync(STAFF, "tt-7", ["email"], { email: "shared@example.com" });
      expect(result).toEqual({
        ok: false,
        problems: [{ field: "email", message: "Spectrum TeleTrack says this is already used by another caregiver." }],
      });
      const audit = await h.db.prisma.auditEvent.findFirstOrThrow({ where: { targetId: "tt-7" } });
      expect(audit).toMatchObject({ action: "caregiver.fix", outcome: "failed" });
    } finally {
      await h.close();
    }
  });
});

describe(`CareAcademy admin sign-in (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeEach(async () => {
    h = await caregiverHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("gives an admin a one-time link for their email, and audits it without the email", async () => {
    const result = await h.caregivers.adminSignIn(ADMIN, "admin@sunrisecare.example");
    expect(result.ok && result.session.url).toMatch(/\/careacademy\/sso\/sso-\d+$/);
    const audit = await h.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "lms.sso" } });
    expect(audit).toMatchObject({ actorId: ADMIN.userId, outcome: "ok" });
    expect(JSON.stringify(audit)).not.toContain("sunrisecare");
  });

  it("refuses anyone but admins, and says which Slack scope is missing when the email is unknown", async () => {
    const staff = await h.caregivers.adminSignIn(STAFF, "staff@sunrisecare.example");
    expect(staff).toEqual({
      ok: false,
      problems: [{ message: expect.stringContaining("Only admins can sign in to the LMS") }],
    });
    expect(await h.caregivers.adminSignIn(ADMIN, undefined)).toEqual({
      ok: false,
      problems: [{ message: EMAIL_UNKNOWN }],
    });
  });
});
