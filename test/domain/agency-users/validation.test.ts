import { describe, expect, it } from "vitest";
import { type AgencyUserForm, toE164, validateAgencyUser } from "../../../src/domain/agency-users/validation";

const form = (overrides: Partial<AgencyUserForm> = {}): AgencyUserForm => ({
  username: "jose.nunez",
  roleId: "ro-sch",
  officeId: "of-sac",
  firstName: "José",
  lastName: "Núñez",
  businessEmail: "jose.nunez@sunrisecare.example",
  mobilePhone: "",
  flags: {
    showOnCareCoordinatorList: true,
    showOnSupervisorList: false,
    lmsManager: false,
    sendToActivatedInsights: true,
  },
  ...overrides,
});

const problemsOf = (overrides: Partial<AgencyUserForm>) => {
  const result = validateAgencyUser(form(overrides));
  return result.ok ? {} : Object.fromEntries(result.problems.map((p) => [p.field, p.message]));
};

describe("validateAgencyUser", () => {
  it("trims, normalizes the username, stores the phone in E.164 and keeps the flags", () => {
    const result = validateAgencyUser(
      form({
        username: " Jose.Nunez ",
        firstName: " José ",
        mobilePhone: "(916) 555-0142",
        businessEmail: " j@a.example ",
      }),
    );
    expect(result).toEqual({
      ok: true,
      draft: {
        username: "jose.nunez",
        roleId: "ro-sch",
        officeId: "of-sac",
        firstName: "José",
        lastName: "Núñez",
        businessEmail: "j@a.example",
        mobilePhone: "+19165550142",
        showOnCareCoordinatorList: true,
        showOnSupervisorList: false,
        lmsManager: false,
        sendToActivatedInsights: true,
      },
    });
  });

  it("leaves the phone out when none is given", () => {
    const result = validateAgencyUser(form({ mobilePhone: "   " }));
    expect(result.ok && result.draft.mobilePhone).toBeNull();
  });

  it("puts each missing required field on its own field", () => {
    expect(
      problemsOf({ username: "", roleId: "", officeId: " ", firstName: "", lastName: " ", businessEmail: "" }),
    ).toEqual({
      username: "Enter a username.",
      roleId: "Choose a role.",
      officeId: "Choose an office.",
      firstName: "Enter the first name.",
      lastName: "Enter the last name.",
      businessEmail: "Enter the business email: Caresmartz360 sends the registration there.",
    });
  });

  it("refuses a bad email, phone or username on that field only", () => {
    expect(problemsOf({ businessEmail: "jose@" })).toEqual({
      businessEmail: "Enter a valid email address, like name@agency.com.",
    });
    expect(Object.keys(problemsOf({ mobilePhone: "555-01" }))).toEqual(["mobilePhone"]);
    expect(Object.keys(problemsOf({ username: "josé" }))).toEqual(["username"]);
    expect(Object.keys(problemsOf({ firstName: "x".repeat(51) }))).toEqual(["firstName"]);
  });
});

describe("toE164", () => {
  it.each([
    ["(916) 555-0142", "+19165550142"],
    ["916.555.0142", "+19165550142"],
    ["+1 916 555 0142", "+19165550142"],
    ["+44 20 7946 0958", "+442079460958"],
  ])("%s → %s", (text, e164) => {
    expect(toE164(text)).toBe(e164);
  });
  it.each(["555-0142", "123", "+1 123 456 7890", "phone"])("refuses %s", (text) => {
    expect(toE164(text)).toBeUndefined();
  });
});
