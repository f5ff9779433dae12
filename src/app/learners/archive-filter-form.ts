import type { ArchiveFilter } from "../../domain/learners/archive-filter";
import { parseDate } from "../../domain/learners/formats";
import { findCounty } from "../../domain/learners/template";
import type { Problem } from "../result";

/** What the bulk archive form sends; blank means "any". */
export interface ArchiveFilterForm {
  affiliation: string;
  status: string | null;
  emailDomain: string;
  county: string | null;
  hiredBefore: string | null;
  organization: string;
  name: string;
}

const DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** The form as a filter, or the problems by field; only active learners can be archived. */
export function parseArchiveFilter(
  form: ArchiveFilterForm,
): { ok: true; filter: ArchiveFilter } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const filter: ArchiveFilter = { status: "Active" };
  if (form.status === "Archived")
    problems.push({ field: "status", message: "Archived learners are archived already; choose Active." });
  const affiliation = form.affiliation.trim();
  if (affiliation !== "") filter.affiliation = affiliation;
  const domain = form.emailDomain.trim().toLowerCase().replace(/^@/, "");
  if (domain !== "" && !DOMAIN.test(domain))
    problems.push({ field: "emailDomain", message: "Enter an email domain such as sdsu.edu." });
  else if (domain !== "") filter.emailDomain = domain;
  if (form.county !== null && form.county !== "") {
    const county = findCounty(form.county);
    if (county === null) problems.push({ field: "county", message: "Choose a California county from the list." });
    else filter.county = county;
  }
  if (form.hiredBefore !== null && form.hiredBefore !== "") {
    const date = parseDate(form.hiredBefore);
    if (date === null) problems.push({ field: "hiredBefore", message: "Pick a date." });
    else filter.hiredBefore = date;
  }
  const organization = oneLine(form.organization);
  if (organization !== "") filter.organization = organization;
  const name = oneLine(form.name);
  if (name !== "") filter.name = name;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, filter };
}

/** Trimmed, with runs of white space (a pasted line break among them) as one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
