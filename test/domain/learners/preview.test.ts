import { describe, expect, it } from "vitest";
import { classifyRows, createRowClassifier, indexLearners, learnerPatch, planRow, type LearnerIndex } from "../../../src/domain/learners/preview";
import { newLearnerFrom } from "../../../src/domain/learners/row";
import type { TemplateColumn } from "../../../src/domain/learners/template";
import { knownLearner } from "./fixtures";

type Raw = Partial<Record<TemplateColumn, string>>;

function raw(email: string, changes: Raw = {}): Raw {
  return {
    LastName: "Garcia",
    FirstName: "Ana",
    Email: email,
    Affiliation: "California Community Partners",
    EmployeeType: "Riverside County Community Partner",
    DateHire: "2026-02-11",
    ...changes,
  };
}

const records = (...raws: Raw[]) => raws.map((r, i) => ({ line: i + 2, raw: r }));

describe("classifyRows", () => {
  const index = indexLearners([
    knownLearner("same@x.org"),
    knownLearner("Renamed@X.org"),
    knownLearner("gone@x.org", { status: "Archived" }),
    knownLearner("back@x.org", { status: "Archived", lastName: "Old" }),
    knownLearner("leaving@x.org"),
  ]);

  it("says what importing each row would do, with counts", async () => {
    const preview = await classifyRows(
      records(
        raw("new@x.org"),
        raw("same@x.org"),
        raw("renamed@x.org", { LastName: "García", EmployeeType: "Fresno County Community Partner" }),
        raw("gone@x.org", { Status: "Archived" }),
        raw("back@x.org"),
        raw("leaving@x.org", { Status: "archived" }),
        raw("nobody@x.org", { Status: "Archived" }),
        raw("bad"),
      ),
      index,
    );
    expect(preview.rows.map(({ line, email, outcome, details }) => ({ line, email, outcome, details }))).toEqual([
      { line: 2, email: "new@x.org", outcome: "create", details: [] },
      { line: 3, email: "same@x.org", outcome: "unchanged", details: [] },
      { line: 4, email: "renamed@x.org", outcome: "update", details: ["LastName", "EmployeeType"] },
      { line: 5, email: "gone@x.org", outcome: "unchanged", details: [] },
      { line: 6, email: "back@x.org", outcome: "reactivate", details: ["LastName"] },
      { line: 7, email: "leaving@x.org", outcome: "archive", details: [] },
      { line: 8, email: "nobody@x.org", outcome: "create", details: [] },
      { line: 9, email: "bad", outcome: "rejected", details: ['Email "bad" is not a valid email address'] },
    ]);
    expect(preview.counts).toEqual({ create: 2, update: 1, reactivate: 1, archive: 1, unchanged: 2, rejected: 1 });
    expect(preview.createdArchived).toBe(1);
    expect(preview.renamed).toBe(1);
  });

  it("creates a learner CACWT does not have as Archived when the row says Archived, as CACWT's import does", () => {
    const c = createRowClassifier(index)({ line: 2, raw: raw("nobody@x.org", { Status: "archived" }) });
    if (c.outcome !== "create") throw new Error(c.outcome);
    expect(c.row.status).toBe("Archived");
    expect(newLearnerFrom(c.row, "2026-11-23")).toMatchObject({ email: "nobody@x.org", status: "Archived" });
  });

  it("shows each classified row to a visitor, in file order", async () => {
    const seen: string[] = [];
    await classifyRows(records(raw("new@x.org"), raw("bad"), raw("same@x.org")), index, (c) => seen.push(`${c.line}:${c.outcome}`));
    expect(seen).toEqual(["2:create", "3:rejected", "4:unchanged"]);
  });

  it("plans a row again against what CACWT has at the time of the import", () => {
    const c = createRowClassifier(indexLearners([]))({ line: 2, raw: raw("renamed@x.org", { LastName: "García" }) });
    if (c.outcome === "rejected") throw new Error("rejected");
    expect(c.outcome).toBe("create");
    expect(planRow(c.row, knownLearner("renamed@x.org")).outcome).toBe("update");
    expect(planRow(c.row, knownLearner("renamed@x.org", { lastName: "García" })).outcome).toBe("unchanged");
    expect(planRow(c.row, knownLearner("renamed@x.org", { status: "Archived" })).outcome).toBe("reactivate");
    expect(planRow(c.row, undefined).outcome).toBe("create");
  });

  it("keeps a learner's hire date when the file leaves DateHire blank, and updates it when given", async () => {
    const preview = await classifyRows(
      records(raw("same@x.org", { DateHire: "" }), raw("renamed@x.org", { DateHire: "3/1/2026" })),
      index,
    );
    expect(preview.rows.map((r) => [r.outcome, r.details])).toEqual([
      ["unchanged", []],
      ["update", ["DateHire"]],
    ]);
  });

  it("rejects every later row with the same email as a duplicate of the first line", async () => {
    const preview = await classifyRows(
      records(raw("dup@x.org"), raw(" DUP@x.org "), raw("other@x.org"), raw("dup@x.org", { Status: "Archived" })),
      index,
    );
    expect(preview.rows.map((r) => [r.line, r.outcome, r.details])).toEqual([
      [2, "create", []],
      [3, "rejected", ["This email is a duplicate of line 2"]],
      [4, "create", []],
      [5, "rejected", ["This email is a duplicate of line 2"]],
    ]);
  });

  it("counts a rejected row as the first with its email, and adds the duplicate to a later row's own problems", async () => {
    const preview = await classifyRows(records(raw("dup@x.org", { FirstName: "" }), raw("dup@x.org", { Status: "x" })), index);
    expect(preview.rows.map((r) => r.details)).toEqual([
      ["FirstName is required"],
      ['Status "x" must be Active or Archived', "This email is a duplicate of line 2"],
    ]);
  });

  it("counts rows that filled ignored columns, in template order", async () => {
    const preview = await classifyRows(
      records(
        raw("a@x.org", { AssocLMSID: "1", Password: "Changeme1!" }),
        raw("b@x.org", { Password: "Changeme1!" }),
        raw("c@x.org", { FirstName: "", Password: "Changeme1!" }),
      ),
      index,
    );
    expect(preview.ignoredValues).toEqual([
      { column: "Password", rows: 2 },
      { column: "AssocLMSID", rows: 1 },
    ]);
  });

  it("patches only the status and the changed fields", () => {
    const classify = createRowClassifier(index);
    const patches = records(
      raw("renamed@x.org", { LastName: "García", DateHire: "2026-03-01" }),
      raw("back@x.org"),
      raw("leaving@x.org", { Status: "Archived", FirstName: "Anita" }),
    ).map((record) => {
      const c = classify(record);
      if (c.outcome !== "update" && c.outcome !== "reactivate" && c.outcome !== "archive") throw new Error(c.outcome);
      return learnerPatch(c);
    });
    expect(patches).toEqual([
      { lastName: "García", dateHire: "2026-03-01" },
      { status: "Active", lastName: "Garcia" },
      { status: "Archived" },
    ]);
  });

  it("changes nothing when the same file is imported again", async () => {
    const file = records(
      raw("new@x.org"),
      raw("renamed@x.org", { LastName: "García" }),
      raw("back@x.org", { DateHire: "" }),
      raw("leaving@x.org", { Status: "Archived" }),
    );
    const first = await classifyRows(file, index);
    expect(first.counts).toMatchObject({ create: 1, update: 1, reactivate: 1, archive: 1 });

    const after = new Map(index);
    const classify = createRowClassifier(index);
    for (const record of file) {
      const c = classify(record);
      if (c.outcome === "create") after.set(c.email, newLearnerFrom(c.row, "2026-11-23"));
      else if (c.outcome === "update" || c.outcome === "reactivate" || c.outcome === "archive") {
        after.set(c.email, { ...(index.get(c.email) ?? knownLearner(c.email)), ...learnerPatch(c) });
      }
    }
    const again = await classifyRows(file, after satisfies LearnerIndex);
    expect(again.counts).toEqual({ create: 0, update: 0, reactivate: 0, archive: 0, unchanged: 4, rejected: 0 });
  });
});
