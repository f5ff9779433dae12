import { describe, expect, it } from "vitest";
import { generateTemporaryPassword, TEMPORARY_PASSWORD_LENGTH } from "../../../src/domain/learners/password";

/** A deterministic byte source (xorshift32), so every run checks the same passwords. */
function seededBytes(seed: number) {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      out[i] = state & 0xff;
    }
    return out;
  };
}

describe("generateTemporaryPassword", () => {
  it("is long and always mixes upper- and lower-case letters, digits and symbols", () => {
    const random = seededBytes(42);
    for (let i = 0; i < 2000; i++) {
      const password = generateTemporaryPassword(random);
      expect(password).toHaveLength(TEMPORARY_PASSWORD_LENGTH);
      expect(TEMPORARY_PASSWORD_LENGTH).toBeGreaterThanOrEqual(16);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
      expect(password).not.toMatch(/[IOl01\s"',;\\]/);
    }
  });

  it("depends only on the random source it is given", () => {
    expect(generateTemporaryPassword(seededBytes(7))).toBe(generateTemporaryPassword(seededBytes(7)));
    expect(generateTemporaryPassword(seededBytes(7))).not.toBe(generateTemporaryPassword(seededBytes(8)));
  });

  it("skips the bytes that would bias the choice instead of folding them", () => {
    // Bytes alternate 255, 0. For the letters (24, 25), symbols (12) and the whole alphabet (69),
    // 255 lies in the incomplete last round and must be skipped, so the 0 after it picks the first
    // character. Eight digits divide 256 evenly, so there 255 is a fair draw: the last digit, "9".
    const biased = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 255 : 0));
    const password = generateTemporaryPassword(biased);
    expect(password).toHaveLength(TEMPORARY_PASSWORD_LENGTH);
    expect(new Set(password)).toEqual(new Set(["A", "a", "9", "!"]));
  });

  it("draws every character as often as a uniform choice would", () => {
    const classes = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!#$%*+-=?@^_"];
    const alphabetSize = classes.join("").length;
    const random = seededBytes(2026);
    const counts = new Map<string, number>();
    const passwords = 20_000;
    for (let i = 0; i < passwords; i++) {
      for (const ch of generateTemporaryPassword(random)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(alphabetSize);
    // One guaranteed place per class, the other 16 from the whole alphabet. Folding bytes with a
    // modulo instead would make some characters 8-19% more or less frequent than this.
    for (const chars of classes) {
      const expected = (passwords * (TEMPORARY_PASSWORD_LENGTH - classes.length)) / alphabetSize + passwords / chars.length;
      for (const ch of chars) expect(Math.abs((counts.get(ch) ?? 0) - expected) / expected, ch).toBeLessThan(0.05);
    }
  });

  it("fails loudly on a random source that gives nothing", () => {
    expect(() => generateTemporaryPassword(() => new Uint8Array(0))).toThrow("The random source returned no bytes");
  });
});
