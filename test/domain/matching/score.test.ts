import { describe, expect, it } from "vitest";
import { scorePair, type MatchRecord } from "../../../src/domain/matching";
import { prepareRecords } from "../../../src/domain/matching/prepare";
import { scorePrepared } from "../../../src/domain/matching/score";
import { syntheticPeople } from "./synthetic";

const SUGGEST = 0.75;

function person(firstName: string, lastName: string, extra: Partial<MatchRecord> = {}): MatchRecord {
  return { id: `${firstName} ${lastName}`, firstName, lastName, ...extra };
}

function members(a: MatchRecord, b: MatchRecord) {
  return scorePair(a, b, "members");
}

describe("scorePair on hard names", () => {
  it.each([
    ["accents", person("José", "Álvarez"), person("Jose", "Alvarez")],
    ["case and spaces", person("  MARY ", "smith"), person("Mary", "Smith")],
    ["hyphens", person("Mary-Jane", "Smith-Jones"), person("Mary Jane", "Smith Jones")],
    ["apostrophes", person("Sean", "O'Brien"), person("Sean", "OBrien")],
    ["suffixes", person("Henry", "Ford Jr."), person("Henry", "Ford")],
  ])("scores %s as the same name", (_, a, b) => {
    expect(members(a, b)).toEqual({ score: 1, reasons: ["same first and last name"] });
  });

  it("suggests a double last name against one of its parts, preferring the first part", () => {
    const full = person("María", "García López");
    const paternal = members(full, person("Maria", "Garcia"));
    const maternal = members(full, person("Maria", "Lopez"));
    expect(paternal.score).toBeGreaterThan(maternal.score);
    expect(maternal.score).toBeGreaterThanOrEqual(SUGGEST);
    expect(paternal.reasons).toEqual(["last name partly equal (García López / Garcia), first name equal"]);
  });

  it("treats a hyphenated double last name like the spaced one", () => {
    expect(members(person("Ana", "Garcia-Lopez"), person("Ana", "García López")).score).toBe(1);
  });

  it("recognizes nicknames in both directions", () => {
    const bob = members(person("Bob", "Miller"), person("Robert", "Miller"));
    expect(bob.score).toBeGreaterThanOrEqual(0.95);
    expect(bob.reasons).toEqual(["last name equal, first name similar (nickname Bob → Robert)"]);
    const liz = members(person("Elizabeth", "Taylor"), person("Liz", "Taylor"));
    expect(liz.reasons).toEqual(["last name equal, first name similar (nickname Liz → Elizabeth)"]);
    expect(liz.score).toBe(bob.score);
  });

  it.each([
    ["Anthony", "Tonyy", "Tony"],
    ["Jacqueline", "Jaackie", "Jackie"],
    ["Elizabeth", "Bteh", "Beth"],
    ["Rebecca", "Bcky", "Becky"],
    ["Charles", "Chucl", "Chuck"],
    ["Jim", "Jmes", "James"],
  ])("suggests %s against a misspelled nickname or formal name (%s for %s)", (formal, written, meant) => {
    const result = members(person(formal, "Penton"), person(written, "Penton"));
    expect(result.score).toBeGreaterThanOrEqual(SUGGEST);
    expect(result.score).toBeLessThan(members(person(formal, "Penton"), person(meant, "Penton")).score);
    expect(result.reasons).toEqual([
      `last name equal, first name similar (misspelled ${meant}?) (${formal} / ${written})`,
    ]);
  });

  it("does not take a short name or a known one for a misspelled nickname", () => {
    expect(members(person("John", "Smith"), person("Jan", "Smith")).score).toBeLessThan(SUGGEST);
    expect(members(person("Daniel", "Smith"), person("Dana", "Smith")).score).toBeLessThan(SUGGEST);
  });

  it("words two nicknames of one name as such", () => {
    expect(members(person("Bob", "Miller"), person("Rob", "Miller")).reasons).toEqual([
      "last name equal, first name similar (both short for Robert) (Bob / Rob)",
    ]);
  });

  it("recognizes swapped first and last names", () => {
    const swapped = members(person("Nguyen", "Thi"), person("Thi", "Nguyen"));
    expect(swapped.score).toBeGreaterThanOrEqual(0.95);
    expect(swapped.score).toBeLessThan(1);
    expect(swapped.reasons).toEqual(["same names, first and last swapped"]);
  });

  it("recognizes swapped names with a typo", () => {
    const result = members(person("Minh", "Tran"), person("Tran", "Mihn"));
    expect(result.score).toBeGreaterThanOrEqual(SUGGEST);
    expect(result.reasons[0]).toMatch(/^first and last names swapped: last name equal, first name similar/);
  });

  it("recognizes names split differently between first and last", () => {
    const result = members(person("Mary", "Jane Smith"), person("Mary Jane", "Smith"));
    expect(result.reasons).toEqual(["same names, split differently between first and last name"]);
    expect(result.score).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ["Jonathan", "Johnathan"],
    ["Catherine", "Cathrine"],
    ["Michael", "Micheal"],
  ])("suggests typo %s / %s with the same last name", (a, b) => {
    const result = members(person(a, "Reyes"), person(b, "Reyes"));
    expect(result.score).toBeGreaterThanOrEqual(SUGGEST);
    expect(result.reasons).toEqual([`last name equal, first name similar (${a} / ${b})`]);
  });

  it("suggests a typo in the last name", () => {
    const result = members(person("Sarah", "Williams"), person("Sarah", "Willaims"));
    expect(result.score).toBeGreaterThanOrEqual(SUGGEST);
    expect(result.reasons).toEqual(["last name similar (Williams / Willaims), first name equal"]);
  });

  it.each([
    ["Robert", "Parker", "Paeker"],
    ["Nancy", "Hunt", "Hint"],
    ["Scott", "West", "Wwst"],
    ["Adrián", "Lara", "Lra"],
  ])("suggests %s %s against one slip in the last name (%s)", (first, last, written) => {
    const result = members(person(first, last), person(first, written));
    expect(result.score).toBeGreaterThanOrEqual(SUGGEST);
    expect(result.reasons).toEqual([`last name similar (${last} / ${written}), first name equal`]);
  });

  it.each([
    ["Susana", "Díaz Ramos", "Daiz"],
    ["María", "Ruiz Vásquez", "Ruuz"],
    ["Inés", "Muñoz Vargas", "Muñiz"],
  ])("suggests %s %s against one slip in one word of the double last name (%s)", (first, last, written) => {
    const result = members(person(first, last), person(first, written));
    expect(result.score).toBeGreaterThanOrEqual(SUGGEST);
    expect(result.reasons).toEqual([`last name partly similar (${last} / ${written}), first name equal`]);
  });

  it("does not take three-letter last names one letter apart for a slip", () => {
    expect(members(person("John", "Lee"), person("John", "Lew")).score).toBeLessThan(SUGGEST);
  });

  it.each([
    ["Thị Nga", "Thi Ngoc"],
    ["Minh Nam", "Minh Oanh"],
    ["Ngọc Đức", "Đức Diệp"],
  ])("does not take %s / %s, one word shared and the other different, for one first name", (a, b) => {
    const result = members(person(a, "Huỳnh"), person(b, "Huỳnh"));
    expect(result.score).toBeLessThan(SUGGEST);
    expect(result.reasons[0]).toMatch(/first name partly similar|first name different/);
  });

  it.each([
    ["Đức Diệp", "Đức iDệp"],
    ["Đức Diệp", "Diệp Đức"],
    ["Văn Khánh", "Văn Khhánh"],
  ])("takes %s / %s, each word the same or one slip away, for one first name", (a, b) => {
    const result = members(person(a, "Trần"), person(b, "Tran"));
    expect(result.score).toBeGreaterThanOrEqual(0.95);
  });

  it("suggests, with some doubt, a slip in a short word of a first name of several", () => {
    const result = members(person("Văn Nam", "Hoàng"), person("Văn Nzm", "Hoàng"));
    expect(result.score).toBeGreaterThanOrEqual(SUGGEST);
    expect(result.score).toBeLessThan(members(person("Văn Nam", "Hoàng"), person("Văn Nam", "Hoàg")).score);
    expect(result.reasons).toEqual(["last name equal, first name partly similar (Văn Nam / Văn Nzm)"]);
  });

  it("does not suggest relatives: same last name, different first name", () => {
    expect(members(person("John", "Smith"), person("Jane", "Smith")).score).toBeLessThan(SUGGEST);
    expect(members(person("Robert", "Smith"), person("Rachel", "Smith")).score).toBeLessThan(SUGGEST);
  });

  it("is symmetric in score", () => {
    const a = person("Bob", "García López");
    const b = person("Robert", "Garcia");
    expect(members(a, b).score).toBe(members(b, a).score);
  });
});

