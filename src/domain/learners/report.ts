import { toCsv } from "../csv/write";
import type { FileForm } from "./learner-csv";
import type { ChangedField, Outcome, Preview } from "./preview";
import type { IgnoredColumn } from "./row";

/** The "Download errors" file: one line per rejected row, with all its problems. */
export function rejectedRowsCsv(preview: Pick<Preview, "rows">): string {
  const rows = [["Line", "Email", "Problems"]];
  for (const r of preview.rows) {
    if (r.outcome === "rejected") rows.push([String(r.line), r.email, r.details.join("; ")]);
  }
  return toCsv(rows);
}

/** One row of the changes file: what importing it would do, as the preview said. */
export interface ChangeEntry {
  outcome: Exclude<Outcome, "unchanged">;
  line: number;
  email: string;
  firstName: string;
  lastName: string;
  /** The fields an update or reactivation changes. */
  fields?: readonly ChangedField[];
  /** The name CACWT has for a learner the row renames. */
  renamedFrom?: string;
  /** A create with Status Archived. */
  createdArchived?: boolean;
  /** Learners CACWT has under the new learner's name and other emails, "email (Status)", and how many more. */
  namesakes?: readonly string[];
  moreNamesakes?: number;
  /** A rejected row's problems. */
  problems?: readonly string[];
}

/**
 * The "Download changes" file: every row the preview would act on or rejected, in file order,
 * with what changes, so a person can check all of them, not only the first few the message names.
 */
export function changesCsv(entries: readonly ChangeEntry[]): string {
  const rows = [["Kind", "Line", "FirstName", "LastName", "Email", "What changes"]];
  for (const e of [...entries].sort((a, b) => a.line - b.line))
    rows.push([e.outcome, String(e.line), e.firstName, e.lastName, e.email, whatChanges(e)]);
  return toCsv(rows);
}

function whatChanges(e: ChangeEntry): string {
  if (e.outcome === "rejected") return `nothing: ${(e.problems ?? []).join("; ")}`;
  const parts: string[] = [];
  if (e.renamedFrom !== undefined) parts.push(`rename: ${e.renamedFrom} → ${`${e.firstName} ${e.lastName}`.trim()}`);
  if (e.fields && e.fields.length > 0) parts.push(e.fields.join(", "));
  if (e.createdArchived) parts.push("created as Archived");
  if (e.namesakes && e.namesakes.length > 0) {
    const total = e.namesakes.length + (e.moreNamesakes ?? 0);
    const more = e.moreNamesakes ? ` and ${e.moreNamesakes} more` : "";
    const name = `${e.firstName} ${e.lastName}`.trim();
    parts.push(
      `${total === 1 ? `1 learner named ${name} already exists` : `${total} learners named ${name} already exist`}: ${e.namesakes.join(", ")}${more}`,
    );
  }
  return parts.join("; ");
}

/** One sentence per ignored column that the file filled in, for the preview message. */
export function describeIgnoredValues(ignoredValues: Preview["ignoredValues"]): string[] {
  return ignoredValues.map(({ column, rows }) => `${rowsWord(rows)} ${explain(column)}`);
}

function rowsWord(n: number): string {
  return n === 1 ? "1 row fills" : `${n.toLocaleString("en-US")} rows fill`;
}

function explain(column: IgnoredColumn): string {
  return column === "Password"
    ? "Password, which is ignored: every learner gets a strong temporary password of their own."
    : `${column}, which is ignored: the template says to leave it blank for community partners.`;
}

const NAMES_SHOWN = 5;
const NOT_ASCII = /[^\x00-\x7f]/;

/**
 * Sentences about how the file was read when it is not plain comma-separated UTF-8 starting with
 * its header, so the person can check the result: a file read as Windows-1252 shows some of the
 * names with accents as they were decoded.
 */
export function describeFileForm(form: FileForm, rows: Preview["rows"]): string[] {
  const notes: string[] = [];
  if (form.encoding === "Windows-1252") {
    const accented: string[] = [];
    for (const r of rows) {
      if (accented.length === NAMES_SHOWN) break;
      const name = `${r.firstName} ${r.lastName}`.trim();
      if (NOT_ASCII.test(name)) accented.push(name);
    }
    const check = accented.length > 0 ? `; check that the accented names read right, e.g. ${accented.join(", ")}` : "";
    notes.push(
      `The file is not UTF-8, so it was read as Windows-1252 (what Excel's "CSV (Comma delimited)" writes)${check}.`,
    );
  } else if (form.encoding !== "UTF-8") {
    notes.push(`The file was read as ${form.encoding} text (what Excel's "Unicode Text" writes).`);
  }
  if (form.delimiter !== ",")
    notes.push(`Its columns are separated by ${form.delimiter === ";" ? "semicolons" : "tabs"}.`);
  if (form.headerLine > 1) {
    const above = form.headerLine - 1;
    notes.push(
      `The header is on line ${form.headerLine}; the ${above === 1 ? "line" : `${above} lines`} above it ${above === 1 ? "was" : "were"} skipped.`,
    );
  }
  return notes;
}
