// Letters NFKD does not decompose into a base letter plus a mark.
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/** Lowercase without accents: "José Álvarez" → "jose alvarez", "Straße" → "strasse". */
export function foldAccents(text: string): string {
  // Most names are plain ASCII; NFKD and the mark regex are the slow part of preparing records.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => FOLDED_LETTERS[c] ?? c);
}
