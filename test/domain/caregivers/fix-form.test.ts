import { describe, expect, it } from "vitest";
import {
  changedValues,
  checkFix,
  formFields,
  requiredFixFields,
  requiredFormFields,
  vendorErrorsToForm,
} from "../../../src/domain/caregivers/fix-form";
import type { CaregiverRecord } from "../../../src/domain/caregivers/types";

const TODAY = "2026-11-23";

describe("Fix and sync form", () => {
  it("accepts good values; the phone comes back in E.164", () => {
    const result = checkFix(
      ["email", "birthDate", "mobilePhone"],
      ["email", "birthDate"],
      {
        email: " ana@example.com ",
        birthDate: "1990-07-21",
        mobilePhone: "(916) 555-0142",
      },
      TODAY,
    );
    expect(result).toEqual({
      ok: true,
      patch: { email: "ana@example.com", birthDate: "1990-07-21", mobilePhone: "+19165550142" },
    });
  });

  it("refuses a bad email, a malformed or impossible date, a future date and a bad phone, each on its field", () => {
    const result = checkFix(
      ["email", "birthDate", "mobilePhone"],
      [],
      { email: "ana@", birthDate: "1990-02-30", mobilePhone: "555-0142" },
      TODAY,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["birthDate", "email", "mobilePhone"]);
    const future = checkFix(["birthDate"], ["birthDate"], { birthDate: "2026-11-24" }, TODAY);
    expect(future).toEqual({ ok: false, errors: { birthDate: "The birth date can't be in the future." } });
    expect(checkFix(["birthDate"], ["birthDate"], { birthDate: "21/07/1990" }, TODAY).ok).toBe(false);
    expect(checkFix(["birthDate"], ["birthDate"], { birthDate: "1850-01-01" }, TODAY).ok).toBe(false);
    expect(checkFix(["birthDate"], ["birthDate"], { birthDate: TODAY }, TODAY).ok).toBe(true);
  });

  it("a required field left blank is an error; an optional one is left out of the patch", () => {
    expect(checkFix(["email", "mobilePhone"], ["email"], { email: "", mobilePhone: "" }, TODAY)).toEqual({
      ok: false,
      errors: { email: "Enter the caregiver's email." },
    });
    expect(checkFix(["email", "mobilePhone"], ["email"], { email: "a@b.example", mobilePhone: null }, TODAY)).toEqual({
      ok: true,
      patch: { email: "a@b.example" },
    });
  });

  it("the phone is optional next to a blocker, required when it is all that is asked", () => {
    expect(requiredFixFields(["email", "mobilePhone"])).toEqual(["email"]);
    expect(requiredFixFields(["mobilePhone"])).toEqual(["mobilePhone"]);
  });

  it("maps TeleTrack's 422 fields onto the form, and the rest to sentences", () => {
    expect(
      vendorErrorsToForm({ email: "is not a valid email address", state: "must be two letters" }, ["email"]),
    ).toEqual({
      errors: { email: "Spectrum TeleTrack says this is not a valid email address." },
      other: ["Spectrum TeleTrack refused the state: must be two letters."],
    });
  });

  const darnell: CaregiverRecord = {
    id: "tt-1004",
    firstName: "Darnell",
    lastName: "Washington",
    email: "darnell.w@example.net",
    mobilePhone: "+1 559 555 0163",
    birthDate: null,
    state: "CA",
    status: "active",
  };

  it("shows the missing fields first, then every other one; what TeleTrack has can be corrected, not erased", () => {
    expect(formFields(["birthDate"])).toEqual(["birthDate", "firstName", "lastName", "email", "mobilePhone"]);
    expect(requiredFormFields(["birthDate"], darnell)).toEqual([
      "birthDate",
      "firstName",
      "lastName",
      "email",
      "mobilePhone",
    ]);
    // A missing phone only warns: optional, as is a birth date the state does not need.
    const priya = { ...darnell, mobilePhone: null, state: "OR" };
    expect(requiredFormFields(["mobilePhone"], priya)).toEqual(["firstName", "lastName", "email"]);
  });

  it("checks names: trimmed, inner spaces folded, not blank when required, not a paragraph", () => {
    const asked = ["firstName", "lastName"] as const;
    expect(checkFix(asked, asked, { firstName: "  Mary  Ann ", lastName: "Lee" }, TODAY)).toEqual({
      ok: true,
      patch: { firstName: "Mary Ann", lastName: "Lee" },
    });
    expect(checkFix(asked, asked, { firstName: "", lastName: "x".repeat(101) }, TODAY)).toEqual({
      ok: false,
      errors: {
        firstName: "Enter the caregiver's first name.",
        lastName: "Keep the last name under 100 characters.",
      },
    });
  });

  it("writes only what differs from TeleTrack; the same phone in another format is no change", () => {
    expect(
      changedValues(darnell, {
        firstName: "Darnell",
        lastName: "Washington-Hill",
        email: "darnell.w@example.net",
        mobilePhone: "+15595550163",
        birthDate: "1985-04-01",
      }),
    ).toEqual({ lastName: "Washington-Hill", birthDate: "1985-04-01" });
    expect(changedValues(darnell, { mobilePhone: "+15595550199" })).toEqual({ mobilePhone: "+15595550199" });
  });
});
