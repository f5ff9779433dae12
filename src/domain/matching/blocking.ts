import { knownNamesOneSlipFrom } from "./nameSimilarity";
import { canonicalFirstNames } from "./nicknames";
import { phoneticKey } from "./phonetic";
import type { PreparedName, PreparedRecord } from "./prepare";
import { SLICE, startsSlice } from "./slicing";
import { COMPARED_FIELDS } from "./score";
import type { MatchKind } from "./types";

/**
 * A block of more records than this on either side would make the work quadratic again as
 * the lists grow (a payroll of 100,000 holds hundreds of John S.), so it bounds the pairs
 * scored per record whatever the size of the lists. A name block that big is split by a
 * second key taken from the other name (see subKeysOf), so its pairs still meet in a block of
 * their own size; a block of another kind (an agency full of one birth date, a
 * shared office@ mailbox) or a sub-block still too big says little about identity and is
 * skipped like a stop word, its pairs meeting through their other, narrower keys.
 */
export const MAX_BLOCK_SIZE = 20;

/**
 * Calls visit(leftIndex, rightIndex) once for each pair worth scoring, as it is iterated. It
 * pauses (yields) between slices of the work, so that a caller in a server can let other
 * requests through while a large list is matched; iterating it to the end does it all at once.
 */
export type CandidateSource = (
  left: readonly PreparedRecord[],
  right: readonly PreparedRecord[],
  kind: MatchKind,
  visit: (leftIndex: number, rightIndex: number) => void,
) => Iterable<void>;

/**
 * Name keys are numbers: a kind of key and the ids of two strings. Building a string per key,
 * sub-key and record, and hashing each in maps of hundreds of thousands of keys, took about a
 * quarter of the blocking time at 100,000 a side; a name's parts get their ids once per name
 * as written, which payrolls repeat a lot. Ids stay below 2^24 (16 million distinct strings,
 * far more than two lists hold) so that a key stays an exact integer.
 */
const ID_SPAN = 2 ** 24;
const enum KeyKind {
  /** Sound of a last-name word + first initial. */
  Sound = 1,
  /** Last name's first four letters + first initial. */
  Prefix,
  /** First name (formal) + last-name initial. */
  First,
  /** First name (formal) + last three letters of the last name. */
  Tail,
}
const key = (kind: KeyKind, a: number, b: number) => (kind * ID_SPAN + a) * ID_SPAN + b;
const kindOf = (k: number) => Math.floor(k / (ID_SPAN * ID_SPAN)) as KeyKind;
/** Keys holding the last name (sound, first letters), split by the first name; the others hold the first name. */
const holdsLastName = (k: number) => kindOf(k) <= KeyKind.Prefix;

/** The ids of one name's parts, for the keys that hold it as a first or as a last name. */
interface NameCodes {
  empty: boolean;
  /** As a last name: sounds of the whole and of each word of a double name. */
  sounds: number[];
  prefix: number;
  suffix: number;
  initial: number;
  /** As a first name: the formal names it may stand for, and their initials. */
  formal: number[];
  formalInitials: number[];
  /** Sub-keys in a block holding the other name: see subKeysOf. */
  subsAsFirst: number[];
  subsAsLast: number[];
}

/** Sub-key markers, so that "jo" as first two letters and as last two letters differ. */
const WHOLE = 0;
const HEAD = 1;
const END = 2;
const subKey = (marker: number, id: number) => marker * ID_SPAN + id;

