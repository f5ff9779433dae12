import type { CaregiverRecord } from "./types";

/** A pick list longer than this is no help; the user is asked to type more instead. */
export const MAX_PICKS = 10;

const fold = (text: string): string =>
  text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * The one caregiver a query names exactly among the vendor's matches (which match by "contains"):
 * the TeleTrack id, the email, or the full name ("Maria Gonzalez" or "Gonzalez, Maria") when only
 * one caregiver has it. Otherwise undefined, and the user picks.
 */
export function exactMatch<C extends CaregiverRecord>(query: string, matches: readonly C[]): C | undefined {
  const wanted = fold(query);
  if (wanted === "") return undefined;
  const byId = matches.find((c) => fold(c.id) === wanted);
  if (byId) return byId;
  const byEmail = matches.filter((c) => c.email !== null && fold(c.email) === wanted);
  if (byEmail.length === 1) return byEmail[0];
  const byName = matches.filter(
    (c) => fold(`${c.firstName} ${c.lastName}`) === wanted || fold(`${c.lastName}, ${c.firstName}`) === wanted,
  );
  return byName.length === 1 ? byName[0] : undefined;
}
