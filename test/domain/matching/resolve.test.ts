import { describe, expect, it } from "vitest";
import {
  pairKey,
  resolveIdentities,
  resolvingIdentities,
  type MatchOptions,
  type MatchRecord,
} from "../../../src/domain/matching";
import { SLICE } from "../../../src/domain/matching/slicing";
import { syntheticPeople } from "./synthetic";

const MEMBERS: MatchOptions = { kind: "members", suggestScore: 0.75, maxSuggestions: 3 };
const LEARNERS: MatchOptions = { ...MEMBERS, kind: "learners" };

function rec(id: string, firstName: string, lastName: string, extra: Partial<MatchRecord> = {}): MatchRecord {
  return { id, firstName, lastName, ...extra };
}

function suggestedIds(
  map: Map<string, { leftId: string; rightId: string }[]>,
  id: string,
  side: "leftId" | "rightId",
): string[] {
  return (map.get(id) ?? []).map((s) => s[side]);
}

describe("resolveIdentities: members", () => {
  it("auto-links the same email, whatever its case and spaces", () => {
    const result = resolveIdentities(
      [rec("m1", "Robert", "Miller", { email: "Bob.Miller@Agency.org" })],
      [rec("c1", "Bob", "Miler", { email: " bob.miller@agency.org " })],
      MEMBERS,
    );
    expect(result.autoLinks).toEqual([{ leftId: "m1", rightId: "c1", reasons: ["same email"] }]);
    expect(result.unlinkedLeft).toEqual([]);
    expect(result.unlinkedRight).toEqual([]);
    expect(result.suggestionsByLeft.size).toBe(0);
  });

  it("does not auto-link a shared mailbox across systems when the names say two people; it suggests the pair", () => {
    const result = resolveIdentities(
      [
        rec("m1", "Amanda", "Smith", { email: "amanda.smith@agency.org" }),
        rec("m2", "Thanh", "Nguyen", { email: "thanh.nguyen@agency.org" }),
      ],
      [
        rec("c1", "Sandra", "Smith", { email: "amanda.smith@agency.org" }),
        rec("c2", "Nguyen", "Tanh", { email: "thanh.nguyen@agency.org" }),
      ],
      MEMBERS,
    );
    // Swapped names with a typo still agree; another first name in the family mailbox does not.
    expect(result.autoLinks).toEqual([{ leftId: "m2", rightId: "c2", reasons: ["same email"] }]);
    expect(result.suggestionsByLeft.get("m1")).toEqual([
      expect.objectContaining({
        rightId: "c1",
        reasons: ["same email", "last name equal, first name different (Amanda / Sandra)"],
      }),
    ]);
  });

  it("does not auto-link a shared mailbox whose first names are alike but not one name (Daniel / Danielle)", () => {
    const result = resolveIdentities(
      [
        rec("m1", "Daniel", "Edwards", { email: "daniel.edwards@carehome.org" }),
        rec("m2", "Thanh", "Phạm", { email: "thanh.pham@carehome.org" }),
        rec("m3", "Brian", "Lindridge", { email: "brian.lindridge@carehome.org" }),
      ],
      [
        rec("c1", "Danielle", "Edwards", { email: "daniel.edwards@carehome.org" }),
        rec("c2", "Thang", "Pham", { email: "thanh.pham@carehome.org" }),
        rec("c3", "Brittany", "LINDRIDGE", { email: "BRIAN.LINDRIDGE@CAREHOME.ORG" }),
      ],
      MEMBERS,
    );
    expect(result.autoLinks).toEqual([]);
    expect(suggestedIds(result.suggestionsByLeft, "m1", "rightId")).toEqual(["c1"]);
    expect(suggestedIds(result.suggestionsByLeft, "m2", "rightId")).toEqual(["c2"]);
  });

  it("still auto-links a shared email when the first names differ by one typo or a nickname", () => {
    const result = resolveIdentities(
      [
        rec("m1", "Jennifer", "Moore", { email: "jennifer.moore@carehome.org" }),
        rec("m2", "William", "Brooks", { email: "william.brooks@carehome.org" }),
        rec("m3", "Patricia", "Lane", { email: "patricia.lane@carehome.org" }),
      ],
      [
        rec("c1", "Jenifer", "Moore", { email: "jennifer.moore@carehome.org" }),
        rec("c2", "Bill", "Brooks", { email: "william.brooks@carehome.org" }),
        rec("c3", "Patircia", "Lane", { email: "patricia.lane@carehome.org" }),
      ],
      MEMBERS,
    );
    expect(result.autoLinks.map((l) => `${l.leftId}>${l.rightId}`)).toEqual(["m1>c1", "m2>c2", "m3>c3"]);
  });

  it("does not auto-link an email two records share; it suggests both instead", () => {
    const result = resolveIdentities(
      [rec("m1", "Ann", "Lee", { email: "office@agency.org" }), rec("m2", "Bo", "Kim", { email: "office@agency.org" })],
      [rec("c1", "Ann", "Lee", { email: "office@agency.org" })],
      MEMBERS,
    );
    expect(result.autoLinks).toEqual([]);
    expect(suggestedIds(result.suggestionsByRight, "c1", "leftId")).toEqual(["m1", "m2"]);
    expect(result.suggestionsByLeft.get("m2")?.[0]?.reasons).toEqual([
      "same email",
      "last name different (Kim / Lee), first name different (Bo / Ann)",
    ]);
  });

  it("does not auto-link two people of the same name without a shared email", () => {
    const result = resolveIdentities(
      [
        rec("m1", "John", "Smith", { email: "john.smith@agency.org" }),
        rec("m2", "John", "Smith", { email: "jsmith2@agency.org" }),
      ],
      [rec("c1", "John", "Smith", { email: null })],
      MEMBERS,
    );
    expect(result.autoLinks).toEqual([]);
    expect(suggestedIds(result.suggestionsByRight, "c1", "leftId")).toEqual(["m1", "m2"]);
    expect(result.suggestionsByRight.get("c1")?.map((s) => s.score)).toEqual([1, 1]);
  });

  it("leaves service accounts out of everything, even with a matching email", () => {
    const result = resolveIdentities(
      [
        rec("csc", "Motivity", "Support", { email: "support@motivity.example", serviceAccount: true }),
        rec("m1", "Ann", "Lee"),
      ],
      [rec("c1", "Motivity", "Support", { email: "support@motivity.example" }), rec("c2", "Ann", "Lee")],
      MEMBERS,
    );
    expect(result.autoLinks).toEqual([]);
    expect(result.unlinkedLeft).toEqual(["m1"]);
    expect(result.unlinkedRight).toEqual(["c1", "c2"]);
    expect(suggestedIds(result.suggestionsByRight, "c1", "leftId")).toEqual([]);
    expect(suggestedIds(result.suggestionsByLeft, "m1", "rightId")).toEqual(["c2"]);
  });

  it("never links or suggests records already linked, on either side's say", () => {
    const left = [
      rec("m1", "Ann", "Lee", { email: "ann@agency.org", linkedTo: "c9" }),
      rec("m2", "Ann", "Lee"),
      rec("m3", "Tom", "Ray", { linkedTo: "c3" }),
    ];
    const right = [
      rec("c1", "Ann", "Lee", { email: "ann@agency.org" }),
      rec("c2", "Tom", "Ray", { linkedTo: "m9" }),
      rec("c3", "Tom", "Ray"),
      rec("c9", "Ann", "Lee", { email: "ann.lee@agency.org" }),
    ];
    const result = resolveIdentities(left, right, MEMBERS);
    expect(result.autoLinks).toEqual([]);
    // c3 carries no link itself but m3 points at it; c9 likewise through m1.
    expect(result.unlinkedLeft).toEqual(["m2"]);
    expect(result.unlinkedRight).toEqual(["c1"]);
    expect(suggestedIds(result.suggestionsByLeft, "m2", "rightId")).toEqual(["c1"]);
    const everySuggested = [...result.suggestionsByLeft.values()].flat().flatMap((s) => [s.leftId, s.rightId]);
    expect(everySuggested.filter((id) => ["m1", "m3", "c2", "c3", "c9"].includes(id))).toEqual([]);
  });

  it("leaves ignored records out and keeps other suggestions", () => {
    const result = resolveIdentities(
      [rec("m1", "Ann", "Lee", { email: "ann@agency.org" }), rec("m2", "Tom", "Ray")],
      [rec("c1", "Ann", "Lee", { email: "ann@agency.org" }), rec("c2", "Tom", "Ray"), rec("c3", "Tom", "Ray")],
      { ...MEMBERS, ignoredLeft: new Set(["m1"]), ignoredRight: new Set(["c2"]) },
    );
    expect(result.autoLinks).toEqual([]);
    expect(result.unlinkedLeft).toEqual(["m2"]);
    expect(result.unlinkedRight).toEqual(["c1", "c3"]);
    expect(suggestedIds(result.suggestionsByLeft, "m2", "rightId")).toEqual(["c3"]);
  });

  it("never auto-links or suggests a pair marked not a match", () => {
    const result = resolveIdentities(
      [rec("m1", "Ann", "Lee", { email: "ann@agency.org" }), rec("m2", "Tom", "Ray")],
      [rec("c1", "Ann", "Lee", { email: "ann@agency.org" }), rec("c2", "Tom", "Ray"), rec("c3", "Thomas", "Ray")],
      { ...MEMBERS, rejectedPairs: new Set([pairKey("m1", "c1"), pairKey("m2", "c2")]) },
    );
    expect(result.autoLinks).toEqual([]);
    expect(result.unlinkedLeft).toEqual(["m1", "m2"]);
    expect(suggestedIds(result.suggestionsByLeft, "m1", "rightId")).toEqual([]);
    expect(suggestedIds(result.suggestionsByLeft, "m2", "rightId")).toEqual(["c3"]);
  });

  it("suggests at most maxSuggestions above the threshold, best first, ties by id", () => {
    const right = [
      rec("c5", "Rob", "Miller"),
      rec("c4", "Robert", "Miller"),
      rec("c3", "Robert", "Miller"),
      rec("c2", "Robert", "Millar"),
      rec("c1", "Rachel", "Miller"),
    ];
    const result = resolveIdentities([rec("m1", "Robert", "Miller")], right, MEMBERS);
    expect(suggestedIds(result.suggestionsByLeft, "m1", "rightId")).toEqual(["c3", "c4", "c5"]);
    const scores = result.suggestionsByLeft.get("m1")?.map((s) => s.score) ?? [];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const all = resolveIdentities([rec("m1", "Robert", "Miller")], right, { ...MEMBERS, maxSuggestions: 10 });
    expect(suggestedIds(all.suggestionsByLeft, "m1", "rightId")).toEqual(["c3", "c4", "c5", "c2"]);
  });

  it("among namesakes of equal score, ranks first those sharing an email name or a phone, before ids", () => {
    const left = [
      rec("m1", "Mary", "Young", { email: "mary.young@carehome.org" }),
      rec("m2", "Mary", "Young", { email: "mary.young2@carehome.org", phone: "555 010 2030" }),
    ];
    const right = [
      rec("c1", "Mary", "Young", { email: null }),
      rec("c2", "Mary", "Young", { email: "myoung@gmail.com" }),
      rec("c3", "Mary", "Young", { email: null }),
      rec("c8", "Mary", "Young", { email: null, phone: "(555) 010-2030" }),
      rec("c9", "Mary", "Young", { email: "maryyoung@gmail.com" }),
    ];
    const result = resolveIdentities(left, right, MEMBERS);
    expect(suggestedIds(result.suggestionsByLeft, "m1", "rightId")).toEqual(["c9", "c1", "c2"]);
    expect(suggestedIds(result.suggestionsByLeft, "m2", "rightId")).toEqual(["c8", "c1", "c2"]);
    expect(result.suggestionsByLeft.get("m1")?.map((s) => s.score)).toEqual([1, 1, 1]);
  });

  it("gives the same answer whatever the input order", () => {
    const left = [rec("m1", "John", "Smith"), rec("m2", "Jon", "Smith"), rec("m3", "Johnny", "Smyth")];
    const right = [rec("c1", "John", "Smith"), rec("c2", "Jonathan", "Smith"), rec("c3", "John", "Smithe")];
    const a = resolveIdentities(left, right, MEMBERS);
    const b = resolveIdentities([...left].reverse(), [...right].reverse(), MEMBERS);
    for (const id of ["m1", "m2", "m3"]) expect(b.suggestionsByLeft.get(id)).toEqual(a.suggestionsByLeft.get(id));
    for (const id of ["c1", "c2", "c3"]) expect(b.suggestionsByRight.get(id)).toEqual(a.suggestionsByRight.get(id));
  });
});

