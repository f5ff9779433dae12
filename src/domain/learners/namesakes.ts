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

export function indexByName<L extends KnownLearner>(learners: Iterable<L>): ReadonlyMap<string, readonly L[]> {
  const index = new Map<string, L[]>();
  for (const learner of learners) {
    const key = nameKey(learner.firstName, learner.lastName);
    if (key === "") continue;
    const same = index.get(key);
    if (same) same.push(learner);
    else index.set(key, [learner]);
  }
  return index;
}

/**
 * Learners with the new learner's name under another email, by email: seed 003 asks staff to
 * check that a new learner has no account already (with another county, another email).
 */
export function namesakesOf<L extends KnownLearner>(
  index: ReadonlyMap<string, readonly L[]>,
  learner: { firstName: string; lastName: string; email: string },
): L[] {
  const same = index.get(nameKey(learner.firstName, learner.lastName));
  if (!same) return [];
  const email = learner.email.trim().toLowerCase();
  return same
    .filter((l) => l.email.trim().toLowerCase() !== email)
    .sort((a, b) => a.email.toLowerCase().localeCompare(b.email.toLowerCase()));
}
