import { foldAccents } from "../fold-accents";
import type { KnownLearner, LearnerStatus } from "./learner";
import { countyFromEmployeeType, type County } from "./template";

/** Which learners a bulk archive selects; every criterion given must match. */
export interface ArchiveFilter {
  affiliation?: string;
  status?: LearnerStatus;
  /** "sdsu.edu" or "@sdsu.edu"; matches that exact domain, not its subdomains. */
  emailDomain?: string;
  county?: County;
  /** YYYY-MM-DD; learners hired strictly before this day. Learners without a hire date never match. */
  hiredBefore?: string;
  /**
   * Text the learner's organization name contains, ignoring case and accents ("dpss" finds
   * "Riverside County DPSS"). Learners without an organization name never match.
   */
  organization?: string;
  /** Words that each start a part of the learner's name, as `/learner` finds them ("ana gar" finds Ana García). */
  name?: string;
}

/** What the filter reads of a learner: the learner rules' fields and CACWT's organization name. */
export type FilteredLearner = KnownLearner & { organizationName?: string | null };

export function matchesFilter(learner: FilteredLearner, filter: ArchiveFilter): boolean {
  if (filter.status !== undefined && learner.status !== filter.status) return false;
  if (filter.affiliation !== undefined && !sameText(learner.affiliation, filter.affiliation)) return false;
  if (filter.emailDomain !== undefined && emailDomainOf(learner.email) !== normalizeDomain(filter.emailDomain))
    return false;
  if (filter.county !== undefined && countyFromEmployeeType(learner.employeeType) !== filter.county) return false;
  if (filter.hiredBefore !== undefined && (learner.dateHire === null || learner.dateHire >= filter.hiredBefore))
    return false;
  if (
    filter.organization !== undefined &&
    !foldAccents(learner.organizationName ?? "").includes(foldAccents(filter.organization.trim()))
  )
    return false;
  if (filter.name !== undefined && !nameMatches(learner, filter.name)) return false;
  return true;
}

/** Every word typed starts a part of the name, ignoring case and accents. */
export function nameMatches(learner: Pick<KnownLearner, "firstName" | "lastName">, query: string): boolean {
  const words = foldAccents(query).split(/\s+/).filter(Boolean);
  const parts = foldAccents(`${learner.firstName} ${learner.lastName}`).split(/[\s'-]+/);
  return words.every((w) => parts.some((p) => p.startsWith(w)));
}

/** The filter in words, for the preview and the confirmation: "Active learners with affiliation …". */
export function describeFilter(filter: ArchiveFilter): string {
  const parts: string[] = [];
  if (filter.affiliation !== undefined) parts.push(`with affiliation ${filter.affiliation.trim()}`);
  if (filter.emailDomain !== undefined) parts.push(`with an email address at @${normalizeDomain(filter.emailDomain)}`);
  if (filter.county !== undefined) parts.push(`in ${filter.county} County`);
  if (filter.hiredBefore !== undefined) parts.push(`hired before ${filter.hiredBefore}`);
  if (filter.organization !== undefined) parts.push(`whose organization name contains "${filter.organization.trim()}"`);
  if (filter.name !== undefined) parts.push(`named "${filter.name.trim()}"`);
  const who = filter.status === undefined ? "All learners" : `${filter.status} learners`;
  return parts.length === 0 ? who : `${who} ${parts.join(", ")}`;
}

export interface ArchiveThreshold {
  maxCount: number;
  /** A share of the active learners, 0..1. */
  maxShare: number;
}

export const DEFAULT_ARCHIVE_THRESHOLD: ArchiveThreshold = { maxCount: 100, maxShare: 0.2 };

/** True when archiving `count` learners needs a second administrator's confirmation. */
export function exceedsArchiveThreshold(
  count: number,
  activeTotal: number,
  { maxCount, maxShare }: ArchiveThreshold = DEFAULT_ARCHIVE_THRESHOLD,
): boolean {
  return count > maxCount || count > maxShare * activeTotal;
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, "");
}

function emailDomainOf(email: string): string {
  return email
    .slice(email.lastIndexOf("@") + 1)
    .trim()
    .toLowerCase();
}
