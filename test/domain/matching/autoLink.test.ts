import { describe, expect, it } from "vitest";
import { isOneTypoApart } from "../../../src/domain/matching/autoLink";
import { isOneSlipApart } from "../../../src/domain/matching/nameSimilarity";

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

describe("isOneSlipApart", () => {
  it.each([
    ["mary", "maey"],
    ["mary", "maryy"],
    ["mary", "mar"],
    ["jose", "jse"],
    ["john", "jhon"],
    ["jennifer", "jennifre"],
    ["daniel", "daniela"],
  ])("takes %s / %s for one slip, wherever it is and however short the name", (a, b) => {
    expect(isOneSlipApart(a, b)).toBe(true);
    expect(isOneSlipApart(b, a)).toBe(true);
  });

  it.each([
    ["daniel", "danielle"],
    ["brian", "brittany"],
    ["mary", "mary"],
    ["maria", "mirta"],
  ])("does not take %s / %s for one slip", (a, b) => {
    expect(isOneSlipApart(a, b)).toBe(false);
    expect(isOneSlipApart(b, a)).toBe(false);
  });
});
