import { toCsv } from "../csv/write";
import type { FileForm } from "./learner-csv";
import type { Preview } from "./preview";
import type { IgnoredColumn } from "./row";

/** The "Download errors" file: one line per rejected row, with all its problems. */
export function rejectedRowsCsv(preview: Pick<Preview, "rows">): string {
  const rows = [["Line", "Email", "Problems"]];
  for (const r of preview.rows) {
    if (r.outcome === "rejected") rows.push([String(r.line), r.email, r.details.join("; ")]);
  }
  return toCsv(rows);
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
    notes.push(`The file is not UTF-8, so it was read as Windows-1252 (what Excel's "CSV (Comma delimited)" writes)${check}.`);
  } else if (form.encoding !== "UTF-8") {
    notes.push(`The file was read as ${form.encoding} text (what Excel's "Unicode Text" writes).`);
  }
  if (form.delimiter !== ",") notes.push(`Its columns are separated by ${form.delimiter === ";" ? "semicolons" : "tabs"}.`);
  if (form.headerLine > 1) {
    const above = form.headerLine - 1;
    notes.push(`The header is on line ${form.headerLine}; the ${above === 1 ? "line" : `${above} lines`} above it ${above === 1 ? "was" : "were"} skipped.`);
  }
  return notes;
}
