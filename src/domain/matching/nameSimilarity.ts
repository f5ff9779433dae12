import { jaroWinkler } from "./jaroWinkler";
import { canonicalFirstNames, isKnownFirstName, knownFirstNames } from "./nicknames";
import { displayName } from "./normalize";
import type { PreparedName, PreparedRecord } from "./prepare";

export interface NameComparison {
  /** 0..1 */
  score: number;
  /** One phrase for a Slack user, e.g. "last name equal, first name similar (nickname Bob → Robert)"; "" unless asked for. */
  reason: string;
  /** Neither the first nor the last name is worded "different" (each is equal, part, nickname or similar). */
  agree: boolean;
}

type Agreement = "equal" | "partly equal" | "partly similar" | "nickname" | "misspelled" | "similar" | "different";

export interface PartComparison {
  value: number;
  agreement: Agreement;
  /** The formal name two nicknames share. */
  formal?: string;
  /** The known name a misspelled first name stands for. */
  meant?: string;
}

/**
 * Jaro-Winkler is lenient on short names (John / Jane scores 0.70), so similarity below the
 * floor counts as no agreement at all and the rest is stretched to 0..1.
 */
const SIMILARITY_FLOOR = 0.7;
/**
 * One word of a double last name against one word of the other: only a near miss counts
 * (Morales / Mroales), as different families share endings (Hernández / Fernández).
 */
const WORD_FLOOR = 0.85;
/** Below this a name is worded "different" rather than "similar". */
const SIMILAR_WORDING = 0.85;
const FIRST_WEIGHT = 0.45;
const LAST_WEIGHT = 0.55;
const PART_OF_NAME = 0.9;
const OTHER_PART_OF_NAME = 0.85;
const NICKNAME = 0.95;
/** A nickname or formal name with a slip (Tonyy, Bteh for Beth): a person still reads it, less surely. */
const MISSPELLED = 0.8;
/**
 * A last name with one slip (isSlipInName), whatever its similarity; 0.85 of it for one word of
 * a double last name, 0.9 of it for a short word of a first name of several.
 */
const SLIP_IN_NAME = 0.65;
/** Shorter names have too many one-letter neighbours (Jan / Jon) to be read as misspelled. */
const MISSPELLED_MIN_LENGTH = 4;
const REORDERED = 0.97;
const SWAPPED = 0.97;

const EQUAL: PartComparison = { value: 1, agreement: "equal" };

/** Where two words differ when one slip apart (a letter changed, added, dropped or two neighbours swapped), else null. */
export function slipSpan(a: string, b: string): { endA: number; endB: number } | null {
  if (Math.abs(a.length - b.length) > 1 || a === b) return null;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const [da, db] = [endA - start, endB - start];
  if (da <= 1 && db <= 1) return { endA, endB };
  return da === 2 && db === 2 && a[start] === b[start + 1] && a[start + 1] === b[start] ? { endA, endB } : null;
}

/** One slip anywhere in the word: a typo (Mary / Maey, Jos / José), or a sibling's name (Mark / Mary). */
export function isOneSlipApart(a: string, b: string): boolean {
  return slipSpan(a, b) !== null;
}

/**
 * One slip of the pen, or a nickname written with one (Rixk for Rick, so Richard): the first
 * names a person reads as one when the same mailbox stands behind them. Relatives' names are
 * known names, which are never read as misspelled.
 */
export function isSlipOrMisspelledNickname(a: string, b: string): boolean {
  if (isOneSlipApart(a, b)) return true;
  // A known name equal to the other is one slip from the written one: isOneSlipApart took it.
  const misspells = (written: string, other: string) =>
    meantName(written, { joined: other, formal: canonicalFirstNames(other) }) !== undefined;
  return misspells(a, b) || misspells(b, a);
}

/** Known names (the nickname table's) of MISSPELLED_MIN_LENGTH letters or more, by first letter. */
const knownByInitial: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const name of knownFirstNames()) {
    if (name.length < MISSPELLED_MIN_LENGTH) continue;
    const list = map.get(name.charAt(0)) ?? [];
    list.push(name);
    map.set(name.charAt(0), list);
  }
  return map;
})();

/**
 * The known names a first name is one slip from, the first letter kept (people rarely miss
 * it); none when the name is itself known or short. Scoring asks this for the same few
 * thousand names over and over, so answers are kept, up to a bound a payroll's names stay under.
 */
const misspellings = new Map<string, readonly string[]>();
const MISSPELLINGS_KEPT = 50_000;
export function knownNamesOneSlipFrom(name: string): readonly string[] {
  let known = misspellings.get(name);
  if (known === undefined) {
    known =
      name.length < MISSPELLED_MIN_LENGTH || isKnownFirstName(name)
        ? []
        : (knownByInitial.get(name.charAt(0)) ?? []).filter((k) => isOneSlipApart(name, k));
    if (misspellings.size >= MISSPELLINGS_KEPT) misspellings.clear();
    misspellings.set(name, known);
  }
  return known;
}

