import { toCsv } from "../../domain/csv/write";
import type { Job, JobItem } from "../../jobs/types";
import type { ImportItemInput, StoredPreview } from "./import-preview";
import type { CsvFile } from "./one";

export interface ImportLog {
  filename: string;
  job: Job;
  /** By outcome: created, updated, archived, reactivated, unchanged, failed, rejected (in the preview), not processed. */
  counts: Record<string, number>;
  file: CsvFile;
}

const NOT_PROCESSED = "not processed";

/**
 * The import log: one line per row of the file, in file order, whether the job acted on it or
 * the preview rejected it. Names come from the file, so the CSV writer neutralizes formulas.
 */
export function importLogRows(
  items: JobItem[],
  rejected: StoredPreview["rejected"],
): { counts: Record<string, number>; rows: string } {
  const counts: Record<string, number> = {};
  const lines: Array<{ line: number; cells: string[] }> = [];
  for (const item of items) {
    const { row } = item.input as unknown as ImportItemInput;
    const outcome = item.status === "pending" ? NOT_PROCESSED : (item.outcome ?? item.status);
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    lines.push({
      line: item.seq,
      cells: [String(item.seq), item.key, row.firstName, row.lastName, outcome, item.message ?? ""],
    });
  }
  for (const r of rejected) {
    counts.rejected = (counts.rejected ?? 0) + 1;
    lines.push({
      line: r.line,
      cells: [String(r.line), r.email, r.firstName ?? "", r.lastName ?? "", "rejected", r.problems.join("; ")],
    });
  }
  lines.sort((a, b) => a.line - b.line);
  const rows = toCsv([["Line", "Email", "FirstName", "LastName", "Outcome", "Message"], ...lines.map((l) => l.cells)]);
  return { counts, rows };
}
