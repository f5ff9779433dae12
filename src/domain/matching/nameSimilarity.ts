import { jaroWinkler } from "./jaroWinkler";
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

type Agreement = "equal" | "partly equal" | "partly similar" | "nickname" | "similar" | "different";

interface PartComparison {
  value: number;
  agreement: Agreement;
  /** The formal name two nicknames share. */
  formal?: string;
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
const REORDERED = 0.97;
const SWAPPED = 0.97;

const EQUAL: PartComparison = { value: 1, agreement: "equal" };

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

function compareFirst(a: PreparedName, b: PreparedName): PartComparison {
  if (a.joined === b.joined) return EQUAL;
  if (isPartOf(a.tokens, b.tokens) || a.tokens[0] === b.tokens[0])
    return { value: PART_OF_NAME, agreement: "partly equal" };
  const formal = a.formal.find((f) => b.formal.includes(f));
  if (formal !== undefined) return { value: NICKNAME, agreement: "nickname", formal };
  return fuzzy(jaroWinkler(a.joined, b.joined));
}

function compareLast(a: PreparedName, b: PreparedName): PartComparison {
  if (a.joined === b.joined) return EQUAL;
  if (isPartOf(a.tokens, b.tokens)) {
    // The first word is the family name in Spanish double names and in most records that drop one.
    return { value: a.tokens[0] === b.tokens[0] ? PART_OF_NAME : OTHER_PART_OF_NAME, agreement: "partly equal" };
  }
  const whole = fuzzy(jaroWinkler(a.joined, b.joined));
  if (a.tokens.length === 1 && b.tokens.length === 1) return whole;
  // Double last names: the shared word may be misspelled ("Garcia-Lopez" / "Garsia").
  let bestWord = 0;
  for (const ta of a.tokens) for (const tb of b.tokens) bestWord = Math.max(bestWord, jaroWinkler(ta, tb));
  const partly = fuzzy(bestWord, WORD_FLOOR, OTHER_PART_OF_NAME, "partly similar");
  return partly.value > whole.value ? partly : whole;
}

function phrase(label: string, part: PartComparison, aName: PreparedName, bName: PreparedName): string {
  const a = displayName(aName.raw);
  const b = displayName(bName.raw);
  const names = `(${a} / ${b})`;
  if (part.agreement === "equal") return `${label} equal`;
  if (part.agreement !== "nickname" || part.formal === undefined) return `${label} ${part.agreement} ${names}`;
  if (bName.tokens[0] === part.formal) return `${label} similar (nickname ${a} → ${b})`;
  if (aName.tokens[0] === part.formal) return `${label} similar (nickname ${b} → ${a})`;
  const formal = `${part.formal.charAt(0).toUpperCase()}${part.formal.slice(1)}`;
  return `${label} similar (both short for ${formal}) ${names}`;
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
