import { canonicalFirstNames } from "./nicknames";
import { emailLocalPart, nameTokens, normalizeBirthDate, normalizeEmail, phoneDigits } from "./normalize";
import type { MatchRecord } from "./types";

/** One name field, normalized once. */
export interface PreparedName {
  /** As written. */
  raw: string;
  tokens: readonly string[];
  /** Tokens without spaces: "Smith-Jones", "Smith Jones" and "SmithJones" agree. */
  joined: string;
  /** Each word and the formal names it may stand for (nicknames resolved), for first names. */
  formal: readonly string[];
}

/** A record with everything the scorer and the blocking keys compare, computed once. */
export interface PreparedRecord {
  source: MatchRecord;
  first: PreparedName;
  last: PreparedName;
  /** All name words sorted: equal when the same words are split or ordered differently. */
  wordsKey: string;
  email: string | null;
  emailLocal: string | null;
  phone: string | null;
  birthDate: string | null;
}

function prepareName(raw: string): PreparedName {
  const tokens = nameTokens(raw);
  return {
    raw,
    tokens,
    joined: tokens.join(""),
    formal:
      tokens.length === 1 ? canonicalFirstNames(tokens[0] ?? "") : [...new Set(tokens.flatMap(canonicalFirstNames))],
  };
}

export function prepareRecord(record: MatchRecord): PreparedRecord {
  const first = prepareName(record.firstName);
  const last = prepareName(record.lastName);
  const email = normalizeEmail(record.email);
  const local = email === null ? "" : emailLocalPart(email);
  return {
    source: record,
    first,
    last,
    wordsKey: [...first.tokens, ...last.tokens].sort().join(" "),
    email,
    emailLocal: local === "" ? null : local,
    phone: phoneDigits(record.phone),
    birthDate: normalizeBirthDate(record.birthDate),
  };
}
