import { describe, expect, it } from "vitest";
import { resolveIdentities, scorePair, type MatchOptions, type MatchRecord } from "../../../src/domain/matching";

const MEMBERS: MatchOptions = { kind: "members", suggestScore: 0.75, maxSuggestions: 3 };
const rec = (id: string, firstName: string, lastName: string, extra: Partial<MatchRecord> = {}): MatchRecord => ({
  id,
  firstName,
  lastName,
  ...extra,
});
const shown = (result: ReturnType<typeof resolveIdentities>, leftId: string) =>
  result.suggestionsByLeft.get(leftId)?.map((s) => s.rightId);

describe("a member's own email against namesakes", () => {
  // Motivity holds only a name and an email: three namesakes with nothing more each score as
  // the same name, so the one holding the member's own address must not fall below them.
  const namesakesOf = (first: string, last: string) => [
    rec("c1", first, last, { email: null }),
    rec("c2", first.toUpperCase(), last, { email: "mbrown@gmail.com" }),
    rec("c3", first, last, { email: null, phone: "(555) 010-2030" }),
  ];
  const mary = rec("m1", "Mary", "Brown", { email: "mary.brown11@carehome.org" });
  const richard = rec("m1", "Richard", "Anderson", { email: "richard.anderson2@carehome.org" });

  it.each([
    ["a typo in a short first name", mary, rec("c9", "Mar", "Brown", { email: "MARY.BROWN11@carehome.org" })],
    ["a typo in the last letter", mary, rec("c9", "Maryy", "Brown", { email: "mary.brown11@carehome.org" })],
    ["swapped names with a typo", mary, rec("c9", "Brown", "Mray", { email: "mary.brown11@carehome.org" })],
    [
      "a nickname written with a slip (Rixk for Rick)",
      richard,
      rec("c9", "Rixk", "Anderson", { email: "richard.anderson2@carehome.org" }),
    ],
  ])("shows first the one with the member's email and %s", (_, member, partner) => {
    const namesakes = namesakesOf(member.firstName, member.lastName);
    const result = resolveIdentities([member], [...namesakes, partner], MEMBERS);
    expect(result.autoLinks).toEqual([]);
    expect(shown(result, "m1")?.[0]).toBe("c9");
    expect(result.suggestionsByLeft.get("m1")?.[0]).toMatchObject({
      score: 1,
      notAutoLinked: "same email, but first names too unlike to be sure (a relative may share the mailbox)",
    });
  });

  it("takes the same email with names that agree for as certain as the same name", () => {
    const member = rec("m1", "Mary", "Brown", { email: "mary.brown11@carehome.org" });
    expect(scorePair(member, rec("c9", "Mar", "Brown", { email: "mary.brown11@carehome.org" }), "members")).toEqual({
      score: 1,
      reasons: ["same email", "last name equal, first name similar (Mary / Mar)"],
    });
  });

  it.each([
    ["Brian", "Brittany"],
    ["Daniel", "Danielle"],
  ])("leaves %s / %s with one email below certain: relatives in a family mailbox", (a, b) => {
    const member = rec("m1", a, "Cole", { email: "cole.family@gmail.com" });
    const relative = scorePair(member, rec("c1", b, "Cole", { email: "cole.family@gmail.com" }), "members");
    expect(relative.score).toBeLessThan(0.995);
  });
});

describe("namesakes with another mailbox at the member's organization", () => {
  it("rank below the person written with a slip and no email: an organization gives each person one mailbox", () => {
    const member = rec("m1", "Robert", "Lewis", { email: "robert.lewis2@carehome.org" });
    const colleagues = [7, 8, 9].map((n) =>
      rec(`c${n}`, "Robert", "Lewis", { email: `robert.lewis${n}@carehome.org` }),
    );
    const partner = rec("c1", "Robert", "Lrwis", { email: null });
    const result = resolveIdentities([member], [...colleagues, partner], MEMBERS);
    expect(shown(result, "m1")?.[0]).toBe("c1");
    // Still suggested: the Calmanac address may be stale.
    expect(shown(result, "m1")).toHaveLength(3);
  });
});
