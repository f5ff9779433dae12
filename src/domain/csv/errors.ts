/** Why a whole uploaded file cannot be read. Row-level problems are not here: they belong to rows. */
export type CsvInputProblem =
  | { code: "too_large"; maxBytes: number }
  | { code: "too_many_rows"; maxRows: number }
  | { code: "empty" }
  | { code: "not_csv"; looksLike: "web page" | "Excel workbook" | "binary file" }
  | { code: "no_header"; expected: readonly string[]; linesSearched: number }
  | { code: "no_rows"; headerLine: number }
  | { code: "missing_columns"; columns: readonly string[] }
  | { code: "duplicate_column"; column: string }
  | { code: "malformed"; line: number | null; reason: string };

/** Thrown while reading a file; `message` is the sentence to show the person who uploaded it. */
export class CsvInputError extends Error {
  constructor(readonly problem: CsvInputProblem) {
    super(describeCsvProblem(problem));
    this.name = "CsvInputError";
  }
}

const SAVE_AS_CSV = 'save the spreadsheet as "CSV UTF-8" and upload that file';

export function describeCsvProblem(problem: CsvInputProblem): string {
  switch (problem.code) {
    case "too_large":
      return `The file is larger than ${formatSize(problem.maxBytes)}; split it into smaller files.`;
    case "too_many_rows":
      return `The file has more than ${problem.maxRows.toLocaleString("en-US")} rows; split it into smaller files.`;
    case "empty":
      return "The file is empty; fill in the template and upload it again.";
    case "not_csv":
      return `The file is ${problem.looksLike === "Excel workbook" ? "an" : "a"} ${problem.looksLike}, not a CSV; ${SAVE_AS_CSV}.`;
    case "no_header":
      return `None of the first ${problem.linesSearched} lines is the template's header; start the file with the column names, such as ${problem.expected.join(", ")}.`;
    case "no_rows":
      return `The file has no rows: it stops after its header (line ${problem.headerLine}); add a row per learner and upload it again.`;
    case "missing_columns":
      return `The file has no ${listWords(problem.columns)} column${problem.columns.length > 1 ? "s" : ""}; add ${problem.columns.length > 1 ? "them" : "it"} with the template's header names.`;
    case "duplicate_column":
      return `The column ${problem.column} appears twice in the header; keep only one.`;
    case "malformed":
      return `The file cannot be read as CSV${problem.line === null ? "" : ` near line ${problem.line}`}: ${problem.reason}; fix that and upload the file again.`;
  }
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return bytes >= 1024 ? `${Math.floor(bytes / 1024)} KB` : `${bytes} bytes`;
}
