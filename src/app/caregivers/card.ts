import { cardActions, type CardAction } from "../../domain/caregivers/card-actions";
import { changedFields, lmsFieldsOf } from "../../domain/caregivers/fields";
import { checkReadiness, fixableFields, type FixableField } from "../../domain/caregivers/readiness";
import type { LmsStatus, SyncedField } from "../../domain/caregivers/types";
import type { Caregiver, LmsUser } from "../../providers/roles";
import { heldDeactivated, type SyncOutcome } from "./sync";

/** Everything a caregiver's card shows; the Slack presenter only lays it out. */
export interface CaregiverCard {
  caregiver: Pick<Caregiver, "id" | "firstName" | "lastName" | "state" | "status">;
  /** null: no account in the LMS. */
  lms: { id: string; status: LmsStatus; trainingDueDate: string | null; linked: boolean } | null;
  /** After a sync: what it did. */
  synced: { outcome: SyncOutcome; changed: SyncedField[] } | null;
  /** Fields TeleTrack has that the LMS account does not (yet). */
  pending: SyncedField[];
  /** Why the caregiver cannot sync, one sentence each. */
  problems: string[];
  warnings: string[];
  /** The account was deactivated by a person from carebridge, and syncs leave it so: Reactivate asks first. */
  held: boolean;
  /** What "Fix and sync" would ask for. */
  fixFields: FixableField[];
  actions: CardAction[];
  /** The viewer may sign in to the LMS as an administrator from the card (admins, an LMS with SSO). */
  signIn?: boolean;
}

export interface CardInput {
  caregiver: Caregiver;
  user: LmsUser | null;
  /** carebridge has the account linked (or has just linked it). */
  linked: boolean;
  synced?: { outcome: SyncOutcome; changed: SyncedField[] };
  /** Problems beyond the readiness rules, e.g. a refusal from the LMS. */
  problems?: string[];
  /** Warnings beyond the readiness rules. */
  warnings?: string[];
  /** Fields those problems are about that Fix and sync can correct (an email the LMS has on another account). */
  fixAlso?: FixableField[];
  /** See CaregiverCard.held. */
  held?: boolean;
  birthDateRequiredStates: readonly string[];
  /** The configured LMS as people name it. */
  lmsName: string;
  /** See CaregiverCard.signIn; false when not given. */
  signIn?: boolean;
}

export function buildCard(input: CardInput): CaregiverCard {
  const { caregiver, user } = input;
  const readiness = checkReadiness(caregiver, {
    birthDateRequiredStates: input.birthDateRequiredStates,
    lms: input.lmsName,
  });
  const canSync = readiness.blockers.length === 0 && caregiver.email !== null;
  const pending =
    canSync && user && caregiver.email !== null
      ? changedFields(lmsFieldsOf({ ...caregiver, email: caregiver.email }), user).changed
      : [];
  const fixable = fixableFields(readiness);
  // An inactive caregiver is TeleTrack's to decide about: nothing to fix from Slack then.
  const also = caregiver.status === "active" ? (input.fixAlso ?? []) : [];
  const fixFields = [...fixable, ...also.filter((f, i) => !fixable.includes(f) && also.indexOf(f) === i)];
  const problems = [...new Set([...readiness.blockers.map((b) => b.message), ...(input.problems ?? [])])];
  const held = input.held === true;
  const warnings = [
    ...new Set([
      ...readiness.warnings.map((w) => w.message),
      ...(input.warnings ?? []),
      ...(held ? [heldDeactivated(input.lmsName)] : []),
    ]),
  ];
  return {
    caregiver: {
      id: caregiver.id,
      firstName: caregiver.firstName,
      lastName: caregiver.lastName,
      state: caregiver.state,
      status: caregiver.status,
    },
    lms: user && { id: user.id, status: user.status, trainingDueDate: user.trainingDueDate, linked: input.linked },
    synced: input.synced ?? null,
    pending,
    problems,
    warnings,
    held,
    fixFields,
    actions: cardActions({
      lmsStatus: user?.status ?? null,
      canSync,
      hasPendingChanges: pending.length > 0 || (user !== null && !input.linked),
      hasFixableFields: fixFields.length > 0,
    }),
    signIn: input.signIn === true,
  };
}
