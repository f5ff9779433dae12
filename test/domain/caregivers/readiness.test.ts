import { describe, expect, it } from "vitest";
import {
  checkReadiness,
  fieldsNamedBy,
  fixableFields,
  inactiveInTeletrack,
  missingEmail,
  missingBirthDate,
  noMobilePhone,
} from "../../../src/domain/caregivers/readiness";
import { BIRTH_DATE_STATES, caregiver } from "./caregiver";

const check = (overrides: Parameters<typeof caregiver>[0], states: readonly string[] = BIRTH_DATE_STATES) =>
  checkReadiness(caregiver(overrides), { birthDateRequiredStates: states, lms: "CareAcademy" });

describe("caregiver readiness", () => {
  it("a caregiver with email, phone and (where needed) birth date is ready with no warnings", () => {
    expect(check({})).toEqual({ blockers: [], warnings: [] });
    expect(check({ state: "CA" })).toEqual({ blockers: [], warnings: [] });
  });

  it("email is required; blank counts as missing", () => {
    for (const email of [null, "", "   "]) {
      expect(check({ email }).blockers).toEqual([{ field: "email", message: missingEmail("CareAcademy") }]);
    }
  });

  it("a birth date is required only in the configured states", () => {
    expect(check({ state: "CA", birthDate: null }).blockers).toEqual([
      { field: "birthDate", message: missingBirthDate("CA", "CareAcademy") },
    ]);
    expect(check({ state: "OR", birthDate: null }).blockers).toEqual([]);
    expect(check({ state: "OR", birthDate: null }, ["OR"]).blockers.map((b) => b.field)).toEqual(["birthDate"]);
    expect(check({ state: "CA", birthDate: null }, []).blockers).toEqual([]);
  });

  it("the birth-date sentence names the state and says what to fill in TeleTrack", () => {
    expect(missingBirthDate("WA", "CareAcademy")).toMatch(
      /^Add the caregiver's birth date in Spectrum TeleTrack; .* in WA .*training due date\.$/,
    );
  });

  it("no mobile phone is a warning, not a blocker", () => {
    expect(check({ mobilePhone: null })).toEqual({
      blockers: [],
      warnings: [{ field: "mobilePhone", message: noMobilePhone("CareAcademy") }],
    });
  });

  it("each missing item gets its own sentence", () => {
    const r = check({ email: null, birthDate: null, state: "TX", mobilePhone: null });
    expect(r.blockers.map((b) => b.message)).toEqual([
      missingEmail("CareAcademy"),
      missingBirthDate("TX", "CareAcademy"),
    ]);
    expect(r.warnings).toHaveLength(1);
  });

  it("an inactive caregiver cannot sync", () => {
    expect(check({ status: "inactive" }).blockers).toEqual([
      { field: "status", message: inactiveInTeletrack("CareAcademy") },
    ]);
  });

  it("sentences name no one, so job failures group by them", () => {
    const r = check({ email: null, birthDate: null, state: "CA", mobilePhone: null });
    for (const text of [...r.blockers, ...r.warnings].map((x) => x.message)) expect(text).not.toMatch(/Ana|Lopez/);
  });

  it("sentences name the configured LMS, never CareAcademy when another system plays it", () => {
    const everything = caregiver({ email: null, birthDate: null, state: "CA", mobilePhone: null });
    const lms = "SCIM LMS";
    const r = checkReadiness(everything, { birthDateRequiredStates: BIRTH_DATE_STATES, lms });
    const inactive = checkReadiness(caregiver({ status: "inactive" }), { birthDateRequiredStates: [], lms });
    const texts = [...r.blockers, ...r.warnings, ...inactive.blockers].map((x) => x.message);
    expect(texts).toHaveLength(4);
    for (const text of texts) {
      expect(text).toContain(lms);
      expect(text).not.toContain("CareAcademy");
    }
  });

  it("a recorded reason names its fixable fields whichever LMS it names", () => {
    for (const lms of ["CareAcademy", "SCIM LMS"]) {
      expect(fieldsNamedBy(`${missingEmail(lms)} ${missingBirthDate("CA", lms)}`)).toEqual(["email", "birthDate"]);
    }
  });
});

describe("fixable fields", () => {
  it("are the missing blockers plus a missing phone", () => {
    expect(fixableFields(check({ email: null, birthDate: null, state: "CA", mobilePhone: null }))).toEqual([
      "email",
      "birthDate",
      "mobilePhone",
    ]);
    expect(fixableFields(check({ mobilePhone: null }))).toEqual(["mobilePhone"]);
    expect(fixableFields(check({}))).toEqual([]);
  });

  it("an inactive caregiver has none: activating them is TeleTrack's call", () => {
    expect(fixableFields(check({ status: "inactive", email: null }))).toEqual([]);
  });
});
