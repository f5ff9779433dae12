const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);
const MAX_KEY_LENGTH = 6;

/**
 * A sound-alike key for a folded name (NYSIIS, with Y counted as a vowel after the first
 * letter so that Smith and Smyth agree): "schmidt" → "snad", "smith" = "smyth" → "snat".
 * Typos that keep the sound (Jonhson / Johnson, Willaims / Williams) keep the key, which makes
 * it a blocking key robust to the commonest misspellings. Truncated to 6 letters as NYSIIS is.
 */
export function phoneticKey(foldedName: string): string {
  let s = foldedName.replace(/[^a-z]/g, "");
  if (s === "") return "";
  s = s
    .replace(/^mac/, "mcc")
    .replace(/^kn/, "nn")
    .replace(/^k/, "c")
    .replace(/^(ph|pf)/, "ff")
    .replace(/^sch/, "sss")
    .replace(/(ee|ie)$/, "y")
    .replace(/(dt|rt|rd|nt|nd)$/, "d");

  let key = s.charAt(0);
  for (let i = 1; i < s.length; i++) {
    const c = s.charAt(i);
    const next = s.charAt(i + 1);
    const last = key.charAt(key.length - 1);
    let out: string;
    if (c === "e" && next === "v") {
      out = "af";
      i++;
    } else if (VOWELS.has(c)) out = "a";
    else if (c === "q") out = "g";
    else if (c === "z") out = "s";
    else if (c === "m") out = "n";
    else if (c === "k") out = next === "n" ? "" : "c";
    else if (c === "s" && next === "c" && s.charAt(i + 2) === "h") {
      out = "sss";
      i += 2;
    } else if (c === "p" && next === "h") {
      out = "ff";
      i++;
    } else if (c === "h" && (!VOWELS.has(s.charAt(i - 1)) || !VOWELS.has(next))) out = last;
    else if (c === "w" && VOWELS.has(s.charAt(i - 1))) out = last;
    else out = c;
    if (out !== "" && out.charAt(out.length - 1) !== last) key += out;
  }

  if (key.length > 1 && key.endsWith("s")) key = key.slice(0, -1);
  if (key.endsWith("ay")) key = `${key.slice(0, -2)}y`;
  if (key.length > 1 && key.endsWith("a")) key = key.slice(0, -1);
  return key.slice(0, MAX_KEY_LENGTH);
}
