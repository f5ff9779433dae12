import { describe, expect, it } from "vitest";
import { newLearnerFrom, validateRow, type RowValidation } from "../../../src/domain/learners/row";
import type { TemplateColumn } from "../../../src/domain/learners/template";

type Raw = Partial<Record<TemplateColumn, string>>;

const GOOD: Raw = {
  UserID: "ana.garcia@partner1.org",
  LastName: "Garcia",
  FirstName: "Ana",
  Email: "ana.garcia@partner1.org",
  Status: "Active",
  Affiliation: "California Community Partners",
  EmployeeType: "Riverside County Community Partner",
  DateHire: "2026-02-11",
};

const validate = (changes: Raw, line = 2) => validateRow({ line, raw: { ...GOOD, ...changes } });

function problems(result: RowValidation): string[] {
  return result.ok ? [] : result.problems;
}

describe("validateRow: normalization", () => {
  it("keeps a good row as written", () => {
    expect(validate({})).toEqual({
      ok: true,
      row: {
        line: 2,
        userId: "ana.garcia@partner1.org",
        email: "ana.garcia@partner1.org",
        firstName: "Ana",
        lastName: "Garcia",
        status: "Active",
        affiliation: "California Community Partners",
        employeeType: "Riverside County Community Partner",
        county: "Riverside",
        dateHire: "2026-02-11",
      },
      ignoredColumns: [],
    });
  });

  it("trims, lowercases the email, fills UserID from it and spells affiliation and employee type canonically", () => {
    const result = validate({
      UserID: "",
      Email: "  Mia.Young111@Partner3.ORG ",
      FirstName: "  Lee ",
      Affiliation: " california community PARTNERS ",
      EmployeeType: "san  diego county community partner",
      Status: " ",
    });
    expect(result).toMatchObject({
      ok: true,
      row: {
        userId: "mia.young111@partner3.org",
        email: "mia.young111@partner3.org",
        firstName: "Lee",
        status: "Active",
        affiliation: "California Community Partners",
        employeeType: "San Diego County Community Partner",
        county: "San Diego",
      },
    });
  });

  it("accepts a UserID that differs from the email only in case and spacing", () => {
    expect(validate({ UserID: " ANA.Garcia@partner1.org" }).ok).toBe(true);
  });

  it("reads Status in any case", () => {
    expect(validate({ Status: "archived" })).toMatchObject({ ok: true, row: { status: "Archived" } });
    expect(validate({ Status: "ACTIVE" })).toMatchObject({ ok: true, row: { status: "Active" } });
  });

  it("reads M/D/YYYY dates and leaves a blank date for the import to decide", () => {
    expect(validate({ DateHire: "11/22/2026" })).toMatchObject({ ok: true, row: { dateHire: "2026-11-22" } });
    expect(validate({ DateHire: "2/29/2028" })).toMatchObject({ ok: true, row: { dateHire: "2028-02-29" } });
    expect(validate({ DateHire: " " })).toMatchObject({ ok: true, row: { dateHire: null } });
  });

  it("keeps accents and stores them in composed form", () => {
    const decomposed = "Nguye\u0302\u0303n";
    expect(validate({ LastName: decomposed })).toMatchObject({ ok: true, row: { lastName: "Nguyễn" } });
  });

  it("accepts an archival row that has only the archival columns", () => {
    const raw: Raw = { ...GOOD, Status: "Archived" };
    delete raw.DateHire;
    expect(validateRow({ line: 5, raw })).toMatchObject({ ok: true, row: { status: "Archived", dateHire: null } });
  });

  it("drops values in leave-blank columns and the password, noting which, never echoing them", () => {
    const result = validate({ Password: "Changeme1!", OrganizationName: "Acme", RTAJobCode: " ", AssocLMSID: "77" });
    expect(result).toMatchObject({ ok: true, ignoredColumns: ["Password", "OrganizationName", "AssocLMSID"] });
    expect(JSON.stringify(result)).not.toContain("Changeme1!");
    expect(JSON.stringify(result)).not.toContain("Acme");
  });
});

