import { countKeys, EXACT_REASONS, findExactPairs, LOOKS_CERTAIN, whyNotExact } from "./autoLink";
import { blockedCandidates, type CandidateSource } from "./blocking";
import { recordPreparer, type PreparedRecord } from "./prepare";
import { scorePrepared, sharedFields } from "./score";
import { SLICE, startsSlice } from "./slicing";
import type { AutoLink, MatchOptions, MatchRecord, MatchResult, Suggestion } from "./types";

/** The key of a (Motivity id, Calmanac id) pair, e.g. for remembered "Not a match" answers. */
export function pairKey(leftId: string, rightId: string): string {
  return JSON.stringify([leftId, rightId]);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Kept {
  other: number;
  otherId: string;
  score: number;
  /** sharedFields of the pair: breaks ties of score. */
  shared: number;
}

/**
 * The best `max` pairs of each record, kept while scoring: a payroll of 100,000 has hundreds of
 * thousands of pairs above the suggestion score (namesakes), and holding them all, with their
 * reasons, would cost more memory than the records themselves.
 */
class TopPairs {
  /** By owner index; an array rather than a map, as most owners of a large list have some. */
  private readonly kept: Array<Kept[] | undefined> = [];
  /**
   * Per owner with some, how many candidates were left out though they tie exactly (score and
   * shared fields) with its last one kept: among namesakes that only the id orders, the person
   * may be one of them, and the user should search rather than trust the list.
   */
  private readonly cutTies = new Map<number, number>();
  constructor(private readonly max: number) {}

  offer(owner: number, candidate: Kept): void {
    const list = this.kept[owner];
    if (list === undefined) {
      if (this.max > 0) this.kept[owner] = [candidate];
      return;
    }
    const worst = list[list.length - 1];
    if (list.length >= this.max && (worst === undefined || !isBetter(candidate, worst))) {
      if (worst !== undefined && sameRank(candidate, worst)) this.countCutTie(owner);
      return;
    }
    let at = list.length;
    while (at > 0 && isBetter(candidate, list[at - 1] as Kept)) at--;
    list.splice(at, 0, candidate);
    if (list.length <= this.max) return;
    const out = list.pop() as Kept;
    // Once the list is full its last one only gets better. When its rank changes, no candidate
    // of the new rank was ever left out (it would have ranked above the last one then), so the
    // count starts again; the one pushed out has the old rank.
    if (sameRank(out, list[list.length - 1] as Kept)) this.countCutTie(owner);
    else this.cutTies.delete(owner);
  }

  private countCutTie(owner: number): void {
    this.cutTies.set(owner, (this.cutTies.get(owner) ?? 0) + 1);
  }

  *entries(): IterableIterator<[number, Kept[]]> {
    for (let owner = 0; owner < this.kept.length; owner++) {
      const list = this.kept[owner];
      if (list !== undefined) yield [owner, list];
    }
  }

  cutTiesEntries(): IterableIterator<[number, number]> {
    return this.cutTies.entries();
  }
}

/** Equal but for the id: nothing the matcher knows tells the two apart. */
function sameRank(a: Kept, b: Kept): boolean {
  return a.score === b.score && a.shared === b.shared;
}

/**
 * Best first; ties by the fields shared, then by the other side's id, so that the result does
 * not depend on input order.
 */
function isBetter(a: Kept, b: Kept): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.shared !== b.shared) return a.shared > b.shared;
  return compareIds(a.otherId, b.otherId) < 0;
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
  const run = resolving(leftRecords, rightRecords, options, candidates);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/**
 * resolveIdentities in slices: the run pauses (yields) every few milliseconds of work, and its
 * return value is the result. A server matching 100,000 a side (several seconds) iterates it
 * with breaks for other requests, rather than holding its event loop that long.
 */
export function resolvingIdentities(
  left: readonly MatchRecord[],
  right: readonly MatchRecord[],
  options: MatchOptions,
): Generator<void, MatchResult> {
  return resolving(left, right, options, blockedCandidates);
}

function* preparedInSlices(records: readonly MatchRecord[]): Generator<void, PreparedRecord[]> {
  const prepare = recordPreparer();
  const prepared: PreparedRecord[] = [];
  for (let i = 0; i < records.length; i++) {
    if (startsSlice(i, SLICE.records)) yield;
    prepared.push(prepare(records[i] as MatchRecord));
  }
  yield;
  return prepared;
}