/**
 * The known name `written` misspells that stands for one of `other`'s formal names, other than
 * `other` itself: a slip in the same name is for the similarity to weigh (Jonathan / Johnathan).
 */
function misspelledFor(written: PreparedName, other: PreparedName): string | undefined {
  return written.tokens.length === 1 ? meantName(written.joined, other) : undefined;
}

function meantName(written: string, other: Pick<PreparedName, "joined" | "formal">): string | undefined {
  return knownNamesOneSlipFrom(written).find(
    (k) => k !== other.joined && canonicalFirstNames(k).some((f) => other.formal.includes(f)),
  );
}

function fuzzy(
  similarity: number,
  floor = SIMILARITY_FLOOR,
  weight = 1,
  similarWording: Agreement = "similar",
): PartComparison {
  return {
    value: weight * Math.max(0, (similarity - floor) / (1 - floor)),
    agreement: similarity >= SIMILAR_WORDING ? similarWording : "different",
  };
}

/** Every word of the shorter name appears in the longer one ("García López" / "Garcia"). */
function isPartOf(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length > 0 && short.length < long.length && short.every((t) => long.includes(t));
}

/**
 * One word of a first name read as another: the same, a nickname of it, or one slip from it
 * (in a second word, the first letter too: Đức Diệp / Đức iDệp).
 */
function sameWord(a: string, b: string): boolean {
  if (a === b || (Math.max(a.length, b.length) >= 4 && isOneSlipApart(a, b))) return true;
  const formal = canonicalFirstNames(b);
  return canonicalFirstNames(a).some((f) => formal.includes(f));
}

/**
 * Two first names of several words each, neither holding the other (Vietnamese middle and
 * given names, Mary Jane / Mary Ann): one name when every word of the shorter reads as a word
 * of the longer, in any order. A shared word alone says little: Thị and Văn are borne by half
 * of the people, so Thị Nga / Thi Ngoc is two people, and only a near miss of the other words counts.
 */
function compareGivenNames(a: PreparedName, b: PreparedName): PartComparison {
  const [short, long] = a.tokens.length <= b.tokens.length ? [a.tokens, b.tokens] : [b.tokens, a.tokens];
  const unused = [...long];
  const unpaired: string[] = [];
  for (const word of short) {
    const at = unused.findIndex((other) => sameWord(word, other));
    if (at >= 0) unused.splice(at, 1);
    else unpaired.push(word);
  }
  if (unpaired.length === 0) {
    return { value: PART_OF_NAME, agreement: a.tokens[0] === b.tokens[0] ? "partly equal" : "similar" };
  }
  // Short words one slip apart (Văn Nam / Văn Nzm) may be a typo or two people (Minh Lan / Minh Lam): some doubt.
  if (unpaired.every((word) => unused.some((other) => isOneSlipApart(word, other)))) {
    return { value: PART_OF_NAME * SLIP_IN_NAME, agreement: "partly similar" };
  }
  let best = 0;
  for (const word of unpaired) for (const other of unused) best = Math.max(best, jaroWinkler(word, other));
  return fuzzy(best, WORD_FLOOR, PART_OF_NAME, "partly similar");
}

function compareFirstAnew(a: PreparedName, b: PreparedName): PartComparison {
  if (a.joined === b.joined) return EQUAL;
  if (isPartOf(a.tokens, b.tokens)) return { value: PART_OF_NAME, agreement: "partly equal" };
  if (a.tokens.length > 1 && b.tokens.length > 1) return compareGivenNames(a, b);
  const formal = a.formal.find((f) => b.formal.includes(f));
  if (formal !== undefined) return { value: NICKNAME, agreement: "nickname", formal };
  const similar = fuzzy(jaroWinkler(a.joined, b.joined));
  if (similar.value >= MISSPELLED) return similar;
  const meant = misspelledFor(b, a) ?? misspelledFor(a, b);
  return meant === undefined ? similar : { value: MISSPELLED, agreement: "misspelled", meant };
}

/**
 * One slip in a name of four letters or more, its first letter kept (Parker / Paeker,
 * Hunt / Hint, Lara / Lra): a typo to a person, though the similarity of short names falls
 * low. Three-letter names have too many neighbours (Lee / Lew).
 */
function isSlipInName(a: string, b: string): boolean {
  return Math.max(a.length, b.length) >= 4 && a.charAt(0) === b.charAt(0) && isOneSlipApart(a, b);
}

