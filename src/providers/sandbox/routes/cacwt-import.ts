import { parse } from "csv-parse/sync";
// One column list for carebridge and its CACWT stand-in, checked against providers.md in test/domain/learners/template.test.ts.
import { TEMPLATE_COLUMNS, type TemplateColumn } from "../../../domain/learners/template";
import type { CacwtLearner, ImportStatus } from "../../records";
import type { SandboxState } from "../state";
import { isDate, isEmail } from "../validate";

type Row = Record<TemplateColumn, string>;

/**
 * Applies an import file the way CACWT does: each row updates the learner with its UserID (or,
 * failing that, its Email) or creates one, and a row that cannot be applied is reported with
 * its line number (the header is line 1) while the others go through.
 */
export function runImport(state: SandboxState, csvText: string, now: Date): ImportStatus {
  const result: ImportStatus = { status: "done", created: 0, updated: 0, failed: [] };
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // With `info`, csv-parse returns { record, info } objects; its types do not say so.
    records = parse(csvText, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    result.failed.push({ line: 1, message: `The file is not valid CSV: ${(error as Error).message}` });
    return result;
  }
  const [header, ...rows] = records;
  const names = header?.record.map((h) => h.toLowerCase()) ?? [];
  if (names.length < TEMPLATE_COLUMNS.length || TEMPLATE_COLUMNS.some((c, i) => names[i] !== c.toLowerCase())) {
    result.failed.push({ line: 1, message: `The header must be the template's columns: ${TEMPLATE_COLUMNS.join(", ")}.` });
    return result;
  }
  for (const { record, info } of rows) {
    const row = Object.fromEntries(TEMPLATE_COLUMNS.map((c, i) => [c, record[i] ?? ""])) as Row;
    const problem = applyRow(state, row, now);
    if (problem === "created") result.created += 1;
    else if (problem === "updated") result.updated += 1;
    else result.failed.push({ line: info.lines, message: problem });
  }
  return result;
}

function applyRow(state: SandboxState, row: Row, now: Date): "created" | "updated" | string {
  const { learners, passwords } = state.cacwt;
  const email = row.Email.toLowerCase();
  if (!isEmail(email)) return "Email is not a valid email address.";
  const status = { active: "Active", archived: "Archived", "": undefined }[row.Status.toLowerCase()];
  if (status === undefined && row.Status !== "") return "Status must be Active or Archived.";
  if (row.DateHire !== "" && !isDate(row.DateHire)) return "DateHire must be a date as YYYY-MM-DD.";
  const userId = row.UserID === "" ? email : row.UserID;
  const existing = learners.get(userId) ?? [...learners.values()].find((l) => l.email.toLowerCase() === email);
  const emailOwner = [...learners.values()].find((l) => l.email.toLowerCase() === email);
  if (emailOwner && existing && emailOwner.userId !== existing.userId) return "Email is used by another learner.";

  if (existing) {
    const next: CacwtLearner = { ...existing, email: row.Email };
    if (row.FirstName) next.firstName = row.FirstName;
    if (row.LastName) next.lastName = row.LastName;
    if (status) next.status = status as CacwtLearner["status"];
    if (row.Affiliation) next.affiliation = row.Affiliation;
    if (row.OrganizationName) next.organizationName = row.OrganizationName;
    if (row.EmployeeType) next.employeeType = row.EmployeeType;
    if (row.DateHire) next.dateHire = row.DateHire;
    learners.set(next.userId, next);
    return "updated";
  }

  const missing = (["FirstName", "LastName", "Affiliation", "EmployeeType"] as const).filter((c) => row[c] === "");
  if (missing.length > 0) return `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} required for a new learner.`;
  const learner: CacwtLearner = {
    userId,
    firstName: row.FirstName,
    lastName: row.LastName,
    email: row.Email,
    status: (status as CacwtLearner["status"] | undefined) ?? "Active",
    affiliation: row.Affiliation,
    organizationName: row.OrganizationName || null,
    employeeType: row.EmployeeType,
    dateHire: row.DateHire || now.toISOString().slice(0, 10),
    trainingManager: false,
    supervisor: false,
  };
  learners.set(userId, learner);
  // A blank Password column (as in the county template exports) gets CACWT's own temporary password.
  passwords.set(userId, row.Password || "Changeme1!");
  state.outbox.push({ vendor: "cacwt", to: learner.email, kind: "temporary_password" });
  return "created";
}
