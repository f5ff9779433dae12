import { foldAccents } from "../../domain/fold-accents";
import type { CacwtLearner, LearnerLms } from "../../providers/roles";

export interface LearnerSearch {
  learners: CacwtLearner[];
  /** More learners matched than are shown. */
  more: boolean;
}

const SHOWN = 10;

/**
 * An email is looked up directly. The LMS has no name search, so a name reads the learner list
 * and keeps those whose names hold every word typed, each as the start of a name part
 * ("ana gar" finds Ana García), ignoring case and accents.
 */
export async function findLearners(
  lms: Pick<LearnerLms, "findByEmail" | "list">,
  query: string,
): Promise<LearnerSearch> {
  const text = query.trim();
  if (text.includes("@")) {
    const learner = await lms.findByEmail(text.toLowerCase());
    return { learners: learner ? [learner] : [], more: false };
  }
  const words = fold(text).split(/\s+/).filter(Boolean);
  const found: CacwtLearner[] = [];
  for await (const learner of lms.list({})) {
    const parts = fold(`${learner.firstName} ${learner.lastName}`).split(/[\s'-]+/);
    if (words.every((w) => parts.some((p) => p.startsWith(w)))) found.push(learner);
  }
  found.sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
  return { learners: found.slice(0, SHOWN), more: found.length > SHOWN };
}

/** The project's one accent-folding rule, as the namesake check and the linking search use it. */
const fold = foldAccents;
