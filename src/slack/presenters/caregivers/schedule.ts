import { toCsv } from "../../../app/csv";
import { count } from "../../../app/plural";
import {
  type BulkPreview,
  type DigestProblem,
  fieldsNamedBy,
  SCHEDULE_FORMS,
  type SyncDigest,
  type SyncSchedule,
} from "../../../app/caregivers";
import {
  actions,
  clip,
  context,
  escape,
  escapeName,
  type KnownBlock,
  type Message,
  notice,
  section,
  slackDate,
} from "../kit";
import { CAREGIVER_ACTIONS, encodeValue } from "./ids";
import type { CaregiverLabels } from "./labels";
import { previewMessage } from "./preview";

/** Rows shown in a digest message; beyond them everything is in the CSV, and the message says so. */
export const DIGEST_ROWS = 20;

const n = (count: number) => count.toLocaleString("en-US");

function describe(schedule: SyncSchedule): string {
  const when = schedule.cadence === "daily" ? `daily at ${schedule.time}` : "hourly, on the hour";
  const quiet = schedule.allQuiet ? ", with an all-quiet digest on days nothing changed" : "";
  return `Caregivers sync ${when} (${escape(schedule.timeZone)}) in <#${schedule.channelId}>${quiet}, set by <@${schedule.setBy}>.`;
}

/** One line for App Home and for `/sync-caregiver schedule`: the schedule, the last run and the next. */
export function scheduleLines(schedule: SyncSchedule | null): string {
  if (!schedule) return "No scheduled sync. An admin sets one with `/sync-caregiver schedule daily 06:00 #channel`.";
  const last = schedule.lastRunAt ? slackDate(schedule.lastRunAt) : "not yet";
  return `${describe(schedule)}\nLast run: ${last} · Next run: ${slackDate(schedule.nextRunAt)}`;
}

export function scheduleMessage(schedule: SyncSchedule | null, changed = false): Message {
  const lead = changed ? "*Scheduled.* " : "";
  const text = `${lead}${scheduleLines(schedule)}`;
  return {
    text: schedule ? `Caregiver sync ${schedule.cadence}, next ${slackDate(schedule.nextRunAt)}` : "No scheduled sync",
    blocks: [section(text), context(escape(SCHEDULE_FORMS))],
  };
}

export const scheduleOffMessage = (removed: boolean): Message =>
  notice(removed ? "The scheduled caregiver sync is off." : "There was no scheduled caregiver sync to turn off.");

export const scheduleBadMessage = (message: string): Message => notice(message);

/** The run stopped at its preview: it would change more caregivers than a sync without a look may. */
export function heldMessage(preview: BulkPreview, changes: number, labels: CaregiverLabels): Message {
  const asked = previewMessage(preview, labels);
  const why = `:raised_hand: The scheduled caregiver sync would change *${count(changes, "caregiver")}*, more than the bulk threshold lets it change on its own. An admin, please look and confirm or cancel within the hour.`;
  return {
    text: `Scheduled caregiver sync waits for an admin: ${count(changes, "change")}.`,
    blocks: [section(why), ...asked.blocks],
  };
}

export const scheduleRefusedMessage = (problems: Array<{ message: string }>): Message =>
  notice(`The scheduled caregiver sync did not run: ${problems.map((p) => p.message).join(" ")}`);

export const allQuietMessage = notice("All quiet: the scheduled caregiver sync found nothing to change today.");

const CHANGE_WORDS: Array<[keyof SyncDigest["changed"], string]> = [
  ["created", "Created"],
  ["linked", "Linked to the account they had (same email)"],
  ["updated", "Updated"],
  ["reactivated", "Reactivated"],
];

function namesLine(names: string[]): string {
  const shown = names.slice(0, DIGEST_ROWS).map((name) => escapeName(clip(name, 30)));
  const more = names.length > shown.length ? `, and ${n(names.length - shown.length)} more (in the CSV)` : "";
  return `${shown.join(", ")}${more}`;
}

