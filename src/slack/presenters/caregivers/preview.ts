import type { BulkPreview } from "../../../app/caregivers";
import { actions, context, escape, type KnownBlock, type Message, notice, section, slackDate } from "../kit";
import { caregivers } from "./count";
import { CAREGIVER_ACTIONS } from "./ids";
import type { CaregiverLabels } from "./labels";

const n = (count: number) => count.toLocaleString("en-US");

function scope(preview: BulkPreview): string {
  if (preview.since === null) return "every caregiver";
  return `caregivers changed in TeleTrack since the last run (${slackDate(preview.since)})`;
}

/** Shown while the preview is worked out: it may take minutes the first time (one LMS look-up per new caregiver). */
export function checkingMessage(everyone: boolean, labels: CaregiverLabels): Message {
  const what = everyone ? "every caregiver" : "the caregivers changed since the last run";
  const wait = everyone ? " This takes about a minute per 1,000 caregivers carebridge has not synced yet." : "";
  return notice(`Checking ${what} in ${labels.teletrack} against ${labels.lms}…${wait}`);
}

/** What a sync of everyone would do, with Confirm / Cancel. */
export function previewMessage(preview: BulkPreview, labels: CaregiverLabels): Message {
  const { counts, reasons } = preview.summary;
  if (preview.jobId === null) {
    const inactive = counts.inactive > 0 ? `; ${caregivers(counts.inactive)} left out, inactive in TeleTrack` : "";
    return notice(`Nothing to sync: ${caregivers(preview.upToDate)} up to date in ${labels.lms}${inactive}.`);
  }
  const lines = [
    `• Create in ${escape(labels.lms)}: *${n(counts.create)}*`,
    `• Link to existing account (same email, not linked yet): *${n(counts.link)}*`,
    `• Update: *${n(counts.update)}*`,
    `• Reactivate (deactivated, active again in TeleTrack): *${n(counts.reactivate)}*`,
    `• Unchanged: *${n(counts.unchanged)}*`,
    `• Can't sync: *${n(counts["cannot-sync"])}*`,
    ...reasons.slice(0, 8).map((r) => `    – ${n(r.count)} × ${escape(r.reason)}`),
    `• Left out, inactive in TeleTrack: *${n(counts.inactive)}*`,
  ];
  const blocks: KnownBlock[] = [
    section(`*Sync ${scope(preview)} from ${escape(labels.teletrack)} to ${escape(labels.lms)}?*\n${lines.join("\n")}`),
    actions([
      {
        text: `Sync ${caregivers(preview.items)}`,
        actionId: CAREGIVER_ACTIONS.confirmAll,
        value: preview.jobId,
        style: "primary",
      },
      { text: "Cancel", actionId: CAREGIVER_ACTIONS.cancelAll, value: preview.jobId },
    ]),
    context(
      preview.since === null
        ? "Caregivers who can't sync are listed in the report with what to fix, and Retry failed picks them up once fixed."
        : "Only changes since the last run are included; `/sync-caregiver all full` checks every caregiver.",
    ),
  ];
  if (labels.sandbox) blocks.push(context(labels.sandbox));
  return { text: `Sync preview: ${caregivers(preview.items)} to sync. Confirm or cancel.`, blocks };
}

export const startedMessage = (items: number): Message =>
  notice(`Syncing ${caregivers(items)}; the progress message follows.`);
export const alreadyStartedMessage = notice(
  "That sync has already started; its progress message is in this conversation.",
);
export const cancelledMessage = notice("Cancelled. Nothing was changed.");
