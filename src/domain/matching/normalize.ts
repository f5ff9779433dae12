import { isEmail } from "../email";
import { foldAccents } from "../fold-accents";

const GENERATIONAL_SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);
const TITLES = new Set(["mr", "mrs", "ms", "miss", "dr"]);

/**
 * The words of a name, comparable across systems. Apostrophes and periods join
 * ("O'Brien" → "obrien", "J.R." → "jr") because vendors store them both ways; hyphens and any
 * other punctuation separate ("Smith-Jones" → "smith jones"). Titles and generational suffixes
 * (Dr., Jr., III) are dropped unless they are the only word.
 */
export function nameTokens(name: string): string[] {
  const tokens = foldAccents(name)
    .replace(/['’‘`ʼ.]/g, "")
    .split(/[^a-z]+/)
    .filter((t) => t !== "");
  while (tokens.length > 1 && GENERATIONAL_SUFFIXES.has(tokens[tokens.length - 1] ?? "")) tokens.pop();
  while (tokens.length > 1 && TITLES.has(tokens[0] ?? "")) tokens.shift();
  return tokens;
}

/** "  Mary-Jane  O'Neil Jr. " → "mary jane oneil". */
export function normalizeName(name: string): string {
  return nameTokens(name).join(" ");
}

/** Trimmed and lowercased; null when it is not an email by the one rule. */
export function normalizeEmail(email: string | null | undefined): string | null {
  const e = (email ?? "").trim().toLowerCase();
  return isEmail(e) ? e : null;
}

/** "John.Smith+work@x.org" → "johnsmith": the part people reuse across addresses. */
export function emailLocalPart(normalizedEmail: string): string {
  const local = normalizedEmail.slice(0, normalizedEmail.indexOf("@"));
  const plus = local.indexOf("+");
  return (plus >= 0 ? local.slice(0, plus) : local).replace(/[^a-z0-9]/g, "");
}

/** National digits of a phone number (a leading US 1 dropped); null below 7 digits. */
export function phoneDigits(phone: string | null | undefined): string | null {
  const digits = (phone ?? "").replace(/\D/g, "");
  const national = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
  return national.length >= 7 ? national : null;
}

/** YYYY-MM-DD or null. */
export function normalizeBirthDate(date: string | null | undefined): string | null {
  const d = (date ?? "").trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null;
}

/** A name as a person wrote it, for reasons shown in Slack: trimmed, spaces collapsed. */
export function displayName(name: string): string {
  return name.trim().replace(/\s+/g, " ");
}

// Free mail providers, where two addresses say nothing about two people.
const PUBLIC_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "hotmail.com",
  "outlook.com",
  "live.com",
  "msn.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
]);

/** The domain of an organization's own address (two such addresses are two of its mailboxes), null for free mail. */
export function organizationDomain(normalizedEmail: string): string | null {
  const domain = normalizedEmail.slice(normalizedEmail.indexOf("@") + 1);
  return domain === "" || PUBLIC_MAIL_DOMAINS.has(domain) ? null : domain;
}
