import { describe, expect, it } from "vitest";
import { runImport } from "../../../src/providers/sandbox/routes/cacwt-import";
import { emptyState } from "../../../src/providers/sandbox/state";
import { readShared } from "../../domain/learners/fixtures";

const fixture = (name: string) => readShared(`fixtures/${name}`);

const NOW = new Date("2026-11-23T12:00:00Z");

describe("sandbox CACWT import", () => {
  it("creates every learner of the valid template file, then archives five with the archival file", () => {
    const state = emptyState();
    const created = runImport(state, fixture("cacwt_learners_valid.csv"), NOW);
    expect(created).toEqual({ status: "done", created: 25, updated: 0, failed: [] });
    expect(state.cacwt.learners.get("ana.garcia0@partner1.org")).toMatchObject({
      firstName: "Ana",
      lastName: "Garcia",
      status: "Active",
      affiliation: "California Community Partners",
      employeeType: "Riverside County Community Partner",
      dateHire: "2026-01-10",
      organizationName: null,
    });
    expect(state.outbox.filter((m) => m.kind === "temporary_password")).toHaveLength(25);
    expect(state.cacwt.passwords.get("ana.garcia0@partner1.org")).toBe("Changeme1!");

    const archived = runImport(state, fixture("cacwt_learners_archive.csv"), NOW);
    expect(archived).toEqual({ status: "done", created: 0, updated: 5, failed: [] });
    expect([...state.cacwt.learners.values()].filter((l) => l.status === "Archived")).toHaveLength(5);
  });

  it("reports each row it cannot apply with its line number and applies the rest", () => {
    const state = emptyState();
    const header = fixture("cacwt_learners_valid.csv").split("\n")[0];
    const csv = [
      header,
      "a@p.example,A,Ann,a@p.example,Changeme1!,Active,California Community Partners,,Kern County Community Partner,,,,,2026-01-01,,,",
      "b@p.example,B,,b@p.example,,Active,California Community Partners,,Kern County Community Partner,,,,,2026-01-01,,,",
      "c@p.example,C,Cy,c@p.example,Changeme1!,Gone,California Community Partners,,Kern County Community Partner,,,,,2026-01-01,,,",
      "d@p.example,D,Di,d@p.example,Changeme1!,Active,California Community Partners,,Kern County Community Partner,,,,,01/02/2026,,,",
    ].join("\n");
    expect(runImport(state, csv, NOW)).toEqual({
      status: "done",
      created: 1,
      updated: 0,
      failed: [
        { line: 3, message: "FirstName is required for a new learner." },
        { line: 4, message: "Status must be Active or Archived." },
        { line: 5, message: "DateHire must be a date as YYYY-MM-DD." },
      ],
    });
  });

  it("refuses a file whose header is not the template's", () => {
    const result = runImport(emptyState(), "Email,FirstName\nx@y.example,X\n", NOW);
    expect(result.created + result.updated).toBe(0);
    expect(result.failed).toEqual([{ line: 1, message: expect.stringContaining("UserID, LastName, FirstName") }]);
  });
});
