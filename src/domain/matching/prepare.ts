import type { PartComparison } from "./nameSimilarity";
import { canonicalFirstNames } from "./nicknames";
import {
  emailLocalPart,
  nameTokens,
  normalizeBirthDate,
  normalizeEmail,
  organizationDomain,
  phoneDigits,
} from "./normalize";
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
  /**
   * This name compared with others, as a first name and as a last name, filled as scoring
   * goes: at 100,000 a side the same two names meet in thousands of pairs (namesakes on both
   * sides), and a comparison depends on the two names alone. It lives as long as the run's
   * records do.
   */
  comparedAsFirst: Map<PreparedName, PartComparison>;
  comparedAsLast: Map<PreparedName, PartComparison>;
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
  /** The email's domain when it is an organization's own (not a free mail provider's), else null. */
  organization: string | null;
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
    comparedAsFirst: new Map(),
    comparedAsLast: new Map(),
  };
}

/**
 * Prepares the records of one run. Payrolls repeat names (hundreds of Mary Smiths in 100,000),
 * so each name as written is prepared once and shared: at that size it halves the memory the
 * prepared records hold.
 */
export function prepareRecords(records: readonly MatchRecord[]): PreparedRecord[] {
  const prepare = recordPreparer();
  return records.map((record) => prepare(record));
}

/** prepareRecords one record at a time: the records given to one preparer share their names. */
export function recordPreparer(): (record: MatchRecord) => PreparedRecord {
  const names = new Map<string, PreparedName>();
  const nameOf = (raw: string): PreparedName => {
    let name = names.get(raw);
    if (name === undefined) {
      name = prepareName(raw);
      names.set(raw, name);
    }
    return name;
  };
  return (record) => prepareWith(record, nameOf);
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
    organization: email === null ? null : organizationDomain(email),
    phone: phoneDigits(record.phone),
    birthDate: normalizeBirthDate(record.birthDate),
  };
}