function problemBlocks(problem: DigestProblem, index: number): KnownBlock[] {
  const line = `*${escapeName(clip(problem.name, 60))}* (${escape(clip(problem.caregiverId, 40))}): ${escape(clip(problem.reason, 240))}`;
  const fields = problem.fixable ? fieldsNamedBy(problem.reason) : [];
  if (fields.length === 0) return [section(line)];
  const value = encodeValue({ c: problem.caregiverId, f: fields, n: problem.name });
  return [
    section(line),
    actions([{ text: `Fix ${clip(problem.name, 60)}`, actionId: CAREGIVER_ACTIONS.fix, value }], `digest.fix.${index}`),
  ];
}

/** Whether the digest needs its CSV: some list is longer than a message shows. */
export const digestNeedsCsv = (digest: SyncDigest): boolean =>
  digest.problems.length > DIGEST_ROWS || Object.values(digest.changed).some((names) => names.length > DIGEST_ROWS);

/** Every row of the digest, for the CSV when the message cannot show them all. */
export function digestRows(digest: SyncDigest): string[][] {
  const rows = [["What", "Name", "TeleTrack id", "Reason"]];
  for (const [key, words] of CHANGE_WORDS) for (const name of digest.changed[key]) rows.push([words, name, "", ""]);
  for (const p of digest.problems) rows.push(["Can't sync", p.name, p.caregiverId, p.reason]);
  return rows;
}

const digestFilename = (digest: SyncDigest): string =>
  `caregiver-sync-${(digest.finishedAt ?? new Date(0)).toISOString().slice(0, 10)}-${digest.jobId.slice(0, 8)}.csv`;

/** The digest's CSV, where its lists are longer than the message shows; otherwise none. */
export function digestFile(digest: SyncDigest): { filename: string; title: string; content: string } | undefined {
  if (!digestNeedsCsv(digest)) return undefined;
  return { filename: digestFilename(digest), title: "Caregiver sync digest", content: toCsv(digestRows(digest)) };
}

/**
 * What a caregiver sync changed, by name, and who it could not sync and why, each with Fix and
 * sync when staff can fill in what is missing. At most DIGEST_ROWS of each list, names and
 * reasons clipped: at most 48 blocks and about 10,000 characters, within a message's 50 blocks
 * and Slack's total text. Beyond that the message says the rest is in the CSV.
 */
export function digestMessage(digest: SyncDigest, labels: CaregiverLabels): Message {
  const changedTotal = Object.values(digest.changed).reduce((sum, names) => sum + names.length, 0);
  const when = digest.finishedAt ? ` (${slackDate(digest.finishedAt)})` : "";
  const title = `*${digest.scheduled ? "Scheduled caregiver sync" : "Caregiver sync"}${when}: ${n(changedTotal)} changed in ${escape(labels.lms)}, ${n(digest.problems.length)} can't sync.*`;
  const inactive =
    digest.inactive > 0 ? `\nInactive in ${escape(labels.teletrack)}, left as they are: ${n(digest.inactive)}` : "";
  // A section per list keeps each within a section's 3,000 characters; the whole within Slack's total.
  const blocks: KnownBlock[] = [
    section(`${title}${inactive}`),
    ...CHANGE_WORDS.filter(([key]) => digest.changed[key].length > 0).map(([key, words]) =>
      section(`• ${words} (${n(digest.changed[key].length)}): ${namesLine(digest.changed[key])}`),
    ),
  ];
  if (digest.problems.length > 0) {
    blocks.push(section(`*Can't sync (${n(digest.problems.length)})*`));
    digest.problems.slice(0, DIGEST_ROWS).forEach((p, i) => blocks.push(...problemBlocks(p, i)));
    if (digest.problems.length > DIGEST_ROWS) {
      blocks.push(context(`…and ${n(digest.problems.length - DIGEST_ROWS)} more: every row is in the CSV below.`));
    }
  }
  if (labels.sandbox) blocks.push(context(labels.sandbox));
  return {
    text: `Caregiver sync digest: ${n(changedTotal)} changed, ${n(digest.problems.length)} can't sync.`,
    blocks,
  };
}

export const noDigestMessage = notice("No caregiver sync has finished yet, so there is no digest.");