describe("scorePair evidence beyond names", () => {
  it("puts a shared email first and lifts the score", () => {
    const a = person("Jane", "Doe", { email: "jane@agency.org" });
    const married = person("Jane", "Brooks", { email: " JANE@agency.org" });
    const result = members(a, married);
    expect(result.reasons[0]).toBe("same email");
    expect(result.score).toBeGreaterThanOrEqual(0.9);
    expect(members(person("Jane", "Doe"), person("Jane", "Brooks")).score).toBeLessThan(SUGGEST);
  });

  it("counts the same email name at another domain", () => {
    const result = members(
      person("Ann", "Lee", { email: "ann.lee@agency.org" }),
      person("Anm", "Lee", { email: "annlee@gmail.com" }),
    );
    expect(result.reasons[0]).toBe("same email name at another domain");
    expect(result.score).toBeGreaterThan(members(person("Ann", "Lee"), person("Anm", "Lee")).score);
  });

  it("ranks a namesake with another mailbox at the same organization below the person with a nickname", () => {
    const motivity = person("Steven", "Smith", { email: "steven.smith2@carehome.org" });
    const colleague = members(motivity, person("Steven", "Smith", { email: "steven.smith9@carehome.org" }));
    expect(colleague.reasons[0]).toBe("another email at the same organization");
    expect(colleague.score).toBeGreaterThanOrEqual(SUGGEST);
    expect(colleague.score).toBeLessThan(members(motivity, person("Steve", "Smith")).score);
    // Two addresses at a free mail provider say nothing about two people.
    const gmail = person("Steven", "Smith", { email: "ssmith@gmail.com" });
    expect(members(person("Steven", "Smith", { email: "steven.smith@gmail.com" }), gmail).score).toBe(1);
  });

  it("counts a shared phone for members", () => {
    const result = members(
      person("Tom", "Ray", { phone: "555-123-4567" }),
      person("Tim", "Ray", { phone: "+1 555 123 4567" }),
    );
    expect(result.reasons[0]).toBe("same phone");
  });

  it("uses birth dates for learners only", () => {
    const a = person("Leo", "Park", { birthDate: "2015-03-04" });
    const same = person("Leo", "Parks", { birthDate: "2015-03-04" });
    const other = person("Leo", "Park", { birthDate: "2011-09-20" });
    expect(scorePair(a, same, "learners").reasons[0]).toBe("same birth date");
    expect(scorePair(a, same, "learners").score).toBeGreaterThan(scorePair(a, same, "members").score);
    expect(scorePair(a, other, "learners").reasons[0]).toBe("different birth date");
    expect(scorePair(a, other, "learners").score).toBeLessThan(SUGGEST);
    expect(scorePair(a, other, "members").score).toBe(1);
  });

  it("forgives a one-digit slip or swapped day and month in a birth date", () => {
    const a = person("Leo", "Park", { birthDate: "2015-03-04" });
    for (const birthDate of ["2015-03-05", "2015-04-03"]) {
      const result = scorePair(a, person("Leo", "Park", { birthDate }), "learners");
      expect(result.reasons[0]).toBe("birth dates nearly equal (one digit or day and month swapped)");
      expect(result.score).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe("scoring within one run", () => {
  it("gives every pair of a run's prepared records the score and words of the pair scored alone", () => {
    // Names are compared once per pair of names in a run and kept: a kept comparison must be the
    // one of those two names, in that order and role (first or last), worded or not.
    const { left, right } = syntheticPeople({ kind: "members", size: 150, pairedShare: 0.7, seed: 7 });
    // A name as a first name on one record and a last name on another: a nickname as the one, not as the other.
    const preparedLeft = prepareRecords([person("Bob", "Smith"), person("Jane", "Bob"), ...left]);
    const preparedRight = prepareRecords([person("Robert", "Smith"), person("Jane", "Robert"), ...right]);
    const scored = new Set<string>();
    for (const worded of [false, true]) {
      preparedLeft.forEach((l, li) => {
        preparedRight.forEach((r, ri) => {
          if ((li + ri) % 3 !== 0 && !worded) return;
          const inRun = scorePrepared(l, r, "members", worded);
          const alone = scorePair(l.source, r.source, "members");
          expect(inRun.score).toBe(alone.score);
          if (worded) expect(inRun.reasons).toEqual(alone.reasons);
          scored.add(`${inRun.score}`);
        });
      });
    }
    expect(scored.size).toBeGreaterThan(20);
  });

  it("keeps an organization's other mailbox as evidence of another person, and free mail as none", () => {
    const member = person("Ana", "Diaz", { email: "ana.diaz@carehome.org" });
    const colleague = members(member, person("Ana", "Diaz", { email: "adiaz2@carehome.org" }));
    const freeMail = members(member, person("Ana", "Diaz", { email: "adiaz2@gmail.com" }));
    expect(colleague.reasons).toContain("another email at the same organization");
    expect(colleague.score).toBeLessThan(freeMail.score);
    expect(freeMail.score).toBe(1);
  });
});
