/**
 * The one email rule: what carebridge accepts before it sends an address to any vendor, so a
 * form, a CSV row and a linked record never disagree about the same address. Hand-written as one
 * regular expression: learner files run it on up to 100,000 rows.
 *
 * RFC 5321 in the shape mail systems deliver to:
 * - local part: a dot-atom of RFC 5322 `atext` (letters, digits and !#$%&'*+/=?^_`{|}~-), at most
 *   64 characters, no leading, trailing or doubled dot. So "a!b@example.com" is accepted: "!" is
 *   plain atext, real mailboxes use it, and refusing it would block a person the vendor takes.
 *   Quoted local parts ("a b"@x.org) are refused: no vendor form takes them.
 * - domain: dot-separated host labels (letters, digits, inner hyphens, 1–63 characters), at least
 *   two, the last all letters and at least two long (or a punycode "xn--" name). So "jane@example..com" (an empty label) is
 *   refused, and so is "jane@example.c": no top-level domain has one letter, so it is a typo and
 *   the vendor's registration email would bounce. Address literals (jane@[10.0.0.1]) are refused.
 * - at most 254 characters in all (RFC 5321's path limit less the angle brackets).
 * Case is kept as typed and ignored by the rule.
 */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;
const EMAIL_MAX = 254;
const LOCAL_MAX = 64;

/** True when `text` (already trimmed) is an address carebridge may send to a vendor. */
export function isEmail(text: string): boolean {
  return text.length <= EMAIL_MAX && EMAIL.test(text) && text.indexOf("@") <= LOCAL_MAX;
}
