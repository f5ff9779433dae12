import { describe, expect, it } from "vitest";
import { isEmail } from "../../src/domain/email";

// The one table for the one rule: every form, file and matcher that checks an email uses isEmail.
describe("isEmail", () => {
  it.each([
    "a@b.co",
    "jose.nunez+staff@sunrise-care.example",
    "o'brien@agency.org",
    "Jane.Doe@Agency.ORG",
    // "!" is RFC 5322 atext: a real mailbox the vendors take.
    "a!b@example.com",
    "x_y-z@mail.sub.agency.org",
    "jane@xn--80akhbyknj4f.xn--p1ai",
    `${"a".repeat(64)}@example.com`,
  ])("accepts %s", (email) => {
    expect(isEmail(email)).toBe(true);
  });

  it.each([
    "",
    "jose",
    "jose@",
    "@agency.com",
    "jose@agency",
    "jose nunez@agency.com",
    "jose@@agency.com",
    "jo..se@agency.com",
    ".jose@agency.com",
    "jose.@agency.com",
    "jose@-agency.com",
    "jose@agency-.com",
    // An empty domain label.
    "jane@example..com",
    // No top-level domain has one letter: a typo whose registration email would bounce.
    "jane@example.c",
    "jane@example.c0m",
    "jane@[10.0.0.1]",
    '"jane doe"@example.com',
    `${"a".repeat(65)}@example.com`,
    `a@${"b".repeat(64)}.com`,
    `a@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(61)}.com`,
  ])("refuses %s", (email) => {
    expect(isEmail(email)).toBe(false);
  });
});
