/**
 * Caresmartz360 usernames: made from a person's name by the agency's format (USERNAME_FORMAT),
 * lowercase ASCII, and unique in the vendor (which compares them regardless of case).
 */

import { foldAccents } from "../fold-accents";

export const USERNAME_MAX = 50;
const USERNAME_MIN = 3;
const USERNAME = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/;


/** "José Núñez-O'Brien" → "josenunezobrien": accents folded, anything but a–z and 0–9 dropped. */
export function namePart(text: string): string {
  return foldAccents(text).replace(/[^a-z0-9]/g, "");
}

export interface PersonName {
  firstName: string;
  lastName: string;
}

/**
 * The username the format makes from a name, or undefined when the name lacks a part the
 * format uses. Tokens: {first}, {last}, {f} (first initial), {l} (last initial); other
 * characters of the format are kept when they may appear in a username (a–z, 0–9, . _ -).
 */
export function formatUsername(format: string, name: PersonName): string | undefined {
  const first = namePart(name.firstName);
  const last = namePart(name.lastName);
  const parts: Record<string, string> = { first, last, f: first.slice(0, 1), l: last.slice(0, 1) };
  let missing = false;
  const filled = format.toLowerCase().replace(/\{(first|last|f|l)\}/g, (_token, key: string) => {
    const part = parts[key] ?? "";
    if (part === "") missing = true;
    return part;
  });
  if (missing) return undefined;
  const username = filled
    .replace(/[^a-z0-9._-]/g, "")
    .replace(/([._-])[._-]+/g, "$1")
    .replace(/^[._-]+|[._-]+$/g, "")
    .slice(0, USERNAME_MAX)
    .replace(/[._-]+$/, "");
  return username.length >= USERNAME_MIN ? username : undefined;
}

/** The username as the vendor compares it. */
export function normalizeUsername(text: string): string {
  return text.trim().toLowerCase();
}

/** What is wrong with a (normalized) username, as a sentence; undefined when it is fine. */
export function usernameProblem(username: string): string | undefined {
  if (username === "") return "Enter a username.";
  if (username.length < USERNAME_MIN || username.length > USERNAME_MAX) {
    return `A username has ${USERNAME_MIN} to ${USERNAME_MAX} characters.`;
  }
  if (!USERNAME.test(username)) {
    return "Use only letters a–z, digits, dots, dashes and underscores, starting and ending with a letter or digit.";
  }
  return undefined;
}

/**
 * The usernames to try in order when `base` may be taken: base, base2, base3, …; the base is
 * shortened when a suffix would make it too long.
 */
export function usernameCandidates(base: string, count: number): string[] {
  const candidates: string[] = [];
  for (let n = 1; n <= count; n += 1) {
    const suffix = n === 1 ? "" : String(n);
    candidates.push(`${base.slice(0, USERNAME_MAX - suffix.length).replace(/[._-]+$/, "")}${suffix}`);
  }
  return candidates;
}
