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
    expect(formFields(["birthDate"])).toEqual(["birthDate", "email", "mobilePhone"]);
    expect(requiredFormFields(["birthDate"], darnell)).toEqual(["birthDate", "email", "mobilePhone"]);
    // A missing phone only warns: optional, as is a birth date the state does not need.
    const priya = { ...darnell, mobilePhone: null, state: "OR" };
    expect(requiredFormFields(["mobilePhone"], priya)).toEqual(["email"]);
  });

  it("writes only what differs from TeleTrack; the same phone in another format is no change", () => {
    expect(
      changedValues(darnell, {
        email: "darnell.w@example.net",
        mobilePhone: "+15595550163",
        birthDate: "1985-04-01",
      }),
    ).toEqual({ birthDate: "1985-04-01" });
    expect(changedValues(darnell, { mobilePhone: "+15595550199" })).toEqual({ mobilePhone: "+15595550199" });
  });
});
