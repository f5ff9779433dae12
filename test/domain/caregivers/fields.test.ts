import { describe, expect, it } from "vitest";
import { changedFields, fingerprint, lmsFieldsOf } from "../../../src/domain/caregivers/fields";
import { caregiver, lmsAccount } from "./caregiver";

const want = (overrides: Parameters<typeof caregiver>[0] = {}) => {
  const c = caregiver(overrides);
  return lmsFieldsOf({ ...c, email: c.email ?? "" });
};

describe("what a sync changes in the LMS", () => {
  it("nothing when the account matches", () => {
    expect(changedFields(want(), lmsAccount())).toEqual({ patch: {}, changed: [] });
  });

  it("only the fields that differ, with TeleTrack's values", () => {
    const result = changedFields(want({ lastName: "Lopez-Diaz", state: "WA" }), lmsAccount());
    expect(result).toEqual({ patch: { lastName: "Lopez-Diaz", state: "WA" }, changed: ["lastName", "state"] });
  });

  it("the same email in other case and the same phone in another format are not changes", () => {
    const account = lmsAccount({ email: "Ana.Lopez@Example.com", mobilePhone: "(503) 555-0100" });
    expect(changedFields(want(), account).changed).toEqual([]);
    expect(changedFields(want({ mobilePhone: "+15035550100" }), lmsAccount()).changed).toEqual([]);
  });

  it("a field TeleTrack leaves empty never erases the LMS's value", () => {
    expect(changedFields(want({ birthDate: null, mobilePhone: "" }), lmsAccount()).changed).toEqual([]);
  });

  it("fills a field the LMS lacks", () => {
    expect(changedFields(want(), lmsAccount({ mobilePhone: null, birthDate: null })).patch).toEqual({
      mobilePhone: "+1 503 555 0100",
      birthDate: "1990-07-21",
    });
  });

  it("an account found by email gets the TeleTrack id, which is not reported as a change", () => {
    expect(changedFields(want(), lmsAccount({ externalId: null }))).toEqual({
      patch: { externalId: "tt-1" },
      changed: [],
    });
  });

  it("trims TeleTrack's values and upper-cases the state", () => {
    expect(want({ firstName: " Ana ", state: "or", email: " ana.lopez@example.com " })).toMatchObject({
      firstName: "Ana",
      state: "OR",
      email: "ana.lopez@example.com",
    });
  });
});

describe("fingerprint of the synced fields", () => {
  it("is stable across formats that are not changes, and differs when a field changes", () => {
    const base = fingerprint(want());
    expect(fingerprint(want({ mobilePhone: "(503) 555-0100", email: "ANA.LOPEZ@example.com" }))).toBe(base);
    for (const change of [
      { firstName: "Anna" },
      { birthDate: "1990-07-22" },
      { mobilePhone: "+1 503 555 0199" },
      { state: "WA" },
    ]) {
      expect(fingerprint(want(change))).not.toBe(base);
    }
  });

  it("does not contain the birth date or phone", () => {
    const digest = fingerprint(want());
    expect(digest).toMatch(/^[0-9a-f]{32}$/);
    expect(digest).not.toContain("1990");
  });
});
