import { describe, expect, it } from "vitest";
import {
  formatUsername,
  namePart,
  normalizeUsername,
  usernameCandidates,
  usernameProblem,
} from "../../../src/domain/agency-users/username";

describe("namePart", () => {
  it.each([
    ["José", "jose"],
    ["Núñez", "nunez"],
    ["O'Brien", "obrien"],
    ["O’Malley", "omalley"],
    ["de la Cruz", "delacruz"],
    ["Smith-Jones", "smithjones"],
    ["Zoë", "zoe"],
    ["Łukasz", "lukasz"],
    ["Søren", "soren"],
    ["Straße", "strasse"],
    ["Ægir", "aegir"],
    ["  Anne Marie ", "annemarie"],
    ["李", ""],
  ])("%s → %s", (name, part) => {
    expect(namePart(name)).toBe(part);
  });
});

describe("formatUsername", () => {
  const jose = { firstName: "José", lastName: "Núñez" };

  it.each([
    ["{first}.{last}", "jose.nunez"],
    ["{f}{last}", "jnunez"],
    ["{first}{l}", "josen"],
    ["{last}", "nunez"],
    ["{last}_{f}", "nunez_j"],
    ["{First}.{LAST}", "jose.nunez"],
    ["cs-{first}.{last}", "cs-jose.nunez"],
  ])("%s makes %s", (format, username) => {
    expect(formatUsername(format, jose)).toBe(username);
  });

  it("drops apostrophes, spaces and characters a username cannot hold", () => {
    expect(formatUsername("{first}.{last}", { firstName: "Mary Kate", lastName: "O'Brien" })).toBe("marykate.obrien");
    expect(formatUsername("{first} @ {last}!", { firstName: "Ana", lastName: "Lee" })).toBe("analee");
  });

  it("is undefined while a part the format uses is missing or has no letters", () => {
    expect(formatUsername("{first}.{last}", { firstName: "José", lastName: "" })).toBeUndefined();
    expect(formatUsername("{first}.{last}", { firstName: "李", lastName: "Wei" })).toBeUndefined();
    expect(formatUsername("{last}", { firstName: "", lastName: "Núñez" })).toBe("nunez");
  });

  it("never leaves doubled or trailing separators, and stays within 50 characters", () => {
    expect(formatUsername("{first}..{last}", jose)).toBe("jose.nunez");
    const long = formatUsername("{first}.{last}", { firstName: "A".repeat(30), lastName: "B".repeat(30) });
    expect(long).toBe(`${"a".repeat(30)}.${"b".repeat(19)}`);
    expect(formatUsername("{first}.{last}", { firstName: "A".repeat(49), lastName: "B" })).toBe("a".repeat(49));
  });
});

describe("usernameCandidates", () => {
  it("tries the base, then numbered versions", () => {
    expect(usernameCandidates("jose.nunez", 4)).toEqual(["jose.nunez", "jose.nunez2", "jose.nunez3", "jose.nunez4"]);
  });

  it("shortens a long base so every candidate stays a valid username", () => {
    const base = `${"a".repeat(48)}.b`;
    for (const candidate of usernameCandidates(base, 12)) expect(usernameProblem(candidate)).toBeUndefined();
    expect(usernameCandidates(base, 12)[11]).toBe(`${"a".repeat(48)}12`);
  });
});

describe("usernameProblem", () => {
  it("accepts what the format makes and what people commonly type", () => {
    for (const ok of ["jose.nunez", "jnunez", "j_nunez-2", "abc"]) expect(usernameProblem(ok)).toBeUndefined();
  });

  it("says what to fix", () => {
    expect(usernameProblem("")).toBe("Enter a username.");
    expect(usernameProblem("ab")).toMatch(/3 to 50 characters/);
    expect(usernameProblem("a".repeat(51))).toMatch(/3 to 50 characters/);
    expect(usernameProblem("josé.nunez")).toMatch(/letters a–z/);
    expect(usernameProblem(".jose")).toMatch(/starting and ending/);
    expect(usernameProblem("jose nunez")).toMatch(/letters a–z/);
  });

  it("compares usernames regardless of case and surrounding spaces", () => {
    expect(normalizeUsername("  Jose.Nunez ")).toBe("jose.nunez");
  });
});