describe("validateRow: rejections name the column and what to do", () => {
  it("requires FirstName, LastName and Email", () => {
    expect(problems(validate({ FirstName: " ", LastName: "", Email: "" }))).toEqual([
      "FirstName is required",
      "LastName is required",
      "Email is required",
    ]);
  });

  it.each(["not-an-email", "a@b", "a@@b.org", "a b@x.org", "a..b@x.org", ".a@x.org", "a@-x.org", "a@x_y.org", "@x.org"])(
    "rejects the email %j",
    (email) => {
      expect(problems(validate({ Email: email, UserID: "" }))).toEqual([`Email "${email}" is not a valid email address`]);
    },
  );

  it.each(["o'neil+tag@sub.example.co", "x@a-b.io", "first.last@partner3.org"])("accepts the email %j", (email) => {
    expect(validate({ Email: email, UserID: "" }).ok).toBe(true);
  });

  it("requires UserID to be the email", () => {
    expect(problems(validate({ UserID: "agarcia" }))).toEqual([
      'UserID "agarcia" must be the same as Email for community partners (or be left blank)',
    ]);
  });

  it("accepts only Active or Archived as Status", () => {
    expect(problems(validate({ Status: "Inactive" }))).toEqual(['Status "Inactive" must be Active or Archived']);
  });

  it("requires the community partner affiliation, spelled out", () => {
    expect(problems(validate({ Affiliation: "Calif. Community Partners" }))).toEqual([
      'Affiliation "Calif. Community Partners" must be California Community Partners',
    ]);
    expect(problems(validate({ Affiliation: "" }))).toEqual(["Affiliation is required and must be California Community Partners"]);
  });

  it("requires '<County> County Community Partner' and suggests the county meant", () => {
    expect(problems(validate({ EmployeeType: "Riverside Community Partner" }))).toEqual([
      'EmployeeType "Riverside Community Partner" must be "<County> County Community Partner", e.g. "Riverside County Community Partner"',
    ]);
    expect(problems(validate({ EmployeeType: "San Diego County" }))).toEqual([
      'EmployeeType "San Diego County" must be "<County> County Community Partner", e.g. "San Diego County Community Partner"',
    ]);
    expect(problems(validate({ EmployeeType: "Springfield County Community Partner" }))).toEqual([
      'EmployeeType "Springfield County Community Partner" names no California county; it must be "<County> County Community Partner", e.g. "Riverside County Community Partner"',
    ]);
    expect(problems(validate({ EmployeeType: "" }))).toEqual([
      'EmployeeType is required and must be "<County> County Community Partner", e.g. "Riverside County Community Partner"',
    ]);
  });

  it.each(["2026-02-30", "2026-2-3", "13/1/2026", "1/2/26", "0202-01-01", "yesterday"])("rejects the date %j", (date) => {
    expect(problems(validate({ DateHire: date }))).toEqual([`DateHire "${date}" is not a valid date; use YYYY-MM-DD or M/D/YYYY`]);
  });

  it("rejects a name that lost its accents to a non-UTF-8 export", () => {
    expect(problems(validate({ LastName: "Nguy\uFFFDn" }))).toEqual([
      'LastName has characters that were not saved as UTF-8; save the spreadsheet as "CSV UTF-8"',
    ]);
  });

  it("rejects a line break or control character inside a name, rather than guessing how to join it", () => {
    expect(problems(validate({ FirstName: "Sam\nJr" }))).toEqual([
      "FirstName has a line break or another control character inside it; keep the name on one line",
    ]);
    expect(problems(validate({ LastName: "Kim\u0007" }))).toEqual([
      "LastName has a line break or another control character inside it; keep the name on one line",
    ]);
  });

  it("says a row cut short before a required column is missing columns, and keeps its name", () => {
    const { Email: _email, Affiliation: _a, EmployeeType: _e, ...cut } = GOOD;
    const result = validateRow({ line: 4, raw: cut, short: { has: 5, of: 17 } });
    expect(result).toMatchObject({ ok: false, line: 4, firstName: "Ana", lastName: "Garcia" });
    expect(problems(result)).toEqual([
      "The row is missing columns (has 5 of 17); a line break inside a value may have split it, or cells were deleted",
    ]);
    // Short only in optional columns at the end: nothing is missing.
    expect(validateRow({ line: 5, raw: GOOD, short: { has: 9, of: 17 } }).ok).toBe(true);
  });

  it("rejects a row shifted by an unquoted comma", () => {
    const result = validateRow({ line: 3, raw: GOOD, extraValues: 1 });
    expect(problems(result)).toEqual([
      "The row has 1 more value than the header has columns; put quotes around values that contain commas",
    ]);
  });

  it("reports every problem of a row at once, with its line and email as written", () => {
    expect(validate({ FirstName: "", Email: " Not-An-Email ", UserID: "", Status: "x" }, 7)).toEqual({
      ok: false,
      line: 7,
      email: "not-an-email",
      firstName: "",
      lastName: "Garcia",
      problems: ["FirstName is required", 'Email "not-an-email" is not a valid email address', 'Status "x" must be Active or Archived'],
    });
  });
});

describe("newLearnerFrom", () => {
  it("hires on the given day when the file left DateHire blank, and keeps a given date", () => {
    const blank = validate({ DateHire: "" });
    const dated = validate({});
    if (!blank.ok || !dated.ok) throw new Error("fixture rows must be valid");
    expect(newLearnerFrom(blank.row, "2026-11-23")).toEqual({
      userId: "ana.garcia@partner1.org",
      email: "ana.garcia@partner1.org",
      firstName: "Ana",
      lastName: "Garcia",
      status: "Active",
      affiliation: "California Community Partners",
      organizationName: null,
      employeeType: "Riverside County Community Partner",
      dateHire: "2026-11-23",
      trainingManager: false,
      supervisor: false,
    });
    expect(newLearnerFrom(dated.row, "2026-11-23", { trainingManager: true, supervisor: false })).toMatchObject({
      dateHire: "2026-02-11",
      trainingManager: true,
    });
  });
});
