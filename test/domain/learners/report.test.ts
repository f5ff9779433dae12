import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { Preview } from "../../../src/domain/learners/preview";
import { describeIgnoredValues, rejectedRowsCsv } from "../../../src/domain/learners/report";

describe("rejectedRowsCsv", () => {
  it("lists only the rejected rows with all their problems, formula-neutralized", () => {
    const rows: Preview["rows"] = [
      { line: 2, email: "a@x.org", firstName: "Ana", lastName: "Ruiz", outcome: "create", details: [] },
      { line: 3, email: "=1+2", firstName: "", lastName: "Kim", outcome: "rejected", details: ['Email "=1+2" is not a valid email address', "FirstName is required"] },
      { line: 4, email: "a@x.org", firstName: "Ana", lastName: "Ruiz", outcome: "rejected", details: ["This email is a duplicate of line 2"] },
      { line: 5, email: "b@x.org", firstName: "Bo", lastName: "Li", outcome: "update", details: ["LastName"] },
    ];
    expect(parse(rejectedRowsCsv({ rows }), { bom: true })).toEqual([
      ["Line", "Email", "Problems"],
      ["3", "'=1+2", `Email "=1+2" is not a valid email address; FirstName is required`],
      ["4", "a@x.org", "This email is a duplicate of line 2"],
    ]);
  });
});

describe("describeIgnoredValues", () => {
  it("says which ignored columns the file filled and why they are ignored", () => {
    expect(
      describeIgnoredValues([
        { column: "Password", rows: 1200 },
        { column: "OrganizationName", rows: 1 },
      ]),
    ).toEqual([
      "1,200 rows fill Password, which is ignored: every learner gets a strong temporary password of their own.",
      "1 row fills OrganizationName, which is ignored: the template says to leave it blank for community partners.",
    ]);
  });
});
