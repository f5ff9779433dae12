import { describe, expect, it } from "vitest";
import type { MatchKind, MatchOptions, MatchResult } from "../../../src/domain/matching";
import {
  fieldKeys,
  KeyCodes,
  MAX_BLOCK_SIZE,
  nameBlockingKeys,
  type CandidateSource,
} from "../../../src/domain/matching/blocking";
import { prepareRecord } from "../../../src/domain/matching/prepare";
import { resolveIdentities, resolveIdentitiesWith } from "../../../src/domain/matching/resolve";
import { syntheticPeople, type SyntheticSet } from "./synthetic";

const everyPair: CandidateSource = (left, right, _kind, visit) => {
  for (let li = 0; li < left.length; li++) for (let ri = 0; ri < right.length; ri++) visit(li, ri);
  return [];
};

function foundTruePairs(set: SyntheticSet, result: MatchResult): string[] {
  const auto = new Map(result.autoLinks.map((l) => [l.leftId, l.rightId]));
  return [...set.truePairs]
    .filter(([l, r]) => auto.get(l) === r || result.suggestionsByLeft.get(l)?.some((s) => s.rightId === r))
    .map(([l, r]) => `${l}>${r}`);
}

function suggestedPairs(result: MatchResult): Set<string> {
  return new Set([...result.suggestionsByLeft.values()].flat().map((s) => `${s.leftId}>${s.rightId}`));
}

describe("blocking against every pair", () => {
  describe.each([
    ["members", 1],
    ["members", 2],
    ["members", 3],
    ["learners", 1],
    ["learners", 2],
    ["learners", 3],
  ] as Array<[MatchKind, number]>)("%s, synthetic set %i (300 × 300)", (kind, seed) => {
    const set = syntheticPeople({ kind, size: 300, pairedShare: 0.7, seed });
    const options: MatchOptions = { kind, suggestScore: 0.75, maxSuggestions: 3 };
    const blocked = resolveIdentities(set.left, set.right, options);
    const naive = resolveIdentitiesWith(set.left, set.right, options, everyPair);

    it("finds every true pair that scoring every pair finds", () => {
      const naiveFound = foundTruePairs(set, naive);
      expect(naiveFound.length).toBeGreaterThan(0.95 * set.truePairs.size);
      const blockedFound = new Set(foundTruePairs(set, blocked));
      expect(naiveFound.filter((p) => !blockedFound.has(p))).toEqual([]);
    });

    it("loses at most 2% of all suggestions, and only unlikely ones", () => {
      const kept = suggestedPairs(blocked);
      const all = suggestedPairs(naive);
      const lost = [...all].filter((p) => !kept.has(p));
      expect(lost.length).toBeLessThanOrEqual(0.02 * all.size);
    });

    it("scores under 1% of the pairs", () => {
      expect(naive.comparedPairs).toBe(naive.unlinkedLeft.length * naive.unlinkedRight.length);
      expect(blocked.comparedPairs).toBeLessThan(0.01 * naive.comparedPairs);
    });
  });
});

describe("blocking keys", () => {
  it("gives swapped readings to the left side only, so swapped pairs meet once", () => {
    const left = prepareRecord({ id: "m1", firstName: "Nguyen", lastName: "Thi" });
    const right = prepareRecord({ id: "c1", firstName: "Thi", lastName: "Nguyen" });
    const codes = new KeyCodes();
    const rightKeys = nameBlockingKeys(right, false, codes);
    expect(nameBlockingKeys(left, true, codes).filter((k) => rightKeys.includes(k)).length).toBeGreaterThan(0);
    expect(nameBlockingKeys(left, false, codes).filter((k) => rightKeys.includes(k))).toEqual([]);
  });

  it.each([
    ["Anthony", "Penton", "Tonny", "Penton"],
    ["Rebecca", "Rutstead", "Bcky", "Rutstead"],
    ["Richard", "Harris", "Dicck", "Harris"],
  ])("lets %s %s meet %s %s, a misspelled nickname the scorer reads as the name meant", (lf, ll, rf, rl) => {
    const left = prepareRecord({ id: "m1", firstName: lf, lastName: ll });
    const right = prepareRecord({ id: "c1", firstName: rf, lastName: rl });
    const codes = new KeyCodes();
    const rightKeys = nameBlockingKeys(right, false, codes);
    expect(nameBlockingKeys(left, true, codes).filter((k) => rightKeys.includes(k)).length).toBeGreaterThan(0);
    const result = resolveIdentities([left.source], [right.source], {
      kind: "members",
      suggestScore: 0.75,
      maxSuggestions: 3,
    });
    expect(result.suggestionsByLeft.get("m1")?.[0]?.reasons.join("; ")).toMatch(/misspelled/);
  });

  it("uses the fields each kind compares", () => {
    const p = prepareRecord({
      id: "x",
      firstName: "Ann",
      lastName: "Lee",
      email: "ann@x.org",
      birthDate: "2001-02-03",
    });
    expect(fieldKeys(p, "members")).not.toContain("2001-02-03");
    expect(fieldKeys(p, "members")).toContain("ann@x.org");
    expect(fieldKeys(p, "learners")).not.toContain("ann@x.org");
    expect(fieldKeys(p, "learners")).toContain("2001-02-03");
  });

  it("splits a name block too big to use whole by the other name, so a typo still meets and the rest is not scored", () => {
    const firsts = [
      "James",
      "John",
      "Joseph",
      "Jack",
      "Jason",
      "Jeffrey",
      "Jerry",
      "Jesse",
      "Joel",
      "Jordan",
      "Julian",
    ];
    const lasts = ["Smith", "Smyth", "Smithe"];
    const crowd = firsts.flatMap((f, i) => lasts.map((l, j) => ({ id: `c${i}-${j}`, firstName: f, lastName: l })));
    expect(crowd.length).toBeGreaterThan(MAX_BLOCK_SIZE);
    const result = resolveIdentities(
      [{ id: "m1", firstName: "Jennifer", lastName: "Smith" }],
      [...crowd, { id: "c-jen", firstName: "Jenifer", lastName: "Smith" }],
      { kind: "members", suggestScore: 0.75, maxSuggestions: 3 },
    );
    expect(result.suggestionsByLeft.get("m1")?.[0]?.rightId).toBe("c-jen");
    expect(result.comparedPairs).toBeLessThan(crowd.length / 2);
  });

  it("skips a block too big to mean anything, without losing pairs that meet elsewhere", () => {
    const normal = syntheticPeople({ kind: "learners", size: 300, pairedShare: 0.7, seed: 4 });
    const defaulted = {
      ...normal,
      left: normal.left.map((r) => ({ ...r, birthDate: "1900-01-01" })),
      right: normal.right.map((r) => ({ ...r, birthDate: "1900-01-01" })),
    };
    expect(defaulted.left.length).toBeGreaterThan(MAX_BLOCK_SIZE);
    const options: MatchOptions = { kind: "learners", suggestScore: 0.75, maxSuggestions: 3 };
    const before = resolveIdentities(normal.left, normal.right, options);
    const after = resolveIdentities(defaulted.left, defaulted.right, options);
    expect(after.comparedPairs).toBeLessThan(2 * before.comparedPairs);
    // Everyone now shares a birth date, which only adds evidence: whoever was found still is,
    // through name keys, though the birth-date block itself is skipped.
    const afterFound = new Set(foundTruePairs(defaulted, after));
    const beforeFound = foundTruePairs(normal, before);
    expect(beforeFound.length).toBeGreaterThan(0.95 * normal.truePairs.size);
    expect(beforeFound.filter((p) => !afterFound.has(p))).toEqual([]);
  });
});
