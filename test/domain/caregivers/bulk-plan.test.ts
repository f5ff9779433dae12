import { describe, expect, it } from "vitest";
import { needsWork, planCaregiver, summarizePlan, type KnownLink } from "../../../src/domain/caregivers/bulk-plan";
import { fingerprint, lmsFieldsOf } from "../../../src/domain/caregivers/fields";
import { emailOfAnother, missingEmail, missingBirthDate } from "../../../src/domain/caregivers/readiness";
import type { LmsAccount } from "../../../src/domain/caregivers/types";
import { BIRTH_DATE_STATES, caregiver, lmsAccount } from "./caregiver";

const plan = (c: ReturnType<typeof caregiver>, known?: KnownLink, found?: LmsAccount | null) =>
  planCaregiver(c, { birthDateRequiredStates: BIRTH_DATE_STATES, lms: "CareAcademy" }, known, found);

describe("bulk sync plan", () => {
  const synced = fingerprint(lmsFieldsOf({ ...caregiver(), email: "ana.lopez@example.com" }));
  /** caregiver() as carebridge last synced them: active in both systems. */
  const link = (overrides: Partial<KnownLink> = {}): KnownLink => ({
    fingerprint: synced,
    lmsStatus: "active",
    heldDeactivated: false,
    teletrackStatus: "active",
    ...overrides,
  });

  it("linked: unchanged when the fingerprint matches, update when TeleTrack changed since", () => {
    expect(plan(caregiver(), link()).outcome).toBe("unchanged");
    expect(plan(caregiver({ lastName: "Diaz" }), link()).outcome).toBe("update");
    expect(plan(caregiver(), link({ fingerprint: null })).outcome).toBe("update");
  });

  it("linked: reactivate when the account is deactivated and carebridge does not hold it so", () => {
    expect(plan(caregiver(), link({ lmsStatus: "deactivated" })).outcome).toBe("reactivate");
    const held = link({ lmsStatus: "deactivated", heldDeactivated: true });
    expect(plan(caregiver(), held).outcome).toBe("unchanged");
    expect(plan(caregiver({ lastName: "Diaz" }), held).outcome).toBe("update");
    // Held, then they left TeleTrack (recorded inactive) and came back: a return ends the hold.
    expect(plan(caregiver(), { ...held, teletrackStatus: "inactive" }).outcome).toBe("reactivate");
  });

  it("linked and looked up (changed in TeleTrack since the last sync): the account as it is now decides", () => {
    expect(plan(caregiver(), link(), lmsAccount({ status: "deactivated" })).outcome).toBe("reactivate");
    expect(plan(caregiver(), link(), lmsAccount()).outcome).toBe("unchanged");
    expect(plan(caregiver(), link(), lmsAccount({ mobilePhone: null })).outcome).toBe("update");
    expect(plan(caregiver(), link(), null).outcome).toBe("create");
    const held = link({ lmsStatus: "deactivated", heldDeactivated: true });
    expect(plan(caregiver(), held, lmsAccount({ status: "deactivated" })).outcome).toBe("unchanged");
  });

  it("not linked: create, or compare with the account found by TeleTrack id", () => {
    expect(plan(caregiver()).outcome).toBe("create");
    expect(plan(caregiver(), undefined, null).outcome).toBe("create");
    expect(plan(caregiver(), undefined, lmsAccount()).outcome).toBe("unchanged");
    expect(plan(caregiver({ state: "WA" }), undefined, lmsAccount()).outcome).toBe("update");
    expect(plan(caregiver(), undefined, lmsAccount({ status: "deactivated" })).outcome).toBe("reactivate");
  });

  it("an email another account has: link to it when it is nobody's, can't sync when it is another caregiver's", () => {
    const owner = (externalId: string | null) => lmsAccount({ id: "ca-9", externalId });
    const withOwner = (found: LmsAccount | null, o: LmsAccount) =>
      planCaregiver(
        caregiver(),
        { birthDateRequiredStates: BIRTH_DATE_STATES, lms: "CareAcademy" },
        undefined,
        found,
        o,
      );
    expect(withOwner(null, owner(null)).outcome).toBe("link");
    expect(withOwner(null, owner("tt-2"))).toMatchObject({
      outcome: "cannot-sync",
      reasons: [emailOfAnother("CareAcademy")],
    });
    // Found by TeleTrack id with an old email: the new one is another caregiver's.
    const old = lmsAccount({ email: "old@example.com", status: "deactivated" });
    expect(withOwner(old, owner("tt-2"))).toMatchObject({
      outcome: "cannot-sync",
      reasons: [emailOfAnother("CareAcademy")],
    });
    expect(withOwner(lmsAccount(), lmsAccount()).outcome).toBe("unchanged");
  });

  it("cannot sync with one reason per missing item; inactive caregivers are left out", () => {
    expect(plan(caregiver({ email: null, state: "CA", birthDate: null }))).toMatchObject({
      outcome: "cannot-sync",
      reasons: [missingEmail("CareAcademy"), missingBirthDate("CA", "CareAcademy")],
    });
    expect(plan(caregiver({ status: "inactive", email: null })).outcome).toBe("inactive");
  });

  it("the job works on everything but inactive and unchanged linked caregivers", () => {
    const linkOf = (id: string, overrides: Partial<KnownLink> = {}) =>
      link({
        fingerprint: fingerprint(lmsFieldsOf({ ...caregiver({ id }), email: "ana.lopez@example.com" })),
        ...overrides,
      });
    const entries = [
      plan(caregiver({ id: "a" })),
      plan(caregiver({ id: "e" }), undefined, lmsAccount({ externalId: "e" })),
      plan(caregiver({ id: "b" }), linkOf("b")),
      plan(caregiver({ id: "f" }), linkOf("f", { lmsStatus: "deactivated" })),
      plan(caregiver({ id: "c", email: null })),
      plan(caregiver({ id: "d", status: "inactive" })),
    ];
    expect(entries.filter(needsWork).map((e) => e.caregiverId)).toEqual(["a", "e", "f", "c"]);
  });

  it("summarizes counts and groups reasons, biggest first", () => {
    const summary = summarizePlan([
      plan(caregiver({ id: "a", email: null })),
      plan(caregiver({ id: "b", email: null, state: "CA", birthDate: null })),
      plan(caregiver({ id: "c", state: "CA", birthDate: null })),
      plan(caregiver({ id: "d", state: "CA", birthDate: null })),
      plan(caregiver({ id: "e" })),
    ]);
    expect(summary.counts).toEqual({
      create: 1,
      link: 0,
      update: 0,
      reactivate: 0,
      unchanged: 0,
      "cannot-sync": 4,
      inactive: 0,
    });
    expect(summary.reasons).toEqual([
      { reason: missingBirthDate("CA", "CareAcademy"), count: 3 },
      { reason: missingEmail("CareAcademy"), count: 2 },
    ]);
  });
});
