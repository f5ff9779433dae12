import { toCsv } from "../csv/write";
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
