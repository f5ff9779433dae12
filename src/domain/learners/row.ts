import type { CsvRecord } from "../csv/parse";
import { isEmail } from "../email";
import { parseDate } from "./formats";
import type { LearnerStatus, NewLearner } from "./learner";
import {
  COMMUNITY_PARTNER_AFFILIATION,
  REQUIRED_COLUMNS,
  countyFromEmployeeType,
  employeeTypeCountyName,
  employeeTypeFor,
  findCounty,
  type County,
  type TemplateColumn,
} from "./template";

/** A template row that passed every rule, normalized to what CACWT is sent. */
export interface LearnerRow {
  line: number;
  /** Always the email: for community partners the CACWT user ID is their email. */
  userId: string;
  /** Trimmed and lowercased. */
  email: string;
  firstName: string;
  lastName: string;
  status: LearnerStatus;
  affiliation: typeof COMMUNITY_PARTNER_AFFILIATION;
  /** Canonical spelling, e.g. "Riverside County Community Partner". */
  employeeType: string;
  county: County;
  /**
   * YYYY-MM-DD, or null when the file leaves DateHire blank: a new learner is then hired on the
   * day the account is created, and an existing learner keeps their date (so importing the same
   * file again on another day changes nothing).
   */
  dateHire: string | null;
}

/**
 * Columns the template says to leave blank for community partners, plus Password. A value in them
 * is dropped with a warning, not a rejection: CACWT has no use for them for community partners,
 * and refusing a whole row over a value that is thrown away anyway would only block the import.
 * The Password is never used: carebridge gives every learner a strong temporary password.
 */
export const IGNORED_COLUMNS = [
  "Password",
  "OrganizationName",
  "RTADepartment",
  "RTAJobTitle",
  "RTAJobCode",
  "AreaOfAssignment",
  "DateTransfer",
  "UserLevel",
  "AssocLMSID",
] as const satisfies readonly TemplateColumn[];

export type IgnoredColumn = (typeof IGNORED_COLUMNS)[number];

export type RowValidation =
  | { ok: true; row: LearnerRow; ignoredColumns: readonly IgnoredColumn[] }
  /**
   * `email` is the row's email as written (trimmed, lowercased), valid or not, for reports and
   * duplicates; the names as written (trimmed), so the preview and the import log can say who it was.
   */
  | { ok: false; line: number; email: string; firstName: string; lastName: string; problems: string[] };

/** A parsed template row (CsvRecord), or one built by hand, e.g. from the `/learner add` form. */
export type RowInput = Pick<CsvRecord<TemplateColumn>, "line" | "raw" | "short"> & { extraValues?: number };

const NONE: readonly IgnoredColumn[] = [];
const EXAMPLE_EMPLOYEE_TYPE = employeeTypeFor("Riverside");

export function validateRow({ line, raw, extraValues = 0, short }: RowInput): RowValidation {
  const problems: string[] = [];
  // A row cut short before a required column is a line broken in two, not a learner without an email.
  if (short !== undefined && REQUIRED_COLUMNS.some((c) => raw[c] === undefined)) {
    const missing = `The row is missing columns (has ${short.has} of ${short.of}); a line break inside a value may have split it, or cells were deleted`;
    const firstName = (raw.FirstName ?? "").trim();
    const lastName = (raw.LastName ?? "").trim();
    return { ok: false, line, email: (raw.Email ?? "").trim().toLowerCase(), firstName, lastName, problems: [missing] };
  }
  if (extraValues > 0) {
    problems.push(
      `The row has ${extraValues} more value${extraValues > 1 ? "s" : ""} than the header has columns; put quotes around values that contain commas`,
    );
  }

  const firstName = name(raw.FirstName, "FirstName", problems);
  const lastName = name(raw.LastName, "LastName", problems);

  const email = (raw.Email ?? "").trim().toLowerCase();
  if (email === "") problems.push("Email is required");
  else if (!isEmail(email)) problems.push(`Email "${email}" is not a valid email address`);

  const userId = (raw.UserID ?? "").trim().toLowerCase();
  if (userId !== "" && email !== "" && userId !== email) {
    problems.push(`UserID "${userId}" must be the same as Email for community partners (or be left blank)`);
  }

  const statusText = (raw.Status ?? "").trim();
  const status = parseStatus(statusText);
  if (status === null) problems.push(`Status "${statusText}" must be Active or Archived`);

  const affiliation = (raw.Affiliation ?? "").trim();
  if (affiliation === "") problems.push(`Affiliation is required and must be ${COMMUNITY_PARTNER_AFFILIATION}`);
  else if (affiliation.toLowerCase() !== COMMUNITY_PARTNER_AFFILIATION.toLowerCase()) {
    problems.push(`Affiliation "${affiliation}" must be ${COMMUNITY_PARTNER_AFFILIATION}`);
  }

  const employeeType = (raw.EmployeeType ?? "").trim();
  const county = countyFromEmployeeType(employeeType);
  if (county === null) problems.push(employeeTypeProblem(employeeType));

  const dateText = (raw.DateHire ?? "").trim();
  const dateHire = dateText === "" ? null : parseDate(dateText);
  if (dateText !== "" && dateHire === null) {
    problems.push(`DateHire "${dateText}" is not a valid date; use YYYY-MM-DD or M/D/YYYY`);
  }

  if (problems.length > 0 || status === null || county === null) return { ok: false, line, email, firstName, lastName, problems };
  return {
    ok: true,
    row: {
      line,
      userId: email,
      email,
      firstName,
      lastName,
      status,
      affiliation: COMMUNITY_PARTNER_AFFILIATION,
      employeeType: employeeTypeFor(county),
      county,
      dateHire,
    },
    ignoredColumns: ignoredIn(raw),
  };
}