/** Ids of the strings and phonetic keys seen in one run: payrolls repeat names a lot. */
export class KeyCodes {
  private readonly ids = new Map<string, number>();
  private readonly sounds = new Map<string, number>();
  private readonly names = new Map<PreparedName, NameCodes>();

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      if (id >= ID_SPAN) throw new Error("too many distinct names to block");
      this.ids.set(s, id);
    }
    return id;
  }

  private sound(name: string): number {
    let id = this.sounds.get(name);
    if (id === undefined) {
      id = this.id(phoneticKey(name));
      this.sounds.set(name, id);
    }
    return id;
  }

  name(n: PreparedName): NameCodes {
    let codes = this.names.get(n);
    if (codes === undefined) {
      codes = this.encode(n);
      this.names.set(n, codes);
    }
    return codes;
  }

  /**
   * Sub-keys, each from the other name than the one the block's key holds in full, so that
   * one typo in it still leaves one sub-key in common: a last-name key is split by the first
   * name's formal names (nicknames), first two and last two letters; a first-name key by the
   * last name's sound, first two and last two letters.
   */
  private encode(n: PreparedName): NameCodes {
    const j = n.joined;
    const forms = n.tokens.length > 1 ? [j, ...n.tokens] : [j];
    const formal = [...new Set([...n.formal, ...meantFormalNames(n)])].map((f) => this.id(f));
    const head = subKey(HEAD, this.id(j.slice(0, 2)));
    const end = subKey(END, this.id(j.slice(-2)));
    return {
      empty: j === "",
      sounds: [...new Set(forms.map((f) => this.sound(f)))],
      prefix: this.id(j.slice(0, 4)),
      suffix: this.id(j.slice(-3)),
      initial: this.id(j.charAt(0)),
      formal,
      formalInitials: [...new Set(n.formal.map((f) => this.id(f.charAt(0))))],
      subsAsFirst: [...formal.map((f) => subKey(WHOLE, f)), head, end],
      subsAsLast: [subKey(WHOLE, this.sound(j)), head, end],
    };
  }
}

/**
 * The formal names of the known names a first name misspells (Tonny for Tony, so Anthony):
 * the scorer reads them as the name meant (misspelledFor), so blocking must let them meet.
 */
function meantFormalNames(n: PreparedName): string[] {
  if (n.tokens.length !== 1) return [];
  return knownNamesOneSlipFrom(n.joined).flatMap(canonicalFirstNames);
}

function addOnce(into: number[], k: number): void {
  if (!into.includes(k)) into.push(k);
}

/**
 * Name keys, each surviving other variations, so that a pair with a typo in each name still
 * shares one. The first name enters as each name it may stand for (its words and the formal
 * names of a nickname) or as their initials:
 * - sound of each last-name word + first initial (typos that keep the sound, double last names);
 * - first name + last-name initial (any typo in the last name but its first letter);
 * - last name's first four letters + first initial (typos late in the last name);
 * - first name + last three letters of the last name (a wrong first letter).
 * Swapped readings get the first two only: a swap is a layout slip, rarely on top of typos.
 */
function nameKeys(first: NameCodes, last: NameCodes, into: number[], swapped: boolean): void {
  if (first.empty || last.empty) return;
  for (const initial of first.formalInitials) {
    for (const sound of last.sounds) addOnce(into, key(KeyKind.Sound, sound, initial));
    if (!swapped) addOnce(into, key(KeyKind.Prefix, last.prefix, initial));
  }
  for (const formal of first.formal) {
    addOnce(into, key(KeyKind.First, formal, last.initial));
    if (!swapped) addOnce(into, key(KeyKind.Tail, formal, last.suffix));
  }
}

/** The fields whose value is a key of its own: a block of the records holding the same value. */
const FIELD_KEYS = ["email", "emailLocal", "phone", "birthDate"] as const;

/** The value of each field of FIELD_KEYS a record holds and its kind compares, else null. */
export function fieldKeys(p: PreparedRecord, kind: MatchKind): Array<string | null> {
  const fields = COMPARED_FIELDS[kind];
  return [
    fields.email ? p.email : null,
    fields.email ? p.emailLocal : null,
    fields.phone ? p.phone : null,
    fields.birthDate ? p.birthDate : null,
  ];
}

/**
 * The name keys of one record, into a list emptied first. Only one side needs the swapped
 * reading of its names for swapped pairs to share a key, so the left side adds it.
 */
export function nameBlockingKeys(
  p: PreparedRecord,
  withSwapped: boolean,
  codes: KeyCodes,
  into: number[] = [],
): number[] {
  into.length = 0;
  const first = codes.name(p.first);
  const last = codes.name(p.last);
  nameKeys(first, last, into, false);
  if (withSwapped) nameKeys(last, first, into, true);
  return into;
}

/** The sub-keys of a record's names in a split block (first holds the other name than the block's key). */
function subKeysOf(first: NameCodes, last: NameCodes, blockKey: number): readonly number[] {
  if (first.empty || last.empty) return [];
  return holdsLastName(blockKey) ? first.subsAsFirst : last.subsAsLast;
}