function* resolving(
  leftRecords: readonly MatchRecord[],
  rightRecords: readonly MatchRecord[],
  options: MatchOptions,
  candidates: CandidateSource,
): Generator<void, MatchResult> {
  const { kind } = options;
  const rejected = options.rejectedPairs;
  const left = yield* preparedInSlices(leftRecords.filter((r) => !r.serviceAccount));
  const right = yield* preparedInSlices(rightRecords.filter((r) => !r.serviceAccount));
  const leftCounts = yield* countKeys(left, kind);
  const rightCounts = yield* countKeys(right, kind);
  const openLeft = openFlags(left, linkTargets(right), options.ignoredLeft);
  const openRight = openFlags(right, linkTargets(left), options.ignoredRight);
  const idOf = (records: readonly PreparedRecord[], i: number): string => records[i]?.source.id ?? "";

  const exact = yield* findExactPairs(
    left,
    right,
    kind,
    { left: leftCounts, right: rightCounts },
    (li) => openLeft[li] === true,
    (ri) => openRight[ri] === true,
    (li, ri) => !rejected?.has(pairKey(idOf(left, li), idOf(right, ri))),
  );
  const autoLinks: AutoLink[] = exact.map(([li, ri]) => {
    openLeft[li] = false;
    openRight[ri] = false;
    return { leftId: idOf(left, li), rightId: idOf(right, ri), reasons: [...EXACT_REASONS[kind]] };
  });

  yield;
  const pendingLeft = left.filter((_, i) => openLeft[i]);
  const pendingRight = right.filter((_, i) => openRight[i]);
  const byLeft = new TopPairs(options.maxSuggestions);
  const byRight = new TopPairs(options.maxSuggestions);
  let comparedPairs = 0;
  yield* candidates(pendingLeft, pendingRight, kind, (li, ri) => {
    comparedPairs++;
    const l = pendingLeft[li];
    const r = pendingRight[ri];
    if (l === undefined || r === undefined) return;
    const { score } = scorePrepared(l, r, kind, false);
    if (score < options.suggestScore) return;
    if (rejected?.has(pairKey(l.source.id, r.source.id))) return;
    const shared = sharedFields(l, r, kind);
    byLeft.offer(li, { other: ri, otherId: r.source.id, score, shared });
    byRight.offer(ri, { other: li, otherId: l.source.id, score, shared });
  });

  // Reasons are put in words only for the pairs kept, each pair once (kept by both records
  // mostly); a pair's key is a number, as building and hashing a string per pair cost more.
  const worded = new Map<number, Suggestion>();
  const suggestion = (li: number, ri: number): Suggestion => {
    const l = pendingLeft[li] as PreparedRecord;
    const r = pendingRight[ri] as PreparedRecord;
    const key = li * pendingRight.length + ri;
    let s = worded.get(key);
    if (s === undefined) {
      const scored = scorePrepared(l, r, kind);
      const why =
        scored.score >= LOOKS_CERTAIN ? { notAutoLinked: whyNotExact(l, r, kind, leftCounts, rightCounts) } : {};
      s = { leftId: l.source.id, rightId: r.source.id, ...scored, ...why };
      worded.set(key, s);
    }
    return s;
  };
  const suggestionsByLeft = new Map<string, Suggestion[]>();
  for (const [li, kept] of byLeft.entries()) {
    if (startsSlice(suggestionsByLeft.size, SLICE.worded)) yield;
    suggestionsByLeft.set(
      idOf(pendingLeft, li),
      kept.map((k) => suggestion(li, k.other)),
    );
  }
  const suggestionsByRight = new Map<string, Suggestion[]>();
  for (const [ri, kept] of byRight.entries()) {
    if (startsSlice(suggestionsByRight.size, SLICE.worded)) yield;
    suggestionsByRight.set(
      idOf(pendingRight, ri),
      kept.map((k) => suggestion(k.other, ri)),
    );
  }

  const tiedBeyond = (pairs: TopPairs, pending: readonly PreparedRecord[]) =>
    new Map([...pairs.cutTiesEntries()].map(([i, n]) => [idOf(pending, i), n]));

  return {
    autoLinks,
    suggestionsByLeft,
    suggestionsByRight,
    tiedBeyondByLeft: tiedBeyond(byLeft, pendingLeft),
    tiedBeyondByRight: tiedBeyond(byRight, pendingRight),
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
