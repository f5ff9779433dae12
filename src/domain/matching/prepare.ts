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

/**
 * Prepares the records of one run. Payrolls repeat names (hundreds of Mary Smiths in 100,000),
 * so each name as written is prepared once and shared: at that size it halves the memory the
 * prepared records hold.
 */
export function prepareRecords(records: readonly MatchRecord[]): PreparedRecord[] {
  const names = new Map<string, PreparedName>();
  const nameOf = (raw: string): PreparedName => {
    let name = names.get(raw);
    if (name === undefined) {
      name = prepareName(raw);
      names.set(raw, name);
    }
    return name;
  };
  return records.map((record) => prepareWith(record, nameOf));
}

export function prepareRecord(record: MatchRecord): PreparedRecord {
  return prepareWith(record, prepareName);
}

function prepareWith(record: MatchRecord, nameOf: (raw: string) => PreparedName): PreparedRecord {
  const first = nameOf(record.firstName);
  const last = nameOf(record.lastName);
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
