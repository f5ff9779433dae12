// Characters people misread when typing a password from an email (I, O, l, 0, 1) are left out.
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnopqrstuvwxyz";
const DIGITS = "23456789";
const SYMBOLS = "!#$%*+-=?@^_";
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

/** 20 characters from 69: about 122 bits, far above the 16-character minimum. */
export const TEMPORARY_PASSWORD_LENGTH = 20;

export type RandomBytes = (n: number) => Uint8Array;

/**
 * A strong temporary password with at least one upper-case letter, lower-case letter, digit and
 * symbol. Every choice is uniform (rejection sampling, no modulo bias). Pass crypto.randomBytes.
 */
export function generateTemporaryPassword(randomBytes: RandomBytes): string {
  const randomBelow = uniformSource(randomBytes);
  const pick = (alphabet: string): string => alphabet.charAt(randomBelow(alphabet.length));
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < TEMPORARY_PASSWORD_LENGTH) chars.push(pick(ALL));
  // Fisher–Yates, so the guaranteed characters are not always in the first four places.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? "", chars[i] ?? ""];
  }
  return chars.join("");
}

/** Uniform integers in [0, n) for n ≤ 256, drawn from random bytes in batches. */
function uniformSource(randomBytes: RandomBytes): (n: number) => number {
  let pool: Uint8Array = new Uint8Array(0);
  let at = 0;
  return (n) => {
    const limit = 256 - (256 % n); // bytes at or above this would favor the small results
    for (;;) {
      if (at >= pool.length) {
        pool = randomBytes(64);
        at = 0;
        if (pool.length === 0) throw new Error("The random source returned no bytes");
      }
      const byte = pool[at++] ?? 0;
      if (byte < limit) return byte % n;
    }
  };
}
