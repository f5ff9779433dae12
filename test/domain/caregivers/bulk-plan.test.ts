import { describe, expect, it } from "vitest";
import { needsWork, planCaregiver, summarizePlan } from "../../../src/domain/caregivers/bulk-plan";
import { fingerprint, lmsFieldsOf } from "../../../src/domain/caregivers/fields";
import { MISSING_EMAIL, missingBirthDate } from "../../../src/domain/caregivers/readiness";
import { BIRTH_DATE_STATES, caregiver, lmsAccount } from "./caregiver";

const plan = (
  c: ReturnType<typeof caregiver>,
  known?: { fingerprint: string | null },
  found: ReturnType<typeof lmsAccount> | null = null,
) => planCaregiver(c, BIRTH_DATE_STATES, known, found);

describe("bulk sync plan", () => {
  const synced = fingerprint(lmsFieldsOf({ ...caregiver(), email: "ana.lopez@example.com" }));

  it("linked: unchanged when the fingerprint matches, update when TeleTrack changed since", () => {
    expect(plan(caregiver(), { fingerprint: synced }).outcome).toBe("unchanged");
    expect(plan(caregiver({ lastName: "Diaz" }), { fingerprint: synced }).outcome).toBe("update");
    expect(plan(caregiver(), { fingerprint: null }).outcome).toBe("update");
  });

  it("not linked: create, or compare with the account found by TeleTrack id", () => {
    expect(plan(caregiver()).outcome).toBe("create");
    expect(plan(caregiver(), undefined, lmsAccount()).outcome).toBe("unchanged");
    expect(plan(caregiver({ state: "WA" }), undefined, lmsAccount()).outcome).toBe("update");
    expect(plan(caregiver(), undefined, lmsAccount({ status: "deactivated" })).outcome).toBe("reactivate");
  });

  it("cannot sync with one reason per missing item; inactive caregivers are left out", () => {
    expect(plan(caregiver({ email: null, state: "CA", birthDate: null }))).toMatchObject({
      outcome: "cannot-sync",
      reasons: [MISSING_EMAIL, missingBirthDate("CA")],
    });
    expect(plan(caregiver({ status: "inactive", email: null })).outcome).toBe("inactive");
  });

  it("the job works on everything but inactive and unchanged linked caregivers", () => {
    const entries = [
      plan(caregiver({ id: "a" })),
      plan(caregiver({ id: "e" }), undefined, lmsAccount({ externalId: "e" })),
      plan(caregiver({ id: "b" }), {
        fingerprint: fingerprint(lmsFieldsOf({ ...caregiver({ id: "b" }), email: "ana.lopez@example.com" })),
      }),
      plan(caregiver({ id: "c", email: null })),
      plan(caregiver({ id: "d", status: "inactive" })),
    ];
    expect(entries.filter(needsWork).map((e) => e.caregiverId)).toEqual(["a", "e", "c"]);
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
      update: 0,
      reactivate: 0,
      unchanged: 0,
      "cannot-sync": 4,
      inactive: 0,
    });
    expect(summary.reasons).toEqual([
      { reason: missingBirthDate("CA"), count: 3 },
      { reason: MISSING_EMAIL, count: 2 },
    ]);
  });
});
