import { describe, expect, it } from "vitest";
import { CsvInputError } from "../../../src/domain/csv/errors";
import { previewLearnerCsv } from "../../../src/domain/learners/learner-csv";
import { indexLearners, type Outcome } from "../../../src/domain/learners/preview";
import { describeFileForm } from "../../../src/domain/learners/report";
import { knownLearner } from "./fixtures";

/**
 * Learner files as county staff save them, built byte by byte: each variant with the preview it
 * must give (counts, how the file was read, the rejections) or the sentence it is refused with.
 */

const HEADER = ["UserID", "LastName", "FirstName", "Email", "Password", "Status", "Affiliation", "OrganizationName", "EmployeeType", "RTADepartment", "RTAJobTitle", "RTAJobCode", "AreaOfAssignment", "DateHire", "DateTransfer", "UserLevel", "AssocLMSID"];
const CCP = "California Community Partners";
const cells = (email: string, last: string, first: string, status = "Active", county = "Riverside") => [
  email, last, first, email, "", status, CCP, "", `${county} County Community Partner`, "", "", "", "", "2026-02-11", "", "", "",
];
const ROWS = [cells("pena@x.org", "Peña", "José"), cells("same@x.org", "Garcia", "Ana"), cells("leaving@x.org", "Moore", "Kim", "Archived")];
const INDEX = indexLearners([knownLearner("same@x.org"), knownLearner("leaving@x.org", { lastName: "Moore", firstName: "Kim" }), knownLearner("gone@x.org", { status: "Archived" })]);

