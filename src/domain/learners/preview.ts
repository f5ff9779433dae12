import type { KnownLearner, LearnerStatus } from "./learner";
import { IGNORED_COLUMNS, validateRow, type IgnoredColumn, type LearnerRow, type RowInput } from "./row";

export const OUTCOMES = ["create", "update", "reactivate", "archive", "unchanged", "rejected"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type ChangedField = "FirstName" | "LastName" | "Affiliation" | "EmployeeType" | "DateHire";

/** Learners the LMS already has, by lowercased email (a community partner's user ID is their email). */
export type LearnerIndex = ReadonlyMap<string, KnownLearner>;

export function indexLearners(learners: Iterable<KnownLearner>): LearnerIndex {
  const index = new Map<string, KnownLearner>();
  for (const learner of learners) index.set(learner.email.trim().toLowerCase(), learner);
  return index;
}

export interface RejectedRow {
  outcome: "rejected";
  line: number;
  email: string;
  firstName: string;
  lastName: string;
  problems: readonly string[];
}

interface Accepted<O extends Outcome> {
  outcome: O;
  line: number;
  email: string;
  row: LearnerRow;
  /** Fields that differ from CACWT, for update and reactivate. */
  changes: readonly ChangedField[];
  ignoredColumns: readonly IgnoredColumn[];
}

/** A row that passed, by outcome, so that checking `outcome` narrows it. */
export type AcceptedRow = { [O in Exclude<Outcome, "rejected">]: Accepted<O> }[Exclude<Outcome, "rejected">];

/** What importing one row would do. The import itself acts on an accepted row's `row`. */
export type Classified = RejectedRow | AcceptedRow;

const NO_CHANGES: readonly ChangedField[] = [];
const NO_IGNORED: readonly IgnoredColumn[] = [];

/**
 * What a file asks for: "import" creates, updates, archives and reactivates as each row says;
 * "archive" (a file in the vendor's archival layout) archives every learner it lists and
 * creates or changes nothing else.
 */
export type FileIntent = "import" | "archive";

/** The template's own LMS: a file is compared with another's learners only when the caller names it. */
const TEMPLATE_LMS = "CACWT";

/** An archival file's row for a learner the LMS (as people name it) does not have. */
export const notInLms = (lms: string) =>
  `${lms} has no learner with this email; an archival file only archives learners ${lms} has`;

/**
 * Classifies the rows of one file in order. It remembers each email's first line, so use one
 * classifier per file: the second row with an email is rejected as a duplicate of the first.
 */
export function createRowClassifier(
  index: LearnerIndex,
  intent: FileIntent = "import",
  lms: string = TEMPLATE_LMS,
): (record: RowInput) => Classified {
  const firstLineByEmail = new Map<string, number>();
  return (record) => {
    const result = validateRow(record);
    const email = result.ok ? result.row.email : result.email;
    const firstLine = email === "" ? undefined : firstLineByEmail.get(email);
    if (email !== "" && firstLine === undefined) firstLineByEmail.set(email, record.line);
    if (firstLine !== undefined) {
      const duplicate = `This email is a duplicate of line ${firstLine}`;
      const problems = result.ok ? [duplicate] : [...result.problems, duplicate];
      const { firstName, lastName } = result.ok ? result.row : result;
      return { outcome: "rejected", line: record.line, email, firstName, lastName, problems };
    }
    if (!result.ok) {
      const { firstName, lastName, problems } = result;
      return { outcome: "rejected", line: record.line, email, firstName, lastName, problems };
    }
    const existing = index.get(email);
    if (intent === "import") return planRow(result.row, existing, result.ignoredColumns);
    const { firstName, lastName } = result.row;
    if (existing === undefined) return { outcome: "rejected", line: record.line, email, firstName, lastName, problems: [notInLms(lms)] };
    return planRow({ ...result.row, status: "Archived" }, existing, result.ignoredColumns);
  };
}

/**
 * What importing a valid row does to the learner CACWT has under its email (or to nobody). A row
 * with Status Archived for a learner CACWT does not have creates them archived, as CACWT's own
 * import does. The import job calls this again, just before acting, with what CACWT has then.
 */
export function planRow(
  row: LearnerRow,
  existing: KnownLearner | undefined,
  ignoredColumns: readonly IgnoredColumn[] = NO_IGNORED,
): AcceptedRow {
  const changes = existing === undefined || row.status === "Archived" ? NO_CHANGES : changedFields(row, existing);
  // Built as one literal, not by spreading a shared base: this runs for every row of large files.
  return { outcome: outcomeOf(row.status, existing?.status, changes), line: row.line, email: row.email, row, changes, ignoredColumns };
}

function outcomeOf(wanted: LearnerStatus, current: LearnerStatus | undefined, changes: readonly ChangedField[]): AcceptedRow["outcome"] {
  if (current === undefined) return "create";
  if (wanted === "Archived") return current === "Active" ? "archive" : "unchanged";
  if (current === "Archived") return "reactivate";
  return changes.length > 0 ? "update" : "unchanged";
}

function changedFields(row: LearnerRow, existing: KnownLearner): readonly ChangedField[] {
  const changes: ChangedField[] = [];
  if (row.firstName !== existing.firstName.trim()) changes.push("FirstName");
  if (row.lastName !== existing.lastName.trim()) changes.push("LastName");
  if (row.affiliation.toLowerCase() !== existing.affiliation.trim().toLowerCase()) changes.push("Affiliation");
  if (row.employeeType.toLowerCase() !== existing.employeeType.trim().toLowerCase()) changes.push("EmployeeType");
  // A blank DateHire means "keep theirs", never "today" (see LearnerRow.dateHire).
  if (row.dateHire !== null && row.dateHire !== existing.dateHire) changes.push("DateHire");
  return changes.length > 0 ? changes : NO_CHANGES;
}

/** The fields of a CACWT learner PATCH (providers.md). */
export type LearnerPatch = Partial<Pick<KnownLearner, "status" | "firstName" | "lastName" | "affiliation" | "employeeType">> & {
  /** YYYY-MM-DD: a patch never clears a hire date. */
  dateHire?: string;
};

/** What to PATCH for an update, a reactivation or an archival: the new status and the changed fields only. */
export function learnerPatch(c: Extract<AcceptedRow, { outcome: "update" | "reactivate" | "archive" }>): LearnerPatch {
  const { row, changes } = c;
  const patch: LearnerPatch = c.outcome === "update" ? {} : { status: row.status };
  if (changes.includes("FirstName")) patch.firstName = row.firstName;
  if (changes.includes("LastName")) patch.lastName = row.lastName;
  if (changes.includes("Affiliation")) patch.affiliation = row.affiliation;
  if (changes.includes("EmployeeType")) patch.employeeType = row.employeeType;
  if (changes.includes("DateHire") && row.dateHire !== null) patch.dateHire = row.dateHire;
  return patch;
}

/** One line of the preview: `details` are the changed fields or the problems, empty otherwise. */
export interface RowOutcome {
  line: number;
  email: string;
  /** As the file has them (a rejected row's as written). */
  firstName: string;
  lastName: string;
  outcome: Outcome;
  details: readonly string[];
}

export interface Preview {
  intent: FileIntent;
  counts: Record<Outcome, number>;
  /** How many of the `create` rows say Status Archived, so the learner is created archived. */
  createdArchived: number;
  /** How many of the `update` rows change the learner's first or last name: a rename, which a person should see apart. */
  renamed: number;
  /** Every non-empty row, in file order. */
  rows: RowOutcome[];
  /** Ignored columns that had values, with how many rows filled them, in template order. */
  ignoredValues: { column: IgnoredColumn; rows: number }[];
}

/**
 * Classifies every row of a file. `visit` sees each classified row as it goes, for a caller that
 * needs more than the summary (the import keeps the accepted rows to act on).
 */
export async function classifyRows(
  records: AsyncIterable<RowInput> | Iterable<RowInput>,
  index: LearnerIndex,
  visit?: (classified: Classified) => void,
  intent: FileIntent = "import",
  lms: string = TEMPLATE_LMS,
): Promise<Preview> {
  const classify = createRowClassifier(index, intent, lms);
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const rows: RowOutcome[] = [];
  const ignored = new Map<IgnoredColumn, number>();
  let createdArchived = 0;
  let renamed = 0;
  for await (const record of records) {
    const c = classify(record);
    visit?.(c);
    counts[c.outcome] += 1;
    if (c.outcome === "rejected") {
      rows.push({ line: c.line, email: c.email, firstName: c.firstName, lastName: c.lastName, outcome: c.outcome, details: c.problems });
      continue;
    }
    if (c.outcome === "create" && c.row.status === "Archived") createdArchived += 1;
    if (c.outcome === "update" && isRename(c.changes)) renamed += 1;
    rows.push({ line: c.line, email: c.email, firstName: c.row.firstName, lastName: c.row.lastName, outcome: c.outcome, details: c.changes });
    for (const column of c.ignoredColumns) ignored.set(column, (ignored.get(column) ?? 0) + 1);
  }
  const ignoredValues = IGNORED_COLUMNS.flatMap((column) => {
    const n = ignored.get(column);
    return n === undefined ? [] : [{ column, rows: n }];
  });
  return { intent, counts, createdArchived, renamed, rows, ignoredValues };
}

/** Whether an update's changes include the learner's name ("Pat Kim → Ana Garcia"). */
export function isRename(changes: readonly ChangedField[]): boolean {
  return changes.includes("FirstName") || changes.includes("LastName");
}
