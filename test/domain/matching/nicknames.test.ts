import { describe, expect, it } from "vitest";
import { canonicalFirstNames, normalizeName } from "../../../src/domain/matching";
import { ENGLISH_FIRST_NAMES, HISPANIC_FIRST_NAMES } from "./syntheticNames";

function sameName(a: string, b: string): boolean {
  const fa = canonicalFirstNames(normalizeName(a));
  const fb = canonicalFirstNames(normalizeName(b));
  return fa.some((f) => fb.includes(f));
}

describe("canonicalFirstNames", () => {
  // The synthetic people's nicknames are written as people use them, independently of the table.
  const used = [...ENGLISH_FIRST_NAMES, ...HISPANIC_FIRST_NAMES].flatMap((entry) => {
    const [formal = "", nicknames = ""] = entry.split(":");
    return nicknames === "" ? [] : nicknames.split(",").map((nickname) => [formal, nickname] as const);
  });

  it("knows every nickname the synthetic people use", () => {
    expect(used.filter(([formal, nickname]) => !sameName(formal, nickname))).toEqual([]);
  });

  it.each([
    ["Alejandro", "Alex"],
    ["Alejandra", "Alex"],
    ["Alexis", "Alex"],
    ["Kathleen", "Kathy"],
    ["Kathleen", "Katie"],
    ["Christian", "Chris"],
    ["Brian", "Bryan"],
    ["Sophia", "Sofía"],
    ["Sophia", "Sophie"],
    ["Christina", "Cristina"],
    ["Jesse", "Jess"],
    ["Alan", "Allen"],
    ["Ricardo", "Ricky"],
    ["Eduardo", "Lalo"],
    ["Roberto", "Beto"],
    ["Alberto", "Beto"],
    ["Enrique", "Kike"],
    ["Fernando", "Nando"],
    ["Francisco", "Frank"],
    ["Rafael", "Rafa"],
    ["Leonardo", "Leo"],
    ["Gerardo", "Jerry"],
    ["Josefina", "Josie"],
    ["Margarita", "Rita"],
    ["Graciela", "Chela"],
    ["Beatriz", "Bea"],
    ["Charlotte", "Lottie"],
    ["Beverly", "Bev"],
    ["Evelyn", "Evie"],
    ["Elijah", "Eli"],
    ["Tyler", "Ty"],
  ])("takes %s and %s for one name", (formal, nickname) => {
    expect(sameName(formal, nickname)).toBe(true);
  });

  it.each([
    ["Alejandro", "Alexander"],
    ["Alejandro", "Alejandra"],
    ["Kathleen", "Katherine"],
    ["Roberto", "Alberto"],
    ["Gerardo", "Gerald"],
    ["Christian", "Christina"],
  ])("keeps %s and %s apart though they share a nickname", (a, b) => {
    expect(sameName(a, b)).toBe(false);
  });
});
