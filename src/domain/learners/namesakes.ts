import { foldAccents } from "../fold-accents";
import type { KnownLearner } from "./learner";

/**
 * A learner's name as a person would read it the same: case, accents and spaces folded with the
 * project's one rule ("Ána  GARCÍA" = "ana garcia"). Empty when the learner has no name.
 */
export function nameKey(firstName: string, lastName: string): string {
  return foldAccents(`${firstName} ${lastName}`).trim().replace(/\s+/g, " ");
}

/** Learners CACWT has, by name key, each name's by email (so the first few are always the same ones). */
export type NameIndex<L extends KnownLearner = KnownLearner> = ReadonlyMap<string, NameBucket<L>>;

interface NameBucket<L> {
  learners: L[];
  /** Their emails, lowercased: whether the new learner is one of them, at once. */
  emails: Set<string>;
}

export function indexByName<L extends KnownLearner>(learners: Iterable<L>): NameIndex<L> {
  const index = new Map<string, NameBucket<L>>();
  for (const learner of learners) {
    const key = nameKey(learner.firstName, learner.lastName);
    if (key === "") continue;
    const bucket = index.get(key) ?? { learners: [], emails: new Set<string>() };
    if (bucket.learners.length === 0) index.set(key, bucket);
    bucket.learners.push(learner);
    bucket.emails.add(byEmail(learner));
  }
  for (const { learners: same } of index.values())
    if (same.length > 1) same.sort((a, b) => byEmail(a).localeCompare(byEmail(b)));
  return index;
}

const byEmail = (l: KnownLearner) => l.email.trim().toLowerCase();

/**
 * Learners with the new learner's name under another email, by email, the first `limit` of them
 * and how many in all: seed 003 asks staff to check that a new learner has no account already
 * (with another county, another email). A common name may have many; a preview names a few, and
 * a large file's creates each cost only those few, however common their name.
 */
export function namesakesOf<L extends KnownLearner>(
  index: NameIndex<L>,
  learner: { firstName: string; lastName: string; email: string },
  limit = Number.POSITIVE_INFINITY,
): { shown: L[]; total: number } {
  const bucket = index.get(nameKey(learner.firstName, learner.lastName));
  if (!bucket) return { shown: [], total: 0 };
  const email = learner.email.trim().toLowerCase();
  const self = bucket.emails.has(email);
  const total = bucket.learners.length - (self ? 1 : 0);
  const shown: L[] = [];
  for (const l of bucket.learners) {
    if (shown.length >= limit) break;
    if (!self || byEmail(l) !== email) shown.push(l);
  }
  return { shown, total };
}
