import { describe, expect, it } from "vitest";
import {
  canonicalFirstNames,
  jaroWinkler,
  NICKNAME_GROUP_COUNT,
  normalizeEmail,
  normalizeName,
  phoneticKey,
} from "../../../src/domain/matching";
import { foldAccents } from "../../../src/domain/fold-accents";
import {
  emailLocalPart,
  nameTokens,
  normalizeBirthDate,
  organizationDomain,
  phoneDigits,
} from "../../../src/domain/matching/normalize";

describe("normalizeName", () => {
  it("lowercases, trims and collapses spaces", () => {
    expect(normalizeName("  MARY   Smith ")).toBe("mary smith");
  });

  it("removes accents, including letters NFKD leaves alone", () => {
    expect(normalizeName("José Álvarez Núñez")).toBe("jose alvarez nunez");
    expect(normalizeName("Đặng Nguyễn")).toBe("dang nguyen");
    expect(foldAccents("Straße Øberg Łukasz")).toBe("strasse oberg lukasz");
  });

  it("turns hyphens and other punctuation into word breaks", () => {
    expect(normalizeName("Smith-Jones")).toBe("smith jones");
    expect(normalizeName("Mary-Jane")).toBe(normalizeName("Mary Jane"));
    expect(normalizeName("Smith,Jones")).toBe("smith jones");
  });

  it("drops apostrophes and periods inside words, the way vendors store them both ways", () => {
    expect(normalizeName("O'Brien")).toBe("obrien");
    expect(normalizeName("O’Brien")).toBe("obrien");
    expect(normalizeName("St.John")).toBe("stjohn");
    expect(normalizeName("J.R.")).toBe("jr");
  });

  it("drops generational suffixes and titles unless they are the whole name", () => {
    expect(normalizeName("Smith Jr.")).toBe("smith");
    expect(normalizeName("Smith, Sr")).toBe("smith");
    expect(normalizeName("Henry Ford III")).toBe("henry ford");
    expect(normalizeName("Dr. Mary Lee")).toBe("mary lee");
    expect(nameTokens("Jr")).toEqual(["jr"]);
  });

  it("gives no words for a name that is only punctuation", () => {
    expect(nameTokens(" - . ")).toEqual([]);
  });
});

describe("emails, phones and birth dates", () => {
  it("compares emails case- and space-insensitively and rejects non-emails", () => {
    expect(normalizeEmail("  Jane.Doe@Agency.ORG ")).toBe("jane.doe@agency.org");
    expect(normalizeEmail("not an email")).toBeNull();
    expect(normalizeEmail(null)).toBeNull();
  });

  it("keeps the reusable part of an email's local part", () => {
    expect(emailLocalPart("john.smith+work@x.org")).toBe("johnsmith");
  });

  it("names an organization's own mail domain, not a free mail provider's", () => {
    expect(organizationDomain("ana@carehome.org")).toBe("carehome.org");
    expect(organizationDomain("ana@gmail.com")).toBeNull();
    expect(organizationDomain("ana@proton.me")).toBeNull();
  });

  it("reduces phones to national digits", () => {
    expect(phoneDigits("+1 (555) 123-4567")).toBe("5551234567");
    expect(phoneDigits("555-1234")).toBe("5551234");
    expect(phoneDigits("12-34")).toBeNull();
  });

  it("accepts birth dates only as YYYY-MM-DD", () => {
    expect(normalizeBirthDate(" 1990-04-02 ")).toBe("1990-04-02");
    expect(normalizeBirthDate("04/02/1990")).toBeNull();
  });
});

describe("nickname table", () => {
  it("holds about a hundred formal names", () => {
    expect(NICKNAME_GROUP_COUNT).toBeGreaterThanOrEqual(100);
  });

  it.each([
    ["bob", "robert"],
    ["bobby", "robert"],
    ["rob", "robert"],
    ["liz", "elizabeth"],
    ["beth", "elizabeth"],
    ["betty", "elizabeth"],
    ["eliza", "elizabeth"],
    ["bill", "william"],
    ["will", "william"],
    ["jim", "james"],
    ["jimmy", "james"],
    ["kate", "katherine"],
    ["katie", "katherine"],
    ["cathy", "katherine"],
    ["catherine", "katherine"],
    ["peggy", "margaret"],
    ["pepe", "jose"],
  ])("%s stands for %s", (nickname, formal) => {
    expect(canonicalFirstNames(nickname)).toContain(formal);
  });

  it("keeps a name that is also a nickname as a name of its own", () => {
    expect(canonicalFirstNames("sandra")).toEqual(["sandra", "alexandra"]);
  });

  it("lists every formal name an ambiguous nickname may stand for", () => {
    expect(canonicalFirstNames("chris")).toEqual(expect.arrayContaining(["christopher", "christine", "christina"]));
    expect(canonicalFirstNames("pat")).toEqual(expect.arrayContaining(["patrick", "patricia"]));
  });

  it("leaves names it does not know as they are", () => {
    expect(canonicalFirstNames("xochitl")).toEqual(["xochitl"]);
  });
});

describe("phoneticKey", () => {
  it("gives sound-alike spellings the same key", () => {
    expect(phoneticKey("smith")).toBe(phoneticKey("smyth"));
    expect(phoneticKey("johnson")).toBe(phoneticKey("jonhson"));
    expect(phoneticKey("williams")).toBe(phoneticKey("willaims"));
    expect(phoneticKey("macdonald")).toBe(phoneticKey("mcdonald"));
  });

  it("separates names that sound different", () => {
    expect(phoneticKey("smith")).not.toBe(phoneticKey("jones"));
    expect(phoneticKey("garcia")).not.toBe(phoneticKey("gomez"));
  });

  it("is at most six letters and empty for no letters", () => {
    expect(phoneticKey("wolfeschlegelsteinhausen").length).toBeLessThanOrEqual(6);
    expect(phoneticKey("")).toBe("");
  });
});

describe("jaroWinkler", () => {
  it("is 1 for equal strings and 0 for nothing in common", () => {
    expect(jaroWinkler("anna", "anna")).toBe(1);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
    expect(jaroWinkler("", "abc")).toBe(0);
  });

  it("matches the textbook values", () => {
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.961, 3);
    expect(jaroWinkler("dwayne", "duane")).toBeCloseTo(0.84, 3);
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.813, 3);
  });

  it("is symmetric and handles long strings", () => {
    const long = "a".repeat(200) + "b";
    expect(jaroWinkler(long, `${long}c`)).toBeGreaterThan(0.99);
    expect(jaroWinkler("jonathan", "johnathan")).toBe(jaroWinkler("johnathan", "jonathan"));
  });
});
