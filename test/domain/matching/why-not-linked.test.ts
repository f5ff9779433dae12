import { describe, expect, it } from "vitest";
import { resolveIdentities, type MatchOptions, type MatchRecord } from "../../../src/domain/matching";

const MEMBERS: MatchOptions = { kind: "members", suggestScore: 0.75, maxSuggestions: 3 };
const LEARNERS: MatchOptions = { ...MEMBERS, kind: "learners" };
const rec = (id: string, firstName: string, lastName: string, extra: Partial<MatchRecord> = {}): MatchRecord => ({
  id,
  firstName,
  lastName,
  ...extra,
});
const top = (result: ReturnType<typeof resolveIdentities>, leftId: string) => result.suggestionsByLeft.get(leftId)?.[0];

describe("why a suggestion that looks certain was not linked automatically", () => {
  it("members with the same name but different emails", () => {
    const result = resolveIdentities(
      [rec("m1", "José", "Álvarez-Ruiz", { email: "jose.alvarez@practice.example" })],
      [rec("c1", "Jose", "Alvarez Ruiz", { email: "j.alvarezruiz@example.com" })],
      MEMBERS,
    );
    expect(top(result, "m1")).toMatchObject({ score: 1, notAutoLinked: "same name, different emails" });
  });

  it("members with the same name where one side has no email", () => {
    const result = resolveIdentities(
      [rec("m1", "Rosa", "Delgado", { email: "rosa@practice.example" })],
      [rec("c1", "Rosa", "Delgado", { email: null })],
      MEMBERS,
    );
    expect(top(result, "m1")?.notAutoLinked).toBe("same name, but no email in Calmanac");
  });

  it("learners with the same name where Motivity has no birth date", () => {
    const result = resolveIdentities(
      [rec("l1", "Lucas", "Davis", { birthDate: null })],
      [rec("c1", "Lucas", "Davis", { birthDate: "2016-01-02" })],
      LEARNERS,
    );
    expect(top(result, "l1")?.notAutoLinked).toBe("same name, but no birth date in Motivity");
  });

  it("learners whose name and birth date another client shares as well", () => {
    const result = resolveIdentities(
      [rec("l1", "Liam", "Johnson", { birthDate: "2017-01-22" })],
      [
        rec("c1", "Liam", "Johnson", { birthDate: "2017-01-22" }),
        rec("c2", "Liam", "Johnson", { birthDate: "2017-01-22" }),
      ],
      LEARNERS,
    );
    expect(result.autoLinks).toEqual([]);
    expect(top(result, "l1")?.notAutoLinked).toBe("another Calmanac profile has the same name and birth date");
  });

  it("says nothing below 100%, where the score speaks for itself", () => {
    const result = resolveIdentities(
      [rec("m1", "Bob", "Smith", { email: "bob@practice.example" })],
      [rec("c1", "Robert", "Smith", { email: null })],
      MEMBERS,
    );
    expect(top(result, "m1")?.score).toBeLessThan(0.995);
    expect(top(result, "m1")?.notAutoLinked).toBeUndefined();
  });
});
