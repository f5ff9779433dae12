import type { LearnerRow } from "../../domain/learners/row";
import { validateRow } from "../../domain/learners/row";
import { employeeTypeFor, findCounty } from "../../domain/learners/template";
import type { Problem } from "../result";

// The choices a learner form offers (the add form, the bulk archive's filter), for the transports.
export { CALIFORNIA_COUNTIES, COMMUNITY_PARTNER_AFFILIATION } from "../../domain/learners/template";

/** What `/learner add` asks for. */
export interface NewLearnerForm {
  firstName: string;
  lastName: string;
  email: string;
  affiliation: string;
  /** A California county's name, e.g. "Riverside". */
  county: string;
  /** YYYY-MM-DD; null → today. */
  dateHire: string | null;
  trainingManager: boolean;
  supervisor: boolean;
}

export type NewLearnerField = keyof NewLearnerForm;

/** The template column a row problem starts with, and the form field that shows it. */
const FIELD_OF_COLUMN: ReadonlyArray<[column: string, field: NewLearnerField]> = [
  ["FirstName", "firstName"],
  ["LastName", "lastName"],
  ["Email", "email"],
  ["Affiliation", "affiliation"],
  ["EmployeeType", "county"],
  ["DateHire", "dateHire"],
];

/**
 * Checks the form with the same rules as a template row, so a learner added by hand and one
 * imported from a file are held to one standard. Each problem names the field to fix.
 */
export function validateNewLearner(
  form: NewLearnerForm,
  today: string,
): { ok: true; row: LearnerRow } | { ok: false; problems: Problem[] } {
  const county = findCounty(form.county);
  const result = validateRow({
    line: 0,
    raw: {
      FirstName: form.firstName,
      LastName: form.lastName,
      Email: form.email,
      Status: "Active",
      Affiliation: form.affiliation,
      EmployeeType: county === null ? "" : employeeTypeFor(county),
      DateHire: form.dateHire ?? today,
    },
  });
  if (county === null) {
    const others = result.ok ? [] : result.problems.filter((p) => !p.startsWith("EmployeeType"));
    return {
      ok: false,
      problems: [{ field: "county", message: "Choose the county the learner works in." }, ...others.map(toProblem)],
    };
  }
  return result.ok ? { ok: true, row: result.row } : { ok: false, problems: result.problems.map(toProblem) };
}

function toProblem(message: string): Problem {
  const field = FIELD_OF_COLUMN.find(([column]) => message.startsWith(column))?.[1];
  return field === undefined ? { message } : { field, message };
}
