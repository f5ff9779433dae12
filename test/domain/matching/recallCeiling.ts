import { prepareRecords, type PreparedRecord } from "../../../src/domain/matching/prepare";
import type { MatchRecord } from "../../../src/domain/matching";

/**
 * What a Calmanac record's fields say toward one Motivity member, field by field, larger is
 * stronger. Members hold only email on both sides (Motivity has no phone, providers.md), but a
 * phone given on both sides counts too.
 */
interface FieldEvidence {
  /** 3 same address, 2 same address name at another domain, 1 nothing, 0 another mailbox at the same organization. */
  email: number;
  /** 1 same phone, 0 nothing. */
  phone: number;
}

function fieldEvidence(l: PreparedRecord, r: PreparedRecord): FieldEvidence {
  let email = 1;
  if (l.email !== null && r.email !== null) {
    if (l.email === r.email) email = 3;
    else if (l.emailLocal !== null && l.emailLocal === r.emailLocal) email = 2;
    else if (l.organization !== null && l.organization === r.organization) email = 0;
  }
  return { email, phone: l.phone !== null && l.phone === r.phone ? 1 : 0 };
}

/** -1 a is weaker, 0 the same, 1 stronger, null neither (stronger in one field, weaker in another). */
function compareEvidence(a: FieldEvidence, b: FieldEvidence): -1 | 0 | 1 | null {
  const signs = [Math.sign(a.email - b.email), Math.sign(a.phone - b.phone)];
  if (signs.every((s) => s === 0)) return 0;
  if (signs.every((s) => s >= 0)) return 1;
  if (signs.every((s) => s <= 0)) return -1;
  return null;
}

/**
 * The full name as written, accents, case, spacing, punctuation and suffixes aside (O'Brien /
 * O Brien / OBRIEN Jr.): the normalized words of each name, joined. First and last stay apart,
 * so swapped names differ.
 */
function nameKey(p: PreparedRecord): string {
  return `${p.first.joined}|${p.last.joined}`;
}

export interface PairCeiling {
  /** Other Calmanac records any matcher must rank above the partner. */
  ahead: number;
  /** Other Calmanac records nothing tells apart from the partner toward this member. */
  ties: number;
  /** The best chance any matcher showing `shown` suggestions has of showing the partner: 0..1. */
  reachable: number;
}

/**
 * How far a matcher that shows `shown` records per member can go on members data, whatever its
 * scoring: for each true pair, the best chance of the partner being among those shown, on the
 * evidence both systems hold (the name, and email and phone where both sides have them).
 *
 * Another Calmanac record counts against the partner only when no matcher could do otherwise:
 * - a tie: the partner's name, word for word, and the same field evidence toward the member
 *   (for a member with only a name and a work email, two namesakes with a free mail address
 *   or none, whatever their phones, which the member does not have);
 * - ahead: the partner's name with stronger field evidence (it shares the member's email name
 *   where the partner shares nothing), or the member's own name when the partner's differs
 *   (Alejandro for an Alex, a typo, swapped names) with field evidence at least as strong.
 * Names merely closer by some measure, and records stronger in one field but weaker in
 * another, are left out: ranking them is what scoring decides, so the ceiling stays an upper
 * bound that does not lean on our own score. With A ahead and T tied, a deterministic matcher
 * breaks the tie by something unrelated to the person (ids here), so it shows the partner with
 * probability max(0, min(1, (shown − A) / (T + 1))) on average over how ids fall.
 */
export function pairCeilings(
  leftRecords: readonly MatchRecord[],
  rightRecords: readonly MatchRecord[],
  truePairs: ReadonlyMap<string, string>,
  shown: number,
): Map<string, PairCeiling> {
  const left = new Map(prepareRecords(leftRecords).map((p) => [p.source.id, p]));
  const right = prepareRecords(rightRecords);
  const rightById = new Map(right.map((p) => [p.source.id, p]));
  const byName = new Map<string, PreparedRecord[]>();
  for (const r of right) {
    const key = nameKey(r);
    const list = byName.get(key);
    if (list === undefined) byName.set(key, [r]);
    else list.push(r);
  }

  const ceilings = new Map<string, PairCeiling>();
  for (const [leftId, rightId] of truePairs) {
    const l = left.get(leftId);
    const partner = rightById.get(rightId);
    if (l === undefined || partner === undefined) throw new Error(`true pair ${leftId} / ${rightId} not in the data`);
    const partnerKey = nameKey(partner);
    const partnerEvidence = fieldEvidence(l, partner);
    let ahead = 0;
    let ties = 0;
    for (const r of byName.get(partnerKey) ?? []) {
      if (r === partner) continue;
      const order = compareEvidence(fieldEvidence(l, r), partnerEvidence);
      if (order === 0) ties++;
      else if (order === 1) ahead++;
    }
    const memberKey = nameKey(l);
    if (memberKey !== partnerKey) {
      for (const r of byName.get(memberKey) ?? []) {
        const order = compareEvidence(fieldEvidence(l, r), partnerEvidence);
        if (order === 0 || order === 1) ahead++;
      }
    }
    ceilings.set(leftId, { ahead, ties, reachable: Math.max(0, Math.min(1, (shown - ahead) / (ties + 1))) });
  }
  return ceilings;
}
