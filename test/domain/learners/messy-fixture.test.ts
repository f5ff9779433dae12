import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { openLearnerCsv, previewLearnerCsv } from "../../../src/domain/learners/learner-csv";
import { createRowClassifier, indexLearners, type AcceptedRow, type Classified } from "../../../src/domain/learners/preview";
import { rejectedRowsCsv } from "../../../src/domain/learners/report";
import { toCsv } from "../../../src/domain/csv/write";
import { knownLearner, openFixture } from "./fixtures";

// Line 8 says Archived: it archives olga.nguyen106 when CACWT has her, and creates her archived when not.
const OLGA = knownLearner("olga.nguyen106@partner2.org", {
  firstName: "Olga",
  lastName: "Nguyen",
  employeeType: "Fresno County Community Partner",
  dateHire: "2026-08-17",
});

async function classifyFixture(known = [OLGA]): Promise<Map<number, Classified>> {
  const doc = await openLearnerCsv(openFixture("cacwt_learners_messy.csv"));
  const classify = createRowClassifier(indexLearners(known));
  const byLine = new Map<number, Classified>();
  for await (const record of doc.rows) byLine.set(record.line, classify(record));
  return byLine;
}

function accepted(byLine: Map<number, Classified>, line: number): AcceptedRow {
  const c = byLine.get(line);
  if (c === undefined || c.outcome === "rejected") throw new Error(`line ${line} was not accepted: ${JSON.stringify(c)}`);
  return c;
}

describe("cacwt_learners_messy.csv gives the outcomes of the fixture README", () => {
  it("imports lines 2, 3, 7, 8, 9, 12, 13, rejects 4, 5, 6, 10, 11 and skips the empty line 14", async () => {
    const byLine = await classifyFixture();
    expect([...byLine.keys()]).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const imported = [...byLine].filter(([, c]) => c.outcome !== "rejected").map(([line]) => line);
    expect(imported).toEqual([2, 3, 7, 8, 9, 12, 13]);
  });

  it("gives each rejected line its reason", async () => {
    const byLine = await classifyFixture();
    const rejected = [...byLine.values()].flatMap((c) => (c.outcome === "rejected" ? [[c.line, c.problems]] : []));
    expect(rejected).toEqual([
      [4, ['Email "not-an-email" is not a valid email address']],
      [5, ["FirstName is required"]],
      [6, ["This email is a duplicate of line 2"]],
      [10, ['EmployeeType "Riverside Community Partner" must be "<County> County Community Partner", e.g. "Riverside County Community Partner"']],
      [11, ['Affiliation "Calif. Community Partners" must be California Community Partners']],
    ]);
  });

  it("normalizes the imported rows as the README says", async () => {
    const byLine = await classifyFixture();
    expect(accepted(byLine, 3).row.lastName).toBe("O'Neil, Jr.");
    expect(accepted(byLine, 7).row.dateHire).toBe("2026-11-22");
    expect(accepted(byLine, 8).row.status).toBe("Archived");
    expect(accepted(byLine, 8).outcome).toBe("archive");
    expect(accepted(byLine, 9).row.firstName).toBe('=HYPERLINK("http://evil.example","click")');
    expect(accepted(byLine, 12).row.lastName).toBe("Nguyễn");
    expect(accepted(byLine, 13).row.email).toBe("mia.young111@partner3.org");
    expect(accepted(byLine, 13).row.userId).toBe("mia.young111@partner3.org");
  });

  it("neutralizes line 9's formula in any CSV it writes", async () => {
    const byLine = await classifyFixture();
    const firstName = accepted(byLine, 9).row.firstName;
    const written = parse(toCsv([["Line", "FirstName"], ["9", firstName]]), { bom: true }) as string[][];
    expect(written[1]).toEqual(["9", `'${firstName}`]);
  });

  it("previews the file: 6 create, 1 archive, 5 rejected", async () => {
    const preview = await previewLearnerCsv(openFixture("cacwt_learners_messy.csv"), indexLearners([OLGA]));
    expect(preview.counts).toEqual({ create: 6, update: 0, reactivate: 0, archive: 1, unchanged: 0, rejected: 5 });
    expect(preview.unknownColumns).toEqual([]);
    const errors = parse(rejectedRowsCsv(preview), { bom: true }) as string[][];
    expect(errors.map((r) => r[0])).toEqual(["Line", "4", "5", "6", "10", "11"]);
  });

  it("creates line 8 as Archived when CACWT does not have the learner, so seven rows import", async () => {
    const byLine = await classifyFixture([]);
    expect(accepted(byLine, 8)).toMatchObject({ outcome: "create", row: { status: "Archived" } });
    const preview = await previewLearnerCsv(openFixture("cacwt_learners_messy.csv"), indexLearners([]));
    expect(preview.counts).toEqual({ create: 7, update: 0, reactivate: 0, archive: 0, unchanged: 0, rejected: 5 });
    expect(preview.createdArchived).toBe(1);
  });
});
