import type { CaregiverCard, SyncOutcome } from "../../../app/caregivers";
import type { CardAction } from "../../../domain/caregivers/card-actions";
import { FIELD_WORDS, type SyncedField } from "../../../app/caregivers";
import {
  actions,
  calendarDate,
  type ButtonSpec,
  context,
  escape,
  fields,
  header,
  type KnownBlock,
  type Message,
  section,
  shortName,
} from "../kit";
import { CAREGIVER_ACTIONS, encodeValue } from "./ids";
import type { CaregiverLabels } from "./labels";
import { signInButton } from "./sign-in";

const OUTCOME_WORDS: Record<SyncOutcome, string> = {
  created: "Created their account",
  linked: "Linked the account they already had (same email)",
  reactivated: "Reactivated their account",
  updated: "Updated",
  unchanged: "Already up to date",
};

const words = (changed: readonly SyncedField[]) => changed.map((f) => FIELD_WORDS[f]).join(", ");

function syncLine(outcome: SyncOutcome, changed: readonly SyncedField[]): string {
  const list = changed.length > 0 ? `: ${words(changed)}` : "";
  return outcome === "unchanged" ? OUTCOME_WORDS.unchanged : `${OUTCOME_WORDS[outcome]}${list}`;
}

function button(action: CardAction, card: CaregiverCard, madeFor: string, lms: string): ButtonSpec {
  const name = `${card.caregiver.firstName} ${card.caregiver.lastName}`;
  const value = encodeValue({
    c: card.caregiver.id,
    u: madeFor,
    ...(action === "fix" ? { f: card.fixFields, n: name } : {}),
  });
  switch (action) {
    case "activate":
      return { text: `Activate in ${lms}`, actionId: CAREGIVER_ACTIONS.activate, value, style: "primary" };
    case "sync":
      return { text: "Sync changes", actionId: CAREGIVER_ACTIONS.sync, value, style: "primary" };
    case "deactivate":
      return {
        text: "Deactivate",
        actionId: CAREGIVER_ACTIONS.deactivate,
        value,
        style: "danger",
        confirm: {
          title: "Deactivate?",
          text: `${shortName(name)} will lose access to ${shortName(lms, 40)} until someone reactivates them. Syncs leave them deactivated unless they leave Spectrum TeleTrack and come back.`,
          confirm: "Deactivate",
        },
      };
    case "reactivate": {
      const reactivate = {
        text: "Reactivate",
        actionId: CAREGIVER_ACTIONS.reactivate,
        value,
        style: "primary",
      } as const;
      // Someone deactivated them on purpose: undoing that is a decision too.
      if (!card.held) return reactivate;
      return {
        ...reactivate,
        confirm: {
          title: "Reactivate?",
          text: `${shortName(name)} was deactivated from carebridge on purpose. Reactivating gives them access to ${shortName(lms, 40)} again, and syncs keep them active.`,
          confirm: "Reactivate",
        },
      };
    }
    case "fix":
      return { text: "Fix and sync", actionId: CAREGIVER_ACTIONS.fix, value };
  }
}

function statusText(card: CaregiverCard, lms: string): string {
  if (!card.lms) return `Not in ${lms}`;
  const status = card.lms.status === "active" ? ":large_green_circle: Active" : ":white_circle: Deactivated";
  return card.lms.linked ? status : `${status} (same email, not linked yet)`;
}

/**
 * A caregiver's card: LMS status, training due date, what the sync did or what is waiting to
 * sync, why they cannot sync, warnings, and the buttons the status allows. Shown only to
 * `madeFor` (it names a person's training status); the buttons carry that user.
 */
export function caregiverCardMessage(
  card: CaregiverCard,
  madeFor: string,
  labels: CaregiverLabels,
  note?: string,
): Message {
  const name = `${card.caregiver.firstName} ${card.caregiver.lastName}`;
  const blocks: KnownBlock[] = [header(name)];
  if (note) blocks.push(section(escape(note)));
  blocks.push(
    fields([
      [labels.lms, statusText(card, labels.lms)],
      ["Training due", card.lms?.trainingDueDate ? calendarDate(card.lms.trainingDueDate) : "—"],
      ["TeleTrack id", escape(card.caregiver.id)],
      [
        "State",
        escape(card.caregiver.state) + (card.caregiver.status === "inactive" ? " · inactive in TeleTrack" : ""),
      ],
    ]),
  );
  if (card.synced) blocks.push(section(`*Sync:* ${escape(syncLine(card.synced.outcome, card.synced.changed))}`));
  else if (card.pending.length > 0)
    blocks.push(section(`*Changed in TeleTrack, not yet synced:* ${escape(words(card.pending))}`));
  if (card.problems.length > 0) {
    blocks.push(section(`*Can't sync yet*\n${card.problems.map((p) => `:no_entry: ${escape(p)}`).join("\n")}`));
  }
  if (card.warnings.length > 0) blocks.push(section(card.warnings.map((w) => `:warning: ${escape(w)}`).join("\n")));
  const buttons = card.actions.map((a) => button(a, card, madeFor, labels.lms));
  if (card.signIn) buttons.push(signInButton(labels.lms));
  if (buttons.length > 0) blocks.push(actions(buttons));
  if (labels.sandbox) blocks.push(context(labels.sandbox));
  const state = card.lms ? (card.lms.status === "active" ? "active" : "deactivated") : `not in ${labels.lms}`;
  return {
    text: `${note ? `${note} ` : ""}${name}: ${state}${card.problems.length > 0 ? ", can't sync yet" : ""}`,
    blocks,
  };
}
