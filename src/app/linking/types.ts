import type { Vendor } from "../../config";
import type { MatchKind } from "../../domain/matching";

/** Members: Motivity members ↔ Calmanac staff. Learners: Motivity learners ↔ Calmanac clients. */
export type LinkKind = MatchKind;
export const LINK_KINDS: readonly LinkKind[] = ["members", "learners"];

/** For App Home: open suggestions per kind, as the last runs left them. */
export interface WaitingSuggestions {
  open: Record<LinkKind, number>;
  /** Per kind, false while no admin has reviewed it: nobody has looked yet. */
  checked: Record<LinkKind, boolean>;
}

/** Which system a record lives in; Motivity holds the link. */
export type Side = "motivity" | "calmanac";

/** A person as an admin needs to recognize them in a list. */
export interface PersonRef {
  id: string;
  name: string;
  /** Members: their email; learners: their Motivity alias. Null when there is none. */
  detail: string | null;
  /** Learners: the birth date, to tell look-alikes apart (shown only beside likely matches). */
  birthDate?: string | null;
}

/** A record on the other side that may be the same person. */
export interface Candidate {
  person: PersonRef;
  /** 0..1 */
  score: number;
  /** The matching engine's reasons, in words. */
  reasons: string[];
  /** For a 100% match: why it was not linked automatically, in words. */
  notAutoLinked?: string;
}

/** A record nobody has linked yet, with its best candidates, best first. */
export interface UnlinkedRow {
  person: PersonRef;
  candidates: Candidate[];
  /**
   * How many more records of the other side tie exactly with the last candidate (same score,
   * nothing more in common) but did not fit: the person may be one of them. Absent when none.
   */
  tiedBeyond?: number;
}

export interface LinkedPair {
  motivity: PersonRef;
  calmanacId: string;
  /** Null when Motivity points at a Calmanac record that is no longer there. */
  calmanac: PersonRef | null;
}

/** A "Not a match" decision (or an Unlink) that can be taken back at any time. */
export interface RejectedPair {
  motivity: PersonRef;
  calmanac: PersonRef;
  /** ISO time; it names the decision for its Undo. */
  decidedAt: string;
}

export interface IgnoredRecord {
  side: Side;
  person: PersonRef;
}

/** Where both systems stand for one kind, after the exact matches of this run were linked. */
export interface LinkingOverview {
  kind: LinkKind;
  /** False for people who may only look (link.view): no changes were made and none are offered. */
  canManage: boolean;
  /** Exact matches linked by this run. */
  autoLinked: LinkedPair[];
  /** When this run linked them (ISO time), which names the batch for its Undo; null when it linked none. */
  autoLinkedAt: string | null;
  /** Exact matches the vendor refused this run because one side changed meanwhile. */
  autoLinkSkipped: number;
  /** Exact matches found but not linked, because the actor may only look: an admin's run links them. */
  exactMatchesWaiting: number;
  notLinkedInMotivity: UnlinkedRow[];
  notLinkedInCalmanac: UnlinkedRow[];
  linked: LinkedPair[];
  ignored: IgnoredRecord[];
  /** "Not a match" decisions on records both systems still have, newest first. */
  rejected: RejectedPair[];
  /** Names of Motivity's service accounts (e.g. its support user), never linked. */
  serviceAccounts: string[];
  sandboxVendors: Vendor[];
}

/**
 * What a button did. "unchanged": it had already been done (a double click); "stale": the
 * records changed since the list was shown, and `message` says how. Neither is an error.
 */
export interface ActionOutcome {
  status: "done" | "unchanged" | "stale";
  message: string;
  /** A member create found the email taken: the member that has it, to link instead. */
  linkInstead?: { motivityId: string; calmanacId: string; name: string };
  /** What the presser can take back from the answer, for a button pressed by mistake. */
  undo?: Undo;
}

/**
 * "relink": an Unlink, undone by linking the pair again (a link overrides the "Not a match"
 * the unlink left). "unreject": a "Not a match", undone by forgetting exactly the rejections it
 * recorded, which `decidedAt` names (ISO time).
 */
export type Undo =
  | { type: "relink"; motivityId: string; calmanacId: string }
  | { type: "unreject"; side: Side; recordId: string; recordName: string; others: string[]; decidedAt: string };

/** The create form for a Calmanac record missing in Motivity. */
export interface CreateForm {
  kind: LinkKind;
  calmanacId: string;
  name: string;
  /** Members: the Calmanac email, to prefill. */
  email: string | null;
  /** Members: Motivity's roles, one of which is required. */
  roles: Array<{ id: string; name: string }>;
  /** Learners: a proposed alias in Motivity's format, editable. */
  alias: string | null;
}