interface Block {
  /** A name key (split when oversized), or null for a field's block. */
  key: number | null;
  right: number[];
  leftCount: number;
  /** Sub-blocks of a name block over MAX_BLOCK_SIZE, by sub-key: right indices. */
  split?: Map<number, number[]>;
}

const isOversized = (block: Block) => block.right.length > MAX_BLOCK_SIZE || block.leftCount > MAX_BLOCK_SIZE;

/**
 * Candidate pairs: records that share a blocking key of a block not over the cap, or, in a
 * name block over it, a sub-key of a sub-block not over it (both readings of the names on
 * the left side).
 */
export const blockedCandidates: CandidateSource = function* (left, right, kind, visit) {
  const codes = new KeyCodes();
  const blocks = new Map<number, Block>();
  // Field values are keys as they are, each field in a map of its own: a string hashes once.
  const fieldBlocks = FIELD_KEYS.map(() => new Map<string, Block>());
  const keys: number[] = [];
  for (let ri = 0; ri < right.length; ri++) {
    if (startsSlice(ri, SLICE.records)) yield;
    const r = right[ri] as PreparedRecord;
    fieldKeys(r, kind).forEach((value, field) => {
      if (value === null) return;
      const byValue = fieldBlocks[field] as Map<string, Block>;
      const block = byValue.get(value);
      if (block === undefined) byValue.set(value, { key: null, right: [ri], leftCount: 0 });
      else block.right.push(ri);
    });
    for (const k of nameBlockingKeys(r, false, codes, keys)) {
      const block = blocks.get(k);
      if (block === undefined) blocks.set(k, { key: k, right: [ri], leftCount: 0 });
      else block.right.push(ri);
    }
  }
  yield;
  // Keys no right record has are dropped here, so each left key costs one lookup; the blocks
  // of left record li are shared[starts[li]] up to starts[li + 1].
  const shared: Block[] = [];
  const starts = new Int32Array(left.length + 1);
  const share = (block: Block | undefined) => {
    if (block === undefined) return;
    block.leftCount++;
    shared.push(block);
  };
  for (let li = 0; li < left.length; li++) {
    if (startsSlice(li, SLICE.records)) yield;
    const l = left[li] as PreparedRecord;
    fieldKeys(l, kind).forEach((value, field) => {
      if (value !== null) share(fieldBlocks[field]?.get(value));
    });
    for (const k of nameBlockingKeys(l, true, codes, keys)) share(blocks.get(k));
    starts[li + 1] = shared.length;
  }
  yield;

  const seenBy = new Int32Array(right.length).fill(-1);
  const visitAll = (li: number, indices: readonly number[]) => {
    for (const ri of indices) {
      if (seenBy[ri] === li) continue;
      seenBy[ri] = li;
      visit(li, ri);
    }
  };
  for (let li = 0; li < left.length; li++) {
    if (startsSlice(li, SLICE.scored)) yield;
    const l = left[li] as PreparedRecord;
    const first = codes.name(l.first);
    const last = codes.name(l.last);
    for (let b = starts[li] as number; b < (starts[li + 1] as number); b++) {
      const block = shared[b] as Block;
      if (!isOversized(block)) {
        visitAll(li, block.right);
        continue;
      }
      if (block.key === null) continue;
      block.split ??= splitBlock(block.key, block.right, right, codes);
      for (const sub of subKeysOf(first, last, block.key)) visitSub(li, block.split.get(sub));
      for (const sub of subKeysOf(last, first, block.key)) visitSub(li, block.split.get(sub));
    }
  }
  function visitSub(li: number, indices: number[] | undefined) {
    if (indices !== undefined && indices.length <= MAX_BLOCK_SIZE) visitAll(li, indices);
  }
};

function splitBlock(
  blockKey: number,
  indices: readonly number[],
  right: readonly PreparedRecord[],
  codes: KeyCodes,
): Map<number, number[]> {
  const split = new Map<number, number[]>();
  for (const ri of indices) {
    const r = right[ri];
    if (r === undefined) continue;
    for (const sub of subKeysOf(codes.name(r.first), codes.name(r.last), blockKey)) {
      const members = split.get(sub);
      if (members === undefined) split.set(sub, [ri]);
      else members.push(ri);
    }
  }
  return split;
}
