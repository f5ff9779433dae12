import { compareNames, isSlipOrMisspelledNickname, slipSpan } from "./nameSimilarity";
import type { PreparedName, PreparedRecord } from "./prepare";
import { SLICE, startsSlice } from "./slicing";
import type { MatchKind } from "./types";

/**
 * The key that makes a link certain: members, the same email (with names that agree, see
 * namesAgree); learners, the same full name (accents, case and punctuation aside, but no
 * nicknames and no swapping: "same full name" means as written) and the same birth date.
 */
export function exactKey(p: PreparedRecord, kind: MatchKind): string | null {
  if (kind === "members") return p.email;
  if (p.birthDate === null || p.first.joined === "" || p.last.joined === "") return null;
  return `${p.first.joined}|${p.last.joined}|${p.birthDate}`;
}

export const EXACT_REASONS: Readonly<Record<MatchKind, readonly string[]>> = {
  members: ["same email"],
  learners: ["same full name", "same birth date"],
};

/**
 * One slip of the pen between two first names: a letter changed, added, dropped or two
 * swapped, not in the last letter, with one of the names five letters or more. Sibling names
 * differ by their ending (Daniel / Daniela, Mario / Maria, Thanh / Thang, Mark / Mary) or by
 * more than one letter (Daniel / Danielle), and short names have too many one-letter
 * neighbours (Jon / Jan, Tuan / Toan), so those are not taken for a typo.
 */
export function isOneTypoApart(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 4 || Math.max(a.length, b.length) < 5) return false;
  const span = slipSpan(a, b);
  return span !== null && (span.endA < a.length || span.endB < b.length);
}

/** The same first name as far as a person can tell: equal, one of its words, a nickname of it, or one typo away. */
function sameFirstName(a: PreparedName, b: PreparedName, isTypo: (a: string, b: string) => boolean): boolean {
  if (a.joined === "" || b.joined === "") return false;
  if (a.joined === b.joined || a.tokens[0] === b.tokens[0]) return true;
  if (a.tokens.some((t) => b.tokens.includes(t)) || a.formal.some((f) => b.formal.includes(f))) return true;
  return isTypo(a.joined, b.joined);
}

/** The same names split otherwise, or the left first name as the right one's, written or swapped into the last name field. */
export function sameFirstNames(
  l: PreparedRecord,
  r: PreparedRecord,
  isTypo: (a: string, b: string) => boolean = isOneTypoApart,
): boolean {
  return l.wordsKey === r.wordsKey || sameFirstName(l.first, r.first, isTypo) || sameFirstName(l.first, r.last, isTypo);
}

/**
 * Learners: the key holds the full name, so it decides alone. Members: an email can be a
 * shared mailbox (a relative using the family's, colleagues an office one), so the names must
 * say one person: no first or last name the reasons would call "different", and the first
 * names the same name (written or swapped into the last name field). Relatives sharing a
 * mailbox often have similar first names (Daniel / Danielle, Brian / Brittany), which the
 * similarity alone takes for a typo; such pairs are left to an admin, as a suggestion.
 */
function namesAgree(l: PreparedRecord, r: PreparedRecord, kind: MatchKind): boolean {
  if (kind === "learners") return true;
  return compareNames(l, r, false).agree && sameFirstNames(l, r);
}

/** How many records hold each exact key; it pauses as resolvingIdentities does. */
export function* countKeys(records: readonly PreparedRecord[], kind: MatchKind): Generator<void, Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    if (startsSlice(i, SLICE.records)) yield;
    const key = exactKey(records[i] as PreparedRecord, kind);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Pairs whose exact key is held by exactly one record on each side, by counts (countKeys) over
 * every record given, linked and ignored ones too (a second holder makes the key ambiguous), and
 * whose names agree. Only pairs where both records are open and the pair is allowed are
 * returned. It pauses as resolvingIdentities does.
 */
export function* findExactPairs(
  left: readonly PreparedRecord[],
  right: readonly PreparedRecord[],
  kind: MatchKind,
  counts: { left: ReadonlyMap<string, number>; right: ReadonlyMap<string, number> },
  isOpenLeft: (index: number) => boolean,
  isOpenRight: (index: number) => boolean,
  isAllowed: (leftIndex: number, rightIndex: number) => boolean,
): Generator<void, Array<[leftIndex: number, rightIndex: number]>> {
  const rightByKey = new Map<string, number>();
  for (let ri = 0; ri < right.length; ri++) {
    if (startsSlice(ri, SLICE.records)) yield;
    const key = exactKey(right[ri] as PreparedRecord, kind);
    if (key !== null && counts.right.get(key) === 1) rightByKey.set(key, ri);
  }

  const pairs: Array<[number, number]> = [];
  for (let li = 0; li < left.length; li++) {
    if (startsSlice(li, SLICE.records)) yield;
    const l = left[li] as PreparedRecord;
    const key = exactKey(l, kind);
    if (key === null || counts.left.get(key) !== 1 || !isOpenLeft(li)) continue;
    const ri = rightByKey.get(key);
    const r = ri === undefined ? undefined : right[ri];
    if (ri !== undefined && r !== undefined && isOpenRight(ri) && isAllowed(li, ri) && namesAgree(l, r, kind)) {
      pairs.push([li, ri]);
    }
  }
  return pairs;
}

/** A score that shows as 100%: such a suggestion says why it was not linked automatically. */
export const LOOKS_CERTAIN = 0.995;

/**
 * Why a pair that looks certain is not an exact match, in words: the exact rule's field is
 * missing or differs, or another record holds the same key, or (members) the names say two people.
 */
export function whyNotExact(
  l: PreparedRecord,
  r: PreparedRecord,
  kind: MatchKind,
  leftCounts: ReadonlyMap<string, number>,
  rightCounts: ReadonlyMap<string, number>,
): string {
  const [field, lValue, rValue] =
    kind === "members" ? ["email", l.email, r.email] : ["birth date", l.birthDate, r.birthDate];
  if (lValue === null) return `same name, but no ${field} in Motivity`;
  if (rValue === null) return `same name, but no ${field} in Calmanac`;
  if (lValue !== rValue) return `same name, different ${field === "email" ? "emails" : field}`;
  const key = exactKey(l, kind);
  if (key === null || key !== exactKey(r, kind)) return "names written differently";
  const what = kind === "members" ? "email" : "name and birth date";
  if ((leftCounts.get(key) ?? 0) > 1) return `another Motivity profile has the same ${what}`;
  if ((rightCounts.get(key) ?? 0) > 1) return `another Calmanac profile has the same ${what}`;
  // The score is certain with first names one slip apart or a misspelled nickname
  // (scorePrepared), the exact rule only for a typo.
  return compareNames(l, r, false).agree && sameFirstNames(l, r, isSlipOrMisspelledNickname)
    ? "same email, but first names too unlike to be sure (a relative may share the mailbox)"
    : "same email, but names of two people";
}
