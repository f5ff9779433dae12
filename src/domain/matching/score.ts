import { sameFirstNames } from "./autoLink";
import { compareNames, isSlipOrMisspelledNickname } from "./nameSimilarity";
import { prepareRecord, type PreparedRecord } from "./prepare";
import type { MatchKind, MatchRecord, PairScore } from "./types";

/**
 * The identity fields each kind's two vendors both hold (providers.md): Motivity members and
 * Calmanac staff have email (and Calmanac a phone); learners and clients have a birth date.
 * Blocking keys use the same fields.
 */
export const COMPARED_FIELDS: Readonly<Record<MatchKind, { email: boolean; phone: boolean; birthDate: boolean }>> = {
  members: { email: true, phone: true, birthDate: false },
  learners: { email: false, phone: false, birthDate: true },
};

// Each agreeing field removes this share of the remaining doubt left by the names.
const SAME_EMAIL = 0.9;
const SAME_EMAIL_NAME = 0.5;
const SAME_PHONE = 0.6;
const SAME_BIRTH_DATE = 0.35;
// An organization gives each person one mailbox: another address at the same organization's
// domain is evidence of another person (a namesake colleague), though weaker than a birth date
// (the address on file may be stale). At 0.9 such a namesake outranked the person written with
// a slip and no email (0.8 to 0.9); at 0.8 the same name is still suggested.
const OTHER_MAILBOX_SAME_ORGANIZATION = 0.8;
// A different birth date is strong evidence of two people; a one-digit slip is not.
const DIFFERENT_BIRTH_DATE = 0.7;
const NEAR_BIRTH_DATE = 0.95;

/** One digit wrong, or day and month swapped. */
function isNearDate(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) diff++;
  return diff === 1 || `${a.slice(0, 5)}${a.slice(8, 10)}-${a.slice(5, 7)}` === b;
}

/**
 * Score of two prepared records (scorePair for records as they come). Without explain the
 * reasons stay empty: blocking scores tens of thousands of pairs and words only the few shown.
 */
export function scorePrepared(a: PreparedRecord, b: PreparedRecord, kind: MatchKind, explain = true): PairScore {
  const fields = COMPARED_FIELDS[kind];
  const name = compareNames(a, b, explain);
  const reasons: string[] = [];
  let doubt = 1 - name.score;
  let factor = 1;

  if (fields.email && a.email !== null && b.email !== null) {
    if (a.email === b.email) {
      // The person's own address under names that agree with it, the first names at most one
      // slip apart (or a nickname written with one, Rixk / Richard): as certain as the same
      // name, which scores 1. Left below 1, a namesake holding nothing but the name would rank
      // above the person. Names further apart (Brian / Brittany, Daniel / Danielle) may be
      // relatives in a family mailbox and keep some doubt.
      doubt = name.agree && sameFirstNames(a, b, isSlipOrMisspelledNickname) ? 0 : doubt * (1 - SAME_EMAIL);
      reasons.push("same email");
    } else if (a.emailLocal !== null && a.emailLocal === b.emailLocal) {
      doubt *= 1 - SAME_EMAIL_NAME;
      reasons.push("same email name at another domain");
    } else if (a.organization !== null && a.organization === b.organization) {
      factor *= OTHER_MAILBOX_SAME_ORGANIZATION;
      reasons.push("another email at the same organization");
    }
  }
  if (fields.phone && a.phone !== null && a.phone === b.phone) {
    doubt *= 1 - SAME_PHONE;
    reasons.push("same phone");
  }
  if (fields.birthDate && a.birthDate !== null && b.birthDate !== null) {
    if (a.birthDate === b.birthDate) {
      doubt *= 1 - SAME_BIRTH_DATE;
      reasons.push("same birth date");
    } else if (isNearDate(a.birthDate, b.birthDate)) {
      factor = NEAR_BIRTH_DATE;
      reasons.push("birth dates nearly equal (one digit or day and month swapped)");
    } else {
      factor = DIFFERENT_BIRTH_DATE;
      reasons.push("different birth date");
    }
  }
  const score = Math.round((1 - doubt) * factor * 1000) / 1000;
  return { score, reasons: explain ? [...reasons, name.reason] : [] };
}

/**
 * How many identity fields the two records agree on (same email, same email name at another
 * domain, phone, birth date). Two namesakes score the same once their names are equal, and
 * the score cannot rise above 1: this breaks their tie in favour of the one a field ties to the
 * record, the evidence a person would look at next.
 */
export function sharedFields(a: PreparedRecord, b: PreparedRecord, kind: MatchKind): number {
  const fields = COMPARED_FIELDS[kind];
  let shared = 0;
  if (fields.email && a.email !== null && a.email === b.email) shared++;
  else if (fields.email && a.emailLocal !== null && a.emailLocal === b.emailLocal) shared++;
  if (fields.phone && a.phone !== null && a.phone === b.phone) shared++;
  if (fields.birthDate && a.birthDate !== null && a.birthDate === b.birthDate) shared++;
  return shared;
}

/** How likely two records are the same person, with the reasons in words. */
export function scorePair(a: MatchRecord, b: MatchRecord, kind: MatchKind): PairScore {
  return scorePrepared(prepareRecord(a), prepareRecord(b), kind);
}