function name(value: string | undefined, column: "FirstName" | "LastName", problems: string[]): string {
  const text = (value ?? "").trim().normalize("NFC");
  if (text === "") problems.push(`${column} is required`);
  // U+FFFD is what a non-UTF-8 byte (an accent saved as Windows-1252) decodes to.
  else if (text.includes("\uFFFD")) {
    problems.push(`${column} has characters that were not saved as UTF-8; save the spreadsheet as "CSV UTF-8"`);
  } else if (CONTROL.test(text)) {
    // Rejected, not joined: "Sam<line break>Jr" may be a suffix or a second name pasted in, and
    // only the person who made the file knows which; CACWT would show the break as it is.
    problems.push(`${column} has a line break or another control character inside it; keep the name on one line`);
  }
  return text;
}

// C0 and C1 control characters, line and paragraph separators; a tab inside a name is one too.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function parseStatus(text: string): LearnerStatus | null {
  if (text === "") return "Active";
  const lower = text.toLowerCase();
  if (lower === "active") return "Active";
  if (lower === "archived") return "Archived";
  return null;
}

function employeeTypeProblem(value: string): string {
  const rule = `must be "<County> County Community Partner"`;
  if (value === "") return `EmployeeType is required and ${rule}, e.g. "${EXAMPLE_EMPLOYEE_TYPE}"`;
  if (employeeTypeCountyName(value) !== null) return `EmployeeType "${value}" names no California county; it ${rule}, e.g. "${EXAMPLE_EMPLOYEE_TYPE}"`;
  // "Riverside Community Partner" or "Riverside County": suggest the spelling they meant.
  const guess = findCounty(value.replace(/\b(county|community|partners?)\b/gi, ""));
  return `EmployeeType "${value}" ${rule}, e.g. "${guess === null ? EXAMPLE_EMPLOYEE_TYPE : employeeTypeFor(guess)}"`;
}

function ignoredIn(raw: RowInput["raw"]): readonly IgnoredColumn[] {
  let found: IgnoredColumn[] | undefined;
  for (const column of IGNORED_COLUMNS) {
    const value = raw[column];
    if (value !== undefined && value.trim() !== "") (found ??= []).push(column);
  }
  return found ?? NONE;
}

/**
 * What CACWT is sent for a new learner. The template has no training-manager or supervisor
 * columns, so an imported learner is neither unless `flags` (from `/learner add`) says so.
 */
export function newLearnerFrom(
  row: LearnerRow,
  today: string,
  flags: { trainingManager: boolean; supervisor: boolean } = { trainingManager: false, supervisor: false },
): NewLearner {
  return {
    userId: row.userId,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    status: row.status,
    affiliation: row.affiliation,
    organizationName: null,
    employeeType: row.employeeType,
    dateHire: row.dateHire ?? today,
    ...flags,
  };
}
