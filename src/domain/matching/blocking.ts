import { phoneticKey } from "./phonetic";
import type { PreparedName, PreparedRecord } from "./prepare";
import { COMPARED_FIELDS } from "./score";
import type { MatchKind } from "./types";

/**
 * A block of more records than this on either side would make the work quadratic again as
 * the lists grow (a payroll of 100,000 holds hundreds of John S.), so it bounds the pairs
 * scored per record whatever the size of the lists. A name block that big is split by a second key taken from the other name (see subKeys), so its pairs still meet in
 * a block of their own size; a block of another kind (an agency full of one birth date, a
 * shared office@ mailbox) or a sub-block still too big says little about identity and is
 * skipped like a stop word, its pairs meeting through their other, narrower keys.
 */
export const MAX_BLOCK_SIZE = 20;

/** Calls visit(leftIndex, rightIndex) once for each pair worth scoring. */
export type CandidateSource = (
  left: readonly PreparedRecord[],
  right: readonly PreparedRecord[],
  kind: MatchKind,
  visit: (leftIndex: number, rightIndex: number) => void,
) => void;

/** Phonetic keys of the names seen in one run: payrolls repeat last names a lot. */
export class SoundCache {
  private readonly known = new Map<string, string>();
  of(name: string): string {
    let sound = this.known.get(name);
    if (sound === undefined) {
      sound = phoneticKey(name);
      this.known.set(name, sound);
    }
    return sound;
  }
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
function nameKeys(
  first: PreparedName,
  last: PreparedName,
  sounds: SoundCache,
  into: Set<string>,
  swapped: boolean,
): void {
  if (first.joined === "" || last.joined === "") return;
  const lastForms = last.tokens.length > 1 ? [last.joined, ...last.tokens] : [last.joined];
  const lastSounds = lastForms.map((form) => sounds.of(form));
  const initials = new Set(first.formal.map((f) => f.charAt(0)));
  for (const initial of initials) {
    for (const sound of lastSounds) into.add(`s:${sound}|${initial}`);
    if (!swapped) into.add(`p:${last.joined.slice(0, 4)}|${initial}`);
  }
  for (const formal of first.formal) {
    into.add(`f:${formal}|${last.joined.charAt(0)}`);
    if (!swapped) into.add(`t:${formal}|${last.joined.slice(-3)}`);
  }
}

/**
 * Second keys for a name block too big to use whole, each from the other name than the one
 * the key holds in full, so that one typo in it still leaves one sub-key in common: a last-name
 * key is split by the first name's formal names (nicknames), first two and last two letters;
 * a first-name key by the last name's sound, first two and last two letters.
 */
function subKeysOf(first: PreparedName, last: PreparedName, key: string, sounds: SoundCache, into: Set<string>): void {
  if (first.joined === "" || last.joined === "") return;
  if (key.startsWith("s:") || key.startsWith("p:")) {
    for (const formal of first.formal) into.add(`${key}>${formal}`);
    into.add(`${key}<${first.joined.slice(0, 2)}`);
    into.add(`${key}>${first.joined.slice(-2)}.`);
  } else {
    into.add(`${key}>${sounds.of(last.joined)}`);
    into.add(`${key}<${last.joined.slice(0, 2)}`);
    into.add(`${key}>${last.joined.slice(-2)}.`);
  }
}

function isNameKey(key: string): boolean {
  return key.startsWith("s:") || key.startsWith("p:") || key.startsWith("f:") || key.startsWith("t:");
}

/** The sub-keys of a record in the split block of key (both readings of its names on the left side). */
export function subKeys(p: PreparedRecord, key: string, withSwapped: boolean, sounds = new SoundCache()): string[] {
  const keys = new Set<string>();
  subKeysOf(p.first, p.last, key, sounds, keys);
  if (withSwapped) subKeysOf(p.last, p.first, key, sounds, keys);
  return [...keys];
}

/**
 * The blocking keys of one record. Only one side needs the swapped reading of its names for
 * swapped pairs to share a key, so the left side adds it.
 */
export function blockingKeys(
  p: PreparedRecord,
  kind: MatchKind,
  withSwapped: boolean,
  sounds = new SoundCache(),
): string[] {
  const fields = COMPARED_FIELDS[kind];
  const keys = new Set<string>();
  if (fields.email && p.email !== null) keys.add(`m:${p.email}`);
  if (fields.email && p.emailLocal !== null) keys.add(`l:${p.emailLocal}`);
  if (fields.phone && p.phone !== null) keys.add(`n:${p.phone}`);
  if (fields.birthDate && p.birthDate !== null) keys.add(`b:${p.birthDate}`);
  nameKeys(p.first, p.last, sounds, keys, false);
  if (withSwapped) nameKeys(p.last, p.first, sounds, keys, true);
  return [...keys];
}

interface Block {
  key: string;
  right: number[];
  leftCount: number;
  /** Sub-blocks of a name block over MAX_BLOCK_SIZE, by sub-key: right indices. */
  split?: Map<string, number[]>;
}

const isOversized = (block: Block) => block.right.length > MAX_BLOCK_SIZE || block.leftCount > MAX_BLOCK_SIZE;

/**
 * Candidate pairs: records that share a blocking key of a block not over the cap, or, in a
 * name block over it, a sub-key of a sub-block not over it.
 */
export const blockedCandidates: CandidateSource = (left, right, kind, visit) => {
  const sounds = new SoundCache();
  const blocks = new Map<string, Block>();
  right.forEach((r, ri) => {
    for (const key of blockingKeys(r, kind, false, sounds)) {
      const block = blocks.get(key);
      if (block === undefined) blocks.set(key, { key, right: [ri], leftCount: 0 });
      else block.right.push(ri);
    }
  });
  // Keys no right record has are dropped here, so each left key costs one lookup.
  const leftBlocks = left.map((l) => {
    const shared: Block[] = [];
    for (const key of blockingKeys(l, kind, true, sounds)) {
      const block = blocks.get(key);
      if (block === undefined) continue;
      block.leftCount++;
      shared.push(block);
    }
    return shared;
  });

  const seenBy = new Int32Array(right.length).fill(-1);
  const visitAll = (li: number, indices: readonly number[]) => {
    for (const ri of indices) {
      if (seenBy[ri] === li) continue;
      seenBy[ri] = li;
      visit(li, ri);
    }
  };
  leftBlocks.forEach((shared, li) => {
    const l = left[li];
    if (l === undefined) return;
    for (const block of shared) {
      if (!isOversized(block)) {
        visitAll(li, block.right);
        continue;
      }
      if (!isNameKey(block.key)) continue;
      block.split ??= splitBlock(block, right, sounds);
      for (const sub of subKeys(l, block.key, true, sounds)) {
        const indices = block.split.get(sub);
        if (indices !== undefined && indices.length <= MAX_BLOCK_SIZE) visitAll(li, indices);
      }
    }
  });
};

function splitBlock(block: Block, right: readonly PreparedRecord[], sounds: SoundCache): Map<string, number[]> {
  const split = new Map<string, number[]>();
  for (const ri of block.right) {
    const r = right[ri];
    if (r === undefined) continue;
    for (const sub of subKeys(r, block.key, false, sounds)) {
      const indices = split.get(sub);
      if (indices === undefined) split.set(sub, [ri]);
      else indices.push(ri);
    }
  }
  return split;
}
