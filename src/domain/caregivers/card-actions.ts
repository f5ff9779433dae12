import type { LmsStatus } from "./types";

/**
 * The buttons a caregiver's card offers: Activate, Deactivate or Reactivate as the status allows.
 *
 * CareAcademy's contract knows two statuses, active and deactivated, and creating a user makes
 * it active at once: no account is ever "created but not yet activated". So activating a
 * caregiver is their first sync, which creates the account active:
 *   not in the LMS → Activate    (a sync that creates the account)
 *   active         → Deactivate
 *   deactivated    → Reactivate  (the account, its history and training records come back)
 * plus Sync when an account exists and TeleTrack has changes it does not, and Fix and sync when
 * TeleTrack is missing something staff can fill in from Slack.
 */
export type CardAction = "activate" | "sync" | "deactivate" | "reactivate" | "fix";

export interface CardState {
  /** null: no account in the LMS. */
  lmsStatus: LmsStatus | null;
  /** The caregiver passes the readiness rules. */
  canSync: boolean;
  /** TeleTrack holds values the LMS account does not. */
  hasPendingChanges: boolean;
  /** Missing fields staff could fill in from Slack. */
  hasFixableFields: boolean;
}

export function cardActions(state: CardState): CardAction[] {
  const found: CardAction[] = [];
  if (state.canSync && state.lmsStatus === null) found.push("activate");
  if (state.canSync && state.lmsStatus !== null && state.hasPendingChanges) found.push("sync");
  if (state.lmsStatus === "active") found.push("deactivate");
  if (state.lmsStatus === "deactivated") found.push("reactivate");
  if (state.hasFixableFields) found.push("fix");
  return found;
}

export type ActivationChange = "deactivate" | "reactivate";

/** The status an activation change leads to, to read back and compare. */
export const TARGET_STATUS: Record<ActivationChange, LmsStatus> = { deactivate: "deactivated", reactivate: "active" };
