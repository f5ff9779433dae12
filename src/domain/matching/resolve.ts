import { countKeys, EXACT_REASONS, findExactPairs, LOOKS_CERTAIN, whyNotExact } from "./autoLink";
import { blockedCandidates, type CandidateSource } from "./blocking";
import { prepareRecord, type PreparedRecord } from "./prepare";
import { scorePrepared } from "./score";
import type { AutoLink, MatchOptions, MatchRecord, MatchResult, Suggestion } from "./types";

/** The key of a (Motivity id, Calmanac id) pair, e.g. for remembered "Not a match" answers. */
export function pairKey(leftId: string, rightId: string): string {
  return JSON.stringify([leftId, rightId]);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function topSuggestions(
  found: readonly Suggestion[],
  owner: (s: Suggestion) => string,
  other: (s: Suggestion) => string,
  max: number,
): Map<string, Suggestion[]> {
  const byOwner = new Map<string, Suggestion[]>();
  for (const s of found) {
    const list = byOwner.get(owner(s));
    if (list === undefined) byOwner.set(owner(s), [s]);
    else list.push(s);
  }
  for (const [id, list] of byOwner) {
    list.sort((a, b) => b.score - a.score || compareIds(other(a), other(b)));
    byOwner.set(id, list.slice(0, max));
  }
  return byOwner;
}

/**
 * Which records may still be linked: not linked on either side's say (Motivity stores the
 * link, so a Calmanac record counts as linked when a Motivity record points at it, even if
 * the caller did not mark it) and not ignored.
 */
function openFlags(
  records: readonly PreparedRecord[],
  linkedFromOtherSide: ReadonlySet<string>,
  ignored: ReadonlySet<string> | undefined,
): boolean[] {
  return records.map(
    ({ source }) => !source.linkedTo && !linkedFromOtherSide.has(source.id) && !ignored?.has(source.id),
  );
}

function linkTargets(records: readonly PreparedRecord[]): Set<string> {
  const ids = new Set<string>();
  for (const { source } of records) if (source.linkedTo) ids.add(source.linkedTo);
  return ids;
}

/** resolveIdentities with the candidate pairs coming from a given source (blocking, or every pair). */
export function resolveIdentitiesWith(
  leftRecords: readonly MatchRecord[],
  rightRecords: readonly MatchRecord[],
  options: MatchOptions,
  candidates: CandidateSource,
): MatchResult {
  const { kind } = options;
  const rejected = options.rejectedPairs;
  const left = leftRecords.filter((r) => !r.serviceAccount).map(prepareRecord);
  const right = rightRecords.filter((r) => !r.serviceAccount).map(prepareRecord);
  const openLeft = openFlags(left, linkTargets(right), options.ignoredLeft);
  const openRight = openFlags(right, linkTargets(left), options.ignoredRight);
  const idOf = (records: readonly PreparedRecord[], i: number): string => records[i]?.source.id ?? "";

  const exact = findExactPairs(
    left,
    right,
    kind,
    (li) => openLeft[li] === true,
    (ri) => openRight[ri] === true,
    (li, ri) => !rejected?.has(pairKey(idOf(left, li), idOf(right, ri))),
  );
  const autoLinks: AutoLink[] = exact.map(([li, ri]) => {
    openLeft[li] = false;
    openRight[ri] = false;
    return { leftId: idOf(left, li), rightId: idOf(right, ri), reasons: [...EXACT_REASONS[kind]] };
  });

  const pendingLeft = left.filter((_, i) => openLeft[i]);
  const pendingRight = right.filter((_, i) => openRight[i]);
  const found: Suggestion[] = [];
  const leftCounts = countKeys(left, kind);
  const rightCounts = countKeys(right, kind);
  let comparedPairs = 0;
  candidates(pendingLeft, pendingRight, kind, (li, ri) => {
    comparedPairs++;
    const l = pendingLeft[li];
    const r = pendingRight[ri];
    if (l === undefined || r === undefined) return;
    if (scorePrepared(l, r, kind, false).score < options.suggestScore) return;
    if (rejected?.has(pairKey(l.source.id, r.source.id))) return;
    const scored = scorePrepared(l, r, kind);
    const why =
      scored.score >= LOOKS_CERTAIN ? { notAutoLinked: whyNotExact(l, r, kind, leftCounts, rightCounts) } : {};
    found.push({ leftId: l.source.id, rightId: r.source.id, ...scored, ...why });
  });

  return {
    autoLinks,
    suggestionsByLeft: topSuggestions(
      found,
      (s) => s.leftId,
      (s) => s.rightId,
      options.maxSuggestions,
    ),
    suggestionsByRight: topSuggestions(
      found,
      (s) => s.rightId,
      (s) => s.leftId,
      options.maxSuggestions,
    ),
    unlinkedLeft: pendingLeft.map((p) => p.source.id),
    unlinkedRight: pendingRight.map((p) => p.source.id),
    comparedPairs,
  };
}

/**
 * Links Motivity records (left) to Calmanac records (right): certain pairs automatically,
 * likely ones as scored suggestions with reasons. Pure and deterministic; ties go by id.
 */
export function resolveIdentities(
  left: readonly MatchRecord[],
  right: readonly MatchRecord[],
  options: MatchOptions,
): MatchResult {
  return resolveIdentitiesWith(left, right, options, blockedCandidates);
}
