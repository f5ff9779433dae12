import { foldAccents } from "../fold-accents";
import type { KnownLearner } from "./learner";

/**
 * A learner's name as a person would read it the same: case, accents and spaces folded with the
 * project's one rule ("Ána  GARCÍA" = "ana garcia"). Empty when the learner has no name.
 */
export function nameKey(firstName: string, lastName: string): string {
  return foldAccents(`${firstName} ${lastName}`).trim().replace(/\s+/g, " ");
}

/** Learners CACWT has, by name key: whom a new learner of that name may already be. */
export type NameIndex = ReadonlyMap<string, readonly KnownLearner[]>;

/** Each name's learners by email, so that the first few of them are always the same ones. */
export function indexByName<L extends KnownLearner>(learners: Iterable<L>): ReadonlyMap<string, readonly L[]> {
  const index = new Map<string, L[]>();
  for (const learner of learners) {
    const key = nameKey(learner.firstName, learner.lastName);
    if (key === "") continue;
    const same = index.get(key);
    if (same) same.push(learner);
    else index.set(key, [learner]);
  }
  for (const same of index.values()) if (same.length > 1) same.sort((a, b) => byEmail(a).localeCompare(byEmail(b)));
  return index;
}

const byEmail = (l: KnownLearner) => l.email.trim().toLowerCase();

/**
 * Learners with the new learner's name under another email, by email, the first `limit` of them
 * and how many in all: seed 003 asks staff to check that a new learner has no account already
 * (with another county, another email). A common name may have many; a preview names a few.
 */
export function namesakesOf<L extends KnownLearner>(
  index: ReadonlyMap<string, readonly L[]>,
  learner: { firstName: string; lastName: string; email: string },
  limit = Number.POSITIVE_INFINITY,
): { shown: L[]; total: number } {
  const same = index.get(nameKey(learner.firstName, learner.lastName));
  if (!same) return { shown: [], total: 0 };
  const email = learner.email.trim().toLowerCase();
  const shown: L[] = [];
  let total = 0;
  for (const l of same) {
    if (byEmail(l) === email) continue;
    total += 1;
    if (shown.length < limit) shown.push(l);
  }
  return { shown, total };
}
