/** Members: Motivity members ↔ Calmanac staff. Learners: Motivity learners ↔ Calmanac clients. */
export type MatchKind = "members" | "learners";

/** One person on either side. Left = Motivity, right = Calmanac. */
export interface MatchRecord {
  id: string;
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  /** YYYY-MM-DD */
  birthDate?: string | null;
  /** Id on the other side when this record is already linked. */
  linkedTo?: string | null;
  /** Vendor support users and the like: never linked, suggested or listed. */
  serviceAccount?: boolean;
}

export interface MatchOptions {
  kind: MatchKind;
  /** Pairs scoring at least this (0..1) are suggested. */
  suggestScore: number;
  /** At most this many suggestions per record, best first. */
  maxSuggestions: number;
  ignoredLeft?: ReadonlySet<string>;
  ignoredRight?: ReadonlySet<string>;
  /** pairKey(leftId, rightId) of pairs an admin marked "Not a match". */
  rejectedPairs?: ReadonlySet<string>;
}

export interface PairScore {
  /** 0..1, rounded to 3 decimals. */
  score: number;
  /** Plain words for a Slack user, strongest evidence first. */
  reasons: string[];
}

export interface Suggestion extends PairScore {
  leftId: string;
  rightId: string;
  /** For a suggestion that shows as 100%: why the exact rules did not link it, in words. */
  notAutoLinked?: string;
}

export interface AutoLink {
  leftId: string;
  rightId: string;
  reasons: string[];
}

export interface MatchResult {
  autoLinks: AutoLink[];
  suggestionsByLeft: Map<string, Suggestion[]>;
  suggestionsByRight: Map<string, Suggestion[]>;
  /**
   * Per record with some: how many more records of the other side tie exactly with its last
   * suggestion (same score, same fields shared) but were left out by maxSuggestions.
   */
  tiedBeyondByLeft: Map<string, number>;
  tiedBeyondByRight: Map<string, number>;
  /** Records still to link, in input order: not linked, not auto-linked, not ignored, not service accounts. */
  unlinkedLeft: string[];
  unlinkedRight: string[];
  /** How many pairs were scored: the cost blocking keeps low. */
  comparedPairs: number;
}
