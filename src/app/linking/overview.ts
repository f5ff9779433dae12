import { resolvingIdentities, type MatchResult, type Suggestion } from "../../domain/matching";
import { runInSlices } from "../slices";
import { fullName, personRef, type SideRecord, type Snapshot } from "./snapshot";
import type { IgnoredRecord, LinkedPair, LinkingOverview, RejectedPair, Side, UnlinkedRow } from "./types";

export interface MatchSettings {
  suggestScore: number;
  maxSuggestions: number;
}

/**
 * The matching engine over a snapshot; `skip` adds pairs to leave out for this run only. It
 * runs in slices: 100,000 a side takes seconds, during which the app still answers.
 */
export function resolveSnapshot(
  snapshot: Snapshot,
  settings: MatchSettings,
  skip?: ReadonlySet<string>,
): Promise<MatchResult> {
  const run = resolvingIdentities([...snapshot.motivity.values()], [...snapshot.calmanac.values()], {
    kind: snapshot.kind,
    suggestScore: settings.suggestScore,
    maxSuggestions: settings.maxSuggestions,
    ignoredLeft: snapshot.ignored.motivity,
    ignoredRight: snapshot.ignored.calmanac,
    rejectedPairs: new Set([...snapshot.rejected.keys(), ...(skip ?? [])]),
  });
  return runInSlices(run);
}

const collator = new Intl.Collator("en", { sensitivity: "base" });
const byName = (a: SideRecord, b: SideRecord) =>
  collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName) || (a.id < b.id ? -1 : 1);

function rows(
  ids: readonly string[],
  own: Map<string, SideRecord>,
  other: Map<string, SideRecord>,
  suggestions: Map<string, Suggestion[]>,
  tiedBeyond: Map<string, number>,
  otherId: (s: Suggestion) => string,
): UnlinkedRow[] {
  const records = ids.map((id) => own.get(id)).filter((r): r is SideRecord => r !== undefined);
  const best = (r: SideRecord) => suggestions.get(r.id)?.[0]?.score ?? 0;
  // Rows with a likely match first, the likeliest on top: those are the quick decisions.
  records.sort((a, b) => best(b) - best(a) || byName(a, b));
  return records.map((record) => {
    const tied = tiedBeyond.get(record.id);
    return {
      person: personRef(record),
      candidates: (suggestions.get(record.id) ?? []).flatMap((s) => {
        const match = other.get(otherId(s));
        if (!match) return [];
        const why = s.notAutoLinked === undefined ? {} : { notAutoLinked: s.notAutoLinked };
        return [{ person: personRef(match), score: s.score, reasons: s.reasons, ...why }];
      }),
      ...(tied === undefined ? {} : { tiedBeyond: tied }),
    };
  });
}

function linkedPairs(snapshot: Snapshot): LinkedPair[] {
  return [...snapshot.motivity.values()]
    .filter((m) => m.linkedTo && !m.serviceAccount)
    .sort(byName)
    .map((m) => {
      const calmanacId = m.linkedTo ?? "";
      const calmanac = snapshot.calmanac.get(calmanacId);
      return { motivity: personRef(m), calmanacId, calmanac: calmanac ? personRef(calmanac) : null };
    });
}

function ignoredRecords(snapshot: Snapshot): IgnoredRecord[] {
  return (["motivity", "calmanac"] as const satisfies readonly Side[]).flatMap((side) =>
    [...snapshot.ignored[side]]
      .map((id) => snapshot[side].get(id))
      .filter((r): r is SideRecord => r !== undefined)
      .sort(byName)
      .map((r) => ({ side, person: personRef(r) })),
  );
}

function rejectedPairs(snapshot: Snapshot): RejectedPair[] {
  const pairs: RejectedPair[] = [];
  for (const { motivityId, calmanacId, decidedAt } of snapshot.rejected.values()) {
    const motivity = snapshot.motivity.get(motivityId);
    const calmanac = snapshot.calmanac.get(calmanacId);
    if (motivity && calmanac && decidedAt !== null) {
      pairs.push({ motivity: personRef(motivity), calmanac: personRef(calmanac), decidedAt });
    }
  }
  return pairs.sort((a, b) => (a.decidedAt < b.decidedAt ? 1 : a.decidedAt > b.decidedAt ? -1 : 0));
}

/** Every suggested pair of a result, once: the top ones of each Motivity and each Calmanac record. */
export function suggestedPairs(result: MatchResult): Suggestion[] {
  const seen = new Map<string, Suggestion>();
  for (const map of [result.suggestionsByLeft, result.suggestionsByRight]) {
    for (const list of map.values()) for (const s of list) seen.set(`${s.leftId}\u0000${s.rightId}`, s);
  }
  return [...seen.values()];
}

export function buildOverview(
  snapshot: Snapshot,
  result: MatchResult,
  run: Pick<
    LinkingOverview,
    "canManage" | "autoLinked" | "autoLinkedAt" | "autoLinkSkipped" | "exactMatchesWaiting" | "sandboxVendors"
  >,
): LinkingOverview {
  return {
    kind: snapshot.kind,
    ...run,
    notLinkedInMotivity: rows(
      result.unlinkedLeft,
      snapshot.motivity,
      snapshot.calmanac,
      result.suggestionsByLeft,
      result.tiedBeyondByLeft,
      (s) => s.rightId,
    ),
    notLinkedInCalmanac: rows(
      result.unlinkedRight,
      snapshot.calmanac,
      snapshot.motivity,
      result.suggestionsByRight,
      result.tiedBeyondByRight,
      (s) => s.leftId,
    ),
    linked: linkedPairs(snapshot),
    ignored: ignoredRecords(snapshot),
    rejected: rejectedPairs(snapshot),
    serviceAccounts: [...snapshot.motivity.values()]
      .filter((m) => m.serviceAccount)
      .sort(byName)
      .map(fullName),
  };
}
