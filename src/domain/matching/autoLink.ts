import { compareNames } from "./nameSimilarity";
import type { PreparedRecord } from "./prepare";
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
 * Learners: the key holds the full name, so it decides alone. Members: an email can be a
 * shared mailbox (a relative using the family's, colleagues an office one), so the names must
 * not say two people: a first or last name the reasons would call "different" leaves the pair
 * to an admin, as a suggestion.
 */
function namesAgree(l: PreparedRecord, r: PreparedRecord, kind: MatchKind): boolean {
  return kind === "learners" || compareNames(l, r, false).agree;
}

function countKeys(records: readonly PreparedRecord[], kind: MatchKind): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) {
    const key = exactKey(r, kind);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Pairs whose exact key is held by exactly one record on each side, counted over every
 * record given (linked and ignored ones too: a second holder makes the key ambiguous), and
 * whose names agree. Only pairs where both records are open and the pair is allowed are returned.
 */
export function findExactPairs(
  left: readonly PreparedRecord[],
  right: readonly PreparedRecord[],
  kind: MatchKind,
  isOpenLeft: (index: number) => boolean,
  isOpenRight: (index: number) => boolean,
  isAllowed: (leftIndex: number, rightIndex: number) => boolean,
): Array<[leftIndex: number, rightIndex: number]> {
  const leftCounts = countKeys(left, kind);
  const rightCounts = countKeys(right, kind);
  const rightByKey = new Map<string, number>();
  right.forEach((r, ri) => {
    const key = exactKey(r, kind);
    if (key !== null && rightCounts.get(key) === 1) rightByKey.set(key, ri);
  });

  const pairs: Array<[number, number]> = [];
  left.forEach((l, li) => {
    const key = exactKey(l, kind);
    if (key === null || leftCounts.get(key) !== 1 || !isOpenLeft(li)) return;
    const ri = rightByKey.get(key);
    const r = ri === undefined ? undefined : right[ri];
    if (ri !== undefined && r !== undefined && isOpenRight(ri) && isAllowed(li, ri) && namesAgree(l, r, kind)) {
      pairs.push([li, ri]);
    }
  });
  return pairs;
}
