import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  pairKey,
  type MatchKind,
  type MatchOptions,
  type MatchRecord,
  type MatchResult,
} from "../../../src/domain/matching";
import type { CandidateSource } from "../../../src/domain/matching/blocking";
import { prepareRecord } from "../../../src/domain/matching/prepare";
import { resolveIdentities, resolveIdentitiesWith } from "../../../src/domain/matching/resolve";
import { scorePair, sharedFields } from "../../../src/domain/matching/score";

const MEMBERS: MatchOptions = { kind: "members", suggestScore: 0.75, maxSuggestions: 3 };

function rec(id: string, firstName: string, lastName: string, extra: Partial<MatchRecord> = {}): MatchRecord {
  return { id, firstName, lastName, ...extra };
}

describe("ties left out of the suggestions", () => {
  it("counts the namesakes that tie with the last one kept, not the ones set apart by a shared field", () => {
    const right = [
      rec("c1", "Mary", "Young"),
      rec("c2", "Mary", "Young"),
      rec("c3", "Mary", "Young"),
      rec("c4", "Mary", "Young"),
      rec("c5", "Mary", "Young"),
      rec("c6", "Mary", "Young", { phone: "555 010 2030" }),
    ];
    const result = resolveIdentities(
      [rec("m1", "Mary", "Young", { phone: "(555) 010-2030" }), rec("m2", "Mary", "Young")],
      right,
      MEMBERS,
    );
    // m1: c6 shares the phone, then c1 and c2 of five equal namesakes; c3, c4 and c5 are left out.
    expect(result.suggestionsByLeft.get("m1")?.map((s) => s.rightId)).toEqual(["c6", "c1", "c2"]);
    expect(result.tiedBeyondByLeft.get("m1")).toBe(3);
    // m2: the six tie (c6's phone is not m2's), three are left out.
    expect(result.tiedBeyondByLeft.get("m2")).toBe(3);
    // Each Calmanac record has both Marys, fewer than three: nothing left out.
    expect(result.tiedBeyondByRight.size).toBe(0);
  });

  it("says nothing when the ones left out score lower than the last one kept", () => {
    const right = [
      rec("c1", "Robert", "Miller"),
      rec("c2", "Robert", "Miller"),
      rec("c3", "Robert", "Miller"),
      rec("c4", "Robert", "Millar"),
      rec("c5", "Rob", "Miller"),
    ];
    const result = resolveIdentities([rec("m1", "Robert", "Miller")], right, MEMBERS);
    expect(result.suggestionsByLeft.get("m1")?.map((s) => s.rightId)).toEqual(["c1", "c2", "c3"]);
    expect(result.tiedBeyondByLeft.size).toBe(0);
  });

  const FIRST = ["Mary", "Marie", "Maria", "John", "Jon"];
  const LAST = ["Young", "Yung", "Nguyen"];
  const record = (prefix: string, kind: MatchKind) =>
    fc
      .record({
        first: fc.constantFrom(...FIRST),
        last: fc.constantFrom(...LAST),
        email: fc.constantFrom(null, null, null, "a@x.org", "b@x.org", "a@y.org"),
        phone: fc.constantFrom(null, null, "5550100001", "5550100002"),
        birthDate: fc.constantFrom(null, "2015-01-01", "2016-02-02"),
      })
      .map(
        (r) => (i: number) =>
          rec(
            `${prefix}${i}`,
            r.first,
            r.last,
            kind === "members" ? { email: r.email, phone: r.phone } : { birthDate: r.birthDate },
          ),
      );
  const side = (prefix: string, kind: MatchKind) =>
    fc.array(record(prefix, kind), { minLength: 1, maxLength: 14 }).map((makers) => makers.map((make, i) => make(i)));

  /** Every pair, in an order given by the test: the count must not depend on the order pairs come in. */
  const inOrder =
    (order: readonly number[]): CandidateSource =>
    (left, right, _kind, visit) => {
      const pairs = left.flatMap((_, li) => right.map((__, ri) => [li, ri] as const));
      const rank = (i: number) => order[i % order.length] ?? 0;
      const shuffled = pairs.map((p, i) => ({ p, k: rank(i) * pairs.length + i })).sort((a, b) => a.k - b.k);
      for (const { p } of shuffled) visit(p[0], p[1]);
      return [];
    };

  /** The same count by sorting every candidate: those past the top that rank equal to the last kept, id aside. */
  function bruteForce(
    result: MatchResult,
    own: readonly MatchRecord[],
    other: readonly MatchRecord[],
    options: MatchOptions,
    ownIsLeft: boolean,
  ): Map<string, number> {
    const open = new Set([...result.unlinkedLeft, ...result.unlinkedRight]);
    const counts = new Map<string, number>();
    for (const a of own.filter((r) => open.has(r.id))) {
      const ranked = other
        .filter((b) => open.has(b.id))
        .filter((b) => !options.rejectedPairs?.has(ownIsLeft ? pairKey(a.id, b.id) : pairKey(b.id, a.id)))
        .map((b) => {
          const [l, r] = ownIsLeft ? [a, b] : [b, a];
          const score = scorePair(l, r, options.kind).score;
          return { id: b.id, score, shared: sharedFields(prepareRecord(l), prepareRecord(r), options.kind) };
        })
        .filter((c) => c.score >= options.suggestScore)
        .sort((x, y) => y.score - x.score || y.shared - x.shared || (x.id < y.id ? -1 : 1));
      const last = ranked[options.maxSuggestions - 1];
      if (last === undefined) continue;
      const cut = ranked
        .slice(options.maxSuggestions)
        .filter((c) => c.score === last.score && c.shared === last.shared).length;
      if (cut > 0) counts.set(a.id, cut);
    }
    return counts;
  }

  it.each(["members", "learners"] as const)(
    "%s: equals sorting every candidate, whatever order the pairs come in",
    (kind) => {
      fc.assert(
        fc.property(
          side("m", kind),
          side("c", kind),
          fc.array(fc.nat(1000), { minLength: 1, maxLength: 50 }),
          fc.integer({ min: 1, max: 4 }),
          fc.array(fc.tuple(fc.nat(13), fc.nat(13)), { maxLength: 5 }),
          (left, right, order, maxSuggestions, rejections) => {
            const options: MatchOptions = {
              kind,
              suggestScore: 0.6,
              maxSuggestions,
              rejectedPairs: new Set(rejections.map(([l, r]) => pairKey(`m${l}`, `c${r}`))),
            };
            const result = resolveIdentitiesWith(left, right, options, inOrder(order));
            expect(result.tiedBeyondByLeft).toEqual(bruteForce(result, left, right, options, true));
            expect(result.tiedBeyondByRight).toEqual(bruteForce(result, right, left, options, false));
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
