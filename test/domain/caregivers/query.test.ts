import { describe, expect, it } from "vitest";
import { exactMatch } from "../../../src/domain/caregivers/query";
import { caregiver } from "./caregiver";

const maria = caregiver({ id: "tt-1001", firstName: "María", lastName: "Gonzalez", email: "maria.g@example.com" });
const mario = caregiver({ id: "tt-10010", firstName: "Mario", lastName: "Gonzalez", email: "mario.g@example.com" });
const otherMaria = caregiver({ id: "tt-2001", firstName: "Maria", lastName: "Gonzalez", email: null });

describe("the caregiver a query names exactly", () => {
  it("by TeleTrack id, even when another id contains it", () => {
    expect(exactMatch("tt-1001", [maria, mario])).toBe(maria);
    expect(exactMatch(" TT-1001 ", [mario, maria])).toBe(maria);
  });

  it("by email, case-insensitively", () => {
    expect(exactMatch("Mario.G@example.com", [maria, mario])).toBe(mario);
  });

  it("by full name either way round, accents folded, when only one has it", () => {
    expect(exactMatch("maria gonzalez", [maria, mario])).toBe(maria);
    expect(exactMatch("Gonzalez, Mario", [maria, mario])).toBe(mario);
  });

  it("none when two share the name or the query is partial: the user picks", () => {
    expect(exactMatch("Maria Gonzalez", [maria, otherMaria, mario])).toBeUndefined();
    expect(exactMatch("Gonzalez", [maria, mario])).toBeUndefined();
    expect(exactMatch("", [maria])).toBeUndefined();
  });
});