const csvLine = (row: readonly string[], d = ",") => row.map((v) => (/[",;\t\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(d);
const text = (rows: readonly (readonly string[])[], { d = ",", eol = "\r\n", above = [] as string[] } = {}) =>
  [...above, ...rows.map((r) => csvLine(r, d))].join(eol) + eol;
const utf8 = (s: string) => Buffer.from(s, "utf8");
const BASE = text([HEADER, ...ROWS]);
const BASE_COUNTS = { create: 1, unchanged: 1, archive: 1, rejected: 0 };

type Expected =
  | { counts: Partial<Record<Outcome, number>>; notes?: string[]; rejected?: Array<[line: number, problem: string]>; names?: string[]; intent?: "archive" }
  | { refused: string };

interface Variant {
  name: string;
  bytes: Buffer;
  expected: Expected;
}

function windows1252(s: string): Buffer {
  return Buffer.from([...s].map((ch) => ({ ñ: 0xf1, é: 0xe9, "’": 0x92 })[ch] ?? ch.charCodeAt(0)));
}

const LONG_ROWS = 20_000;
const longFile = () => {
  const rows = Array.from({ length: LONG_ROWS }, (_, i) => cells(`p${i}@x.org`, `Last${i}`, `First${i}`));
  return utf8(text([HEADER, ...rows]));
};

const VARIANTS: Variant[] = [
  { name: "UTF-8, CRLF (Excel's CSV UTF-8 without BOM)", bytes: utf8(BASE), expected: { counts: BASE_COUNTS, notes: [] } },
  { name: "UTF-8 with BOM", bytes: utf8(`\uFEFF${BASE}`), expected: { counts: BASE_COUNTS, notes: [] } },
  { name: "LF line ends (Mac, Google Sheets)", bytes: utf8(text([HEADER, ...ROWS], { eol: "\n" })), expected: { counts: BASE_COUNTS, notes: [] } },
  { name: "lone CR line ends (old Mac Excel)", bytes: utf8(text([HEADER, ...ROWS], { eol: "\r" })), expected: { counts: BASE_COUNTS, notes: [] } },
  { name: "no line end after the last row", bytes: utf8(BASE.trimEnd()), expected: { counts: BASE_COUNTS } },
  {
    name: "Windows-1252 (Excel's CSV (Comma delimited))",
    bytes: windows1252(BASE),
    expected: {
      counts: BASE_COUNTS,
      names: ["José Peña"],
      notes: ['The file is not UTF-8, so it was read as Windows-1252 (what Excel\'s "CSV (Comma delimited)" writes); check that the accented names read right, e.g. José Peña.'],
    },
  },
  {
    name: "Windows-1252 with a curly apostrophe",
    bytes: windows1252(text([HEADER, cells("oneil@x.org", "O’Neil", "Sean")])),
    expected: { counts: { create: 1 }, names: ["Sean O’Neil"] },
  },
  {
    name: "UTF-16LE with BOM, tab-separated (Excel's Unicode Text)",
    bytes: Buffer.from(`\uFEFF${text([HEADER, ...ROWS], { d: "\t" })}`, "utf16le"),
    expected: { counts: BASE_COUNTS, names: ["José Peña"], notes: ['The file was read as UTF-16LE text (what Excel\'s "Unicode Text" writes).', "Its columns are separated by tabs."] },
  },
  {
    name: "UTF-16BE with BOM, tab-separated",
    bytes: Buffer.from(`\uFEFF${text([HEADER, ...ROWS], { d: "\t" })}`, "utf16le").swap16(),
    expected: { counts: BASE_COUNTS, notes: ['The file was read as UTF-16BE text (what Excel\'s "Unicode Text" writes).', "Its columns are separated by tabs."] },
  },
  {
    name: "semicolons (European Excel)",
    bytes: utf8(text([HEADER, ...ROWS], { d: ";" })),
    expected: { counts: BASE_COUNTS, notes: ["Its columns are separated by semicolons."] },
  },
  {
    name: "semicolons with Windows-1252",
    bytes: windows1252(text([HEADER, ...ROWS], { d: ";" })),
    expected: { counts: BASE_COUNTS, names: ["José Peña"] },
  },
  { name: "tabs in UTF-8", bytes: utf8(text([HEADER, ...ROWS], { d: "\t" })), expected: { counts: BASE_COUNTS, notes: ["Its columns are separated by tabs."] } },
  {
    name: "a title row above the header",
    bytes: utf8(text([HEADER, ...ROWS], { above: ["CACWT Learner Import,,,"] })),
    expected: { counts: BASE_COUNTS, notes: ["The header is on line 2; the line above it was skipped."] },
  },
  {
    name: "a title and blank lines above the header",
    bytes: utf8(text([HEADER, ...ROWS], { above: ["Riverside County — partners to add", "", ",,,,"] })),
    expected: { counts: BASE_COUNTS, notes: ["The header is on line 4; the 3 lines above it were skipped."], rejected: [] },
  },
  {
    name: "a quoted line break inside a name",
    bytes: utf8(text([HEADER, cells("sam@x.org", "Lee", "Sam\nJr"), ROWS[0]!])),
    expected: { counts: { create: 1, rejected: 1 }, rejected: [[2, "FirstName has a line break or another control character inside it; keep the name on one line"]] },
  },
  {
    name: "a quoted line break elsewhere keeps later line numbers right",
    bytes: utf8(text([HEADER, [...cells("a@x.org", "Lee", "Al").slice(0, 16), "note\r\nmore"], cells("bad", "Lee", "Bo")])),
    expected: { counts: { create: 1, rejected: 1 }, rejected: [[4, 'Email "bad" is not a valid email address']] },
  },
  {
    name: "a short row",
    bytes: utf8(text([HEADER, ROWS[0]!, ["x@x.org", "Lee", "Al", "x@x.org", ""]])),
    expected: { counts: { create: 1, rejected: 1 }, rejected: [[3, "The row is missing columns (has 5 of 17); a line break inside a value may have split it, or cells were deleted"]] },
  },
  {
    name: "Excel's =\"…\" text cells",
    bytes: utf8(BASE.replace("2026-02-11", '="2026-02-11"').replace("pena@x.org,Peña", '="pena@x.org",="Peña"')),
    expected: { counts: BASE_COUNTS, names: ["José Peña"] },
  },
  {
    name: "trailing empty columns in header and rows",
    bytes: utf8(text([[...HEADER, "", "", ""], ...ROWS.map((r) => [...r, "", "", ""])])),
    expected: { counts: BASE_COUNTS, rejected: [] },
  },
  { name: "trailing empty columns in the header only", bytes: utf8(text([[...HEADER, "", ""], ...ROWS])), expected: { counts: BASE_COUNTS, rejected: [] } },
  { name: "blank rows between and after rows", bytes: utf8(text([HEADER, ROWS[0]!, [], ROWS[1]!, ["", "", "", ""], ROWS[2]!, [], []])), expected: { counts: BASE_COUNTS } },
  { name: "header only", bytes: utf8(text([HEADER])), expected: { refused: "The file has no rows: it stops after its header (line 1); add a row per learner and upload it again." } },
  { name: "header only below a title", bytes: utf8(text([HEADER], { above: ["Title"] })), expected: { refused: "The file has no rows: it stops after its header (line 2); add a row per learner and upload it again." } },
  {
    name: "the archival layout (vendor's tab)",
    bytes: utf8(text([["UserID", "LastName", "FirstName", "Email", "Affiliation", "EmploymentType"], ["same@x.org", "Garcia", "Ana", "same@x.org", CCP, "Riverside County Community Partner"], ["gone@x.org", "Garcia", "Ana", "gone@x.org", CCP, "Riverside County Community Partner"], ["nobody@x.org", "Body", "No", "nobody@x.org", CCP, "Riverside County Community Partner"]])),
    expected: { intent: "archive", counts: { create: 0, archive: 1, unchanged: 1, rejected: 1 }, rejected: [[4, "CACWT has no learner with this email; an archival file only archives learners CACWT has"]] },
  },
  {
    name: "the archival layout, semicolons and a title row",
    bytes: utf8(text([["UserID", "LastName", "FirstName", "Email", "Affiliation", "EmploymentType"], ["same@x.org", "Garcia", "Ana", "same@x.org", CCP, "Riverside County Community Partner"]], { d: ";", above: ["Community Partner Archival Template"] })),
    expected: { intent: "archive", counts: { archive: 1 }, notes: ["Its columns are separated by semicolons.", "The header is on line 2; the line above it was skipped."] },
  },
  {
    name: "a creation file that changes Status to Archived (the guide's alternative)",
    bytes: utf8(text([HEADER, cells("same@x.org", "Garcia", "Ana", "Archived")])),
    expected: { counts: { archive: 1 } },
  },
  { name: "no header in the first 10 lines", bytes: utf8(`${"x,y\r\n".repeat(12)}`), expected: { refused: "None of the first 10 lines is the template's header; start the file with the column names, such as LastName, FirstName, Email, Affiliation, EmployeeType." } },
  { name: "a very long file", bytes: longFile(), expected: { counts: { create: LONG_ROWS, rejected: 0 } } },
];

async function* once(bytes: Buffer) {
  // Upload-sized pieces, so multi-byte characters and line ends fall across chunk boundaries.
  for (let i = 0; i < bytes.length; i += 1000) yield bytes.subarray(i, i + 1000);
}

describe("learner files as people really make them", () => {
  it("has at least 25 variants", () => {
    expect(VARIANTS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(VARIANTS)("$name", async ({ bytes, expected }) => {
    const result = await previewLearnerCsv(once(bytes), INDEX).catch((e: unknown) => e);
    if ("refused" in expected) {
      expect(result).toBeInstanceOf(CsvInputError);
      expect((result as CsvInputError).message).toBe(expected.refused);
      return;
    }
    if (result instanceof Error) throw result;
    const preview = result as Awaited<ReturnType<typeof previewLearnerCsv>>;
    expect(preview.counts).toMatchObject(expected.counts);
    expect(preview.intent).toBe(expected.intent ?? "import");
    if (expected.notes) expect(describeFileForm(preview.form, preview.rows)).toEqual(expected.notes);
    if (expected.rejected) {
      expect(preview.rows.filter((r) => r.outcome === "rejected").map((r) => [r.line, r.details.join("; ")])).toEqual(expected.rejected);
    }
    for (const name of expected.names ?? []) expect(preview.rows.map((r) => `${r.firstName} ${r.lastName}`)).toContain(name);
  });
});