function compareLastAnew(a: PreparedName, b: PreparedName): PartComparison {
  if (a.joined === b.joined) return EQUAL;
  if (isPartOf(a.tokens, b.tokens)) {
    // The first word is the family name in Spanish double names and in most records that drop one.
    return { value: a.tokens[0] === b.tokens[0] ? PART_OF_NAME : OTHER_PART_OF_NAME, agreement: "partly equal" };
  }
  let whole = fuzzy(jaroWinkler(a.joined, b.joined));
  if (whole.value < SLIP_IN_NAME && isSlipInName(a.joined, b.joined)) {
    whole = { value: SLIP_IN_NAME, agreement: "similar" };
  }
  if (a.tokens.length === 1 && b.tokens.length === 1) return whole;
  // Double last names: the shared word may be misspelled ("Garcia-Lopez" / "Garsia").
  let bestWord = 0;
  let slipInWord = false;
  for (const ta of a.tokens) {
    for (const tb of b.tokens) {
      bestWord = Math.max(bestWord, jaroWinkler(ta, tb));
      slipInWord ||= isSlipInName(ta, tb);
    }
  }
  let partly = fuzzy(bestWord, WORD_FLOOR, OTHER_PART_OF_NAME, "partly similar");
  if (slipInWord && partly.value < OTHER_PART_OF_NAME * SLIP_IN_NAME) {
    partly = { value: OTHER_PART_OF_NAME * SLIP_IN_NAME, agreement: "partly similar" };
  }
  return partly.value > whole.value ? partly : whole;
}

/** A comparison of two names kept on the first, so that a run compares them once (see PreparedName). */
function remembered(
  kept: Map<PreparedName, PartComparison>,
  a: PreparedName,
  b: PreparedName,
  compare: (a: PreparedName, b: PreparedName) => PartComparison,
): PartComparison {
  let part = kept.get(b);
  if (part === undefined) {
    part = compare(a, b);
    kept.set(b, part);
  }
  return part;
}

const compareFirst = (a: PreparedName, b: PreparedName) => remembered(a.comparedAsFirst, a, b, compareFirstAnew);
const compareLast = (a: PreparedName, b: PreparedName) => remembered(a.comparedAsLast, a, b, compareLastAnew);

function capitalized(name: string): string {
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

function phrase(label: string, part: PartComparison, aName: PreparedName, bName: PreparedName): string {
  const a = displayName(aName.raw);
  const b = displayName(bName.raw);
  const names = `(${a} / ${b})`;
  if (part.agreement === "equal") return `${label} equal`;
  if (part.agreement === "misspelled" && part.meant !== undefined)
    return `${label} similar (misspelled ${capitalized(part.meant)}?) ${names}`;
  if (part.agreement !== "nickname" || part.formal === undefined) return `${label} ${part.agreement} ${names}`;
  if (bName.tokens[0] === part.formal) return `${label} similar (nickname ${a} → ${b})`;
  if (aName.tokens[0] === part.formal) return `${label} similar (nickname ${b} → ${a})`;
  return `${label} similar (both short for ${capitalized(part.formal)}) ${names}`;
}

function orient(
  aFirst: PreparedName,
  aLast: PreparedName,
  bFirst: PreparedName,
  bLast: PreparedName,
  explain: boolean,
): NameComparison {
  const first = compareFirst(aFirst, bFirst);
  const last = compareLast(aLast, bLast);
  if (first === EQUAL && last === EQUAL)
    return { score: 1, reason: explain ? "same first and last name" : "", agree: true };
  return {
    score: FIRST_WEIGHT * first.value + LAST_WEIGHT * last.value,
    reason: explain ? `${phrase("last name", last, aLast, bLast)}, ${phrase("first name", first, aFirst, bFirst)}` : "",
    agree: first.agreement !== "different" && last.agreement !== "different",
  };
}

/**
 * How alike two people's names are, trying them as written, swapped, and re-split. The
 * reason is only worded when explain is set: scoring runs on many more pairs than are shown.
 */
export function compareNames(a: PreparedRecord, b: PreparedRecord, explain: boolean): NameComparison {
  const straight = orient(a.first, a.last, b.first, b.last, explain);
  if (straight.score === 1) return straight;

  let best = straight;
  if (a.wordsKey === b.wordsKey && a.wordsKey !== "" && REORDERED > best.score) {
    const swapped = a.first.joined === b.last.joined && a.last.joined === b.first.joined;
    const reason = swapped
      ? "same names, first and last swapped"
      : "same names, split differently between first and last name";
    best = { score: REORDERED, reason: explain ? reason : "", agree: true };
  }
  // Most pairs are not swapped: when the last name against the other's first name cannot
  // lift the swapped reading above the best so far, skip the rest of it (same result, less work).
  const crossedLast = compareLast(a.last, b.first);
  if (SWAPPED * (FIRST_WEIGHT + LAST_WEIGHT * crossedLast.value) <= best.score) return best;
  const crossed = orient(a.first, a.last, b.last, b.first, explain);
  if (SWAPPED * crossed.score > best.score) {
    best = {
      score: SWAPPED * crossed.score,
      reason: explain ? `first and last names swapped: ${crossed.reason}` : "",
      agree: crossed.agree,
    };
  }
  return best;
}
