import { phoneticKey } from "./phonetic";
import type { PreparedName, PreparedRecord } from "./prepare";
import { COMPARED_FIELDS } from "./score";
import type { MatchKind } from "./types";

/**
 * A key shared by more records than this on either side says little about identity (an
 * agency full of Nguyens, every birth date defaulted to 1900-01-01, a shared office@ mailbox)
 * and would make the work quadratic again, so such a block is skipped like a stop word. Pairs
 * in it still meet through their other, narrower keys (each name key also carries an initial
 * or a formal first name), so only records alike in every key lose their suggestions.
 */
export const MAX_BLOCK_SIZE = 100;

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
function nameKeys(first: PreparedName, last: PreparedName, sounds: SoundCache, into: Set<string>, swapped: boolean): void {
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
 * The blocking keys of one record. Only one side needs the swapped reading of its names for
 * swapped pairs to share a key, so the left side adds it.
 */
export function blockingKeys(p: PreparedRecord, kind: MatchKind, withSwapped: boolean, sounds = new SoundCache()): string[] {
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
  right: number[];
  leftCount: number;
}

/** Candidate pairs: records that share at least one blocking key of a block not over the cap. */
export const blockedCandidates: CandidateSource = (left, right, kind, visit) => {
  const sounds = new SoundCache();
  const blocks = new Map<string, Block>();
  right.forEach((r, ri) => {
    for (const key of blockingKeys(r, kind, false, sounds)) {
      const block = blocks.get(key);
      if (block === undefined) blocks.set(key, { right: [ri], leftCount: 0 });
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
  leftBlocks.forEach((shared, li) => {
    for (const block of shared) {
      if (block.right.length > MAX_BLOCK_SIZE || block.leftCount > MAX_BLOCK_SIZE) continue;
      for (const ri of block.right) {
        if (seenBy[ri] === li) continue;
        seenBy[ri] = li;
        visit(li, ri);
      }
    }
  });
};
