import { describe, expect, it } from "vitest";
import { isOneTypoApart } from "../../../src/domain/matching/autoLink";

describe("isOneTypoApart", () => {
  it.each([
    ["jennifer", "jenifer"],
    ["thanh", "tanh"],
    ["patricia", "patircia"],
    ["michael", "micheal"],
    ["robert", "rovert"],
  ])("takes %s / %s for one typo", (a, b) => {
    expect(isOneTypoApart(a, b)).toBe(true);
    expect(isOneTypoApart(b, a)).toBe(true);
  });

  it.each([
    ["daniel", "danielle"],
    ["daniel", "daniela"],
    ["thanh", "thang"],
    ["mark", "mary"],
    ["mario", "maria"],
    ["brian", "brittany"],
    ["jon", "jan"],
    ["tuan", "toan"],
    ["anne", "anne"],
  ])("does not take %s / %s for one typo", (a, b) => {
    expect(isOneTypoApart(a, b)).toBe(false);
    expect(isOneTypoApart(b, a)).toBe(false);
  });
});