describe("resolveIdentities: learners", () => {
  it("auto-links the same full name and birth date, accents, case and punctuation aside", () => {
    const result = resolveIdentities(
      [rec("l1", "José", "Álvarez-Núñez", { birthDate: "2016-05-01" })],
      [rec("k1", "JOSE", "Alvarez Nunez", { birthDate: "2016-05-01" })],
      LEARNERS,
    );
    expect(result.autoLinks).toEqual([{ leftId: "l1", rightId: "k1", reasons: ["same full name", "same birth date"] }]);
  });

  it("suggests, but does not auto-link, nicknames, swapped names or a missing birth date", () => {
    const result = resolveIdentities(
      [
        rec("l1", "Bob", "Miller", { birthDate: "2016-05-01" }),
        rec("l2", "Thi", "Nguyen", { birthDate: "2014-02-03" }),
        rec("l3", "Ava", "Stone", { birthDate: null }),
      ],
      [
        rec("k1", "Robert", "Miller", { birthDate: "2016-05-01" }),
        rec("k2", "Nguyen", "Thi", { birthDate: "2014-02-03" }),
        rec("k3", "Ava", "Stone", { birthDate: "2012-07-07" }),
      ],
      LEARNERS,
    );
    expect(result.autoLinks).toEqual([]);
    expect(suggestedIds(result.suggestionsByLeft, "l1", "rightId")).toEqual(["k1"]);
    expect(suggestedIds(result.suggestionsByLeft, "l2", "rightId")).toEqual(["k2"]);
    expect(suggestedIds(result.suggestionsByLeft, "l3", "rightId")).toEqual(["k3"]);
    expect(result.suggestionsByLeft.get("l2")?.[0]?.reasons).toEqual([
      "same birth date",
      "same names, first and last swapped",
    ]);
  });

  it("among namesakes of equal score, ranks first the one with the same birth date, before ids", () => {
    const right = [
      rec("c1", "Ana", "Cruz"),
      rec("c2", "Ana", "Cruz"),
      rec("c3", "Ana", "Cruz"),
      rec("c4", "Ana", "Cruz", { birthDate: "2015-04-09" }),
      rec("c5", "Ana", "Cruz", { birthDate: "2015-04-09" }),
    ];
    const left = [
      rec("m1", "Ana", "Cruz", { birthDate: "2015-04-09" }),
      rec("m2", "Ana", "Cruz", { birthDate: "2015-04-09" }),
    ];
    const result = resolveIdentities(left, right, LEARNERS);
    expect(result.autoLinks).toEqual([]);
    expect(suggestedIds(result.suggestionsByLeft, "m1", "rightId")).toEqual(["c4", "c5", "c1"]);
  });

  it("does not auto-link when two learners on one side share name and birth date", () => {
    const result = resolveIdentities(
      [
        rec("l1", "John", "Smith", { birthDate: "2016-05-01" }),
        rec("l2", "John", "Smith", { birthDate: "2016-05-01" }),
      ],
      [rec("k1", "John", "Smith", { birthDate: "2016-05-01" })],
      LEARNERS,
    );
    expect(result.autoLinks).toEqual([]);
    expect(suggestedIds(result.suggestionsByRight, "k1", "leftId")).toEqual(["l1", "l2"]);
  });

  it("does not auto-link when a linked record holds the same name and birth date", () => {
    const result = resolveIdentities(
      [
        rec("l1", "John", "Smith", { birthDate: "2016-05-01", linkedTo: "k7" }),
        rec("l2", "John", "Smith", { birthDate: "2016-05-01" }),
      ],
      [rec("k1", "John", "Smith", { birthDate: "2016-05-01" })],
      LEARNERS,
    );
    expect(result.autoLinks).toEqual([]);
    expect(suggestedIds(result.suggestionsByLeft, "l2", "rightId")).toEqual(["k1"]);
  });
});

describe("pairKey", () => {
  it("keeps ids apart whatever characters they hold", () => {
    expect(pairKey("a|b", "c")).not.toBe(pairKey("a", "b|c"));
    expect(pairKey("m1", "c1")).toBe(pairKey("m1", "c1"));
  });
});

describe("resolvingIdentities: the same run in slices", () => {
  it("pauses between slices of a large list and ends with resolveIdentities' result", () => {
    const { left, right } = syntheticPeople({ kind: "members", size: 3_000, pairedShare: 0.7, seed: 11 });
    const run = resolvingIdentities(left, right, MEMBERS);
    let pauses = 0;
    let step = run.next();
    while (!step.done) {
      pauses++;
      step = run.next();
    }
    // Every SLICE.records records prepared, on each side, and more for the other steps.
    expect(pauses).toBeGreaterThan((2 * 3_000) / SLICE.records);
    expect(step.value).toEqual(resolveIdentities(left, right, MEMBERS));
  });
});
