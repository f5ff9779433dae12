import { count } from "../../../app/plural";
import type { ImportLog } from "../../../app/learners/import-log";
import { archivesOverThreshold } from "../../../app/learners/archive-runs";
import { type ImportPreview, LISTED_CHANGES, type ListedChange } from "../../../app/learners/import-preview";
import type { Problem } from "../../../app/result";
import {
  actions,
  context,
  escape,
  escapeName,
  type KnownBlock,
  type Message,
  mention,
  section,
  sentence,
  shortName,
  shortText,
  slackDate,
} from "../kit";
import { learners, reactivateAllActions, thresholdWords } from "./archive-bulk";
import { LEARNER_ACTION } from "./ids";

const SHOWN_REJECTED = 10;
/** The Import and Cancel buttons' block, replaced once either is pressed; Download errors stays. */
const DECISION_BLOCK = "import-decision";

/** What happened to a preview since it was posted: its buttons give way to a line saying so. */
export type PreviewState = { kind: "started" | "cancelled" | "awaiting-approval"; by: string };

const plural = (n: number, word: string) => count(n, word);

/** The answer in the file's thread: what importing would do, the first rejected lines, and the buttons. */
export function importPreviewMessage(preview: ImportPreview, source: string): Message {
  const c = preview.counts;
  const changes = c.create + c.update + c.archive + c.reactivate;
  const created = `Create *${c.create}*${preview.createdArchived > 0 ? ` (${preview.createdArchived} of them created as Archived)` : ""}`;
  const counts = [
    created,
    `Update *${c.update}*${(preview.renamed ?? 0) > 0 ? ` (${plural(preview.renamed ?? 0, "rename")})` : ""}`,
    `Archive *${c.archive}*`,
    `Reactivate *${c.reactivate}*`,
    `Unchanged *${c.unchanged}*`,
    `Rejected *${c.rejected}*`,
  ];
  const title =
    preview.intent === "archive"
      ? `*${shortName(preview.filename, 150)} is an archival file*: it archives every learner it lists that ${escape(source)} has, reports those it does not have, and creates or changes no one else.`
      : `*Preview of ${shortName(preview.filename, 150)}* against ${escape(source)}`;
  const blocks: KnownBlock[] = [section(`${title}\n${counts.join(" · ")}`)];
  const fileNotes = preview.fileNotes ?? [];
  if (fileNotes.length > 0) blocks.push(context(fileNotes.map((note) => shortText(note, 400)).join("\n")));

  blocks.push(...firstPeople(preview));
  blocks.push(...namesakesSection(preview, source));
  if (preview.rejected.length > 0) {
    const shown = preview.rejected
      .slice(0, SHOWN_REJECTED)
      // Each line shortened so that all it says it shows fits the section's 3,000 characters.
      .map((r) => `• Line ${r.line}: ${shortText(r.problems.join("; "), 200)}`);
    const heading =
      preview.rejected.length > SHOWN_REJECTED
        ? `*Rejected lines* (the first ${SHOWN_REJECTED} of ${preview.rejected.length})`
        : "*Rejected lines*";
    blocks.push(section(`${heading}\n${shown.join("\n")}`));
  }
  const notes = [...preview.ignored.map((note) => shortText(note, 300)), ...unknownColumnsNote(preview.unknownColumns)];
  if (notes.length > 0) blocks.push(context(notes.join("\n")));
  if (preview.previousImport) {
    const { at, by } = preview.previousImport;
    const again =
      changes === 0
        ? "importing it again changes nothing."
        : `since then ${plural(changes, "row")} differ from ${escape(source)}.`;
    blocks.push(section(`:repeat: This same file was already imported on ${when(at)} by ${mention(by)}; ${again}`));
  }

  const { archive } = preview;
  if (archive.needsSecondApproval) blocks.push(section(`:raised_hand: ${approvalNeeded(archive)}`));

  if (changes > 0) {
    blocks.push(
      actions(
        [
          {
            text: archive.needsSecondApproval ? "Ask for approval" : `Import ${plural(changes, "row")}`,
            actionId: LEARNER_ACTION.import,
            value: preview.jobId,
            style: "primary",
          },
          { text: "Cancel", actionId: LEARNER_ACTION.importCancel, value: preview.jobId },
        ],
        DECISION_BLOCK,
      ),
    );
  } else {
    blocks.push(context(`Nothing to import: every valid row already matches ${escape(source)}.`));
  }
  const downloads = [
    ...(c.rejected > 0
      ? [{ text: "Download errors", actionId: LEARNER_ACTION.importErrors, value: preview.jobId }]
      : []),
    ...(changes > 0
      ? [{ text: "Download changes", actionId: LEARNER_ACTION.importChanges, value: preview.jobId }]
      : []),
  ];
  if (downloads.length > 0) blocks.push(actions(downloads));
  const text = `${preview.intent === "archive" ? "Archival file" : "Preview of"} ${preview.filename}: ${c.create} to create, ${c.update} to update, ${c.archive} to archive, ${c.reactivate} to reactivate, ${c.unchanged} unchanged, ${c.rejected} rejected`;
  return { text, blocks };
}

/**
 * Why Import asks for another admin: archives over the threshold, renames, or both. A rename
 * waits as a large archive does, for a row with the wrong email overwrites another person's name.
 */
export function approvalNeeded(archive: ImportPreview["archive"]): string {
  const archives = archivesOverThreshold(archive)
    ? `archives ${learners(archive.count)}: that is ${thresholdWords(archive)}`
    : "";
  if (!archive.renames) return `Importing it ${archives}, so another admin has to approve before anything changes.`;
  const { count, sample } = archive.renames;
  const shown = sample.slice(0, 3).map((s) => shortName(s, 80));
  const more = count > shown.length ? `, and ${count - shown.length} more` : "";
  const renames = `renames ${learners(count)} (${shown.join(", ")}${more})`;
  return archives === ""
    ? `Importing it ${renames}: a rename needs another admin's approval before anything changes, as a large archive does.`
    : `Importing it ${archives}, and ${renames}, so another admin has to approve before anything changes.`;
}

/**
 * The learners the file would create whose names the LMS already has under other emails: seed 003
 * asks staff to check for an existing account (another county, another email) first.
 */
function namesakesSection(preview: ImportPreview, source: string): KnownBlock[] {
  const namesakes = preview.namesakes;
  if (namesakes === undefined || namesakes.count === 0) return [];
  const { count, first } = namesakes;
  const heading =
    count === 1
      ? `*1 learner to create has a name ${escape(source)} already has* under another email: check they have no account before importing.`
      : `*${plural(count, "learner")} to create have names ${escape(source)} already has* under other emails${count > first.length ? ` (the first ${first.length})` : ""}: check they have no account before importing.`;
  const lines = first.map((r) => {
    const name = shortName(`${r.firstName} ${r.lastName}`.trim(), 60);
    const total = r.existing.length + (r.more ?? 0);
    const existing = r.existing.slice(0, 2).map((l) => `${shortText(l.email, 50)} (${l.status})`);
    const more = total > existing.length ? `, and ${total - existing.length} more` : "";
    const already =
      total === 1 ? `1 learner named ${name} already exists` : `${total} learners named ${name} already exist`;
    return `• Line ${r.line}, ${shortText(r.email, 50)}: ${already}: ${existing.join(", ")}${more}`;
  });
  return [section(`${heading}\n${lines.join("\n")}`)];
}

const LISTED_HEADING: Record<ListedChange, string> = {
  create: "To create",
  update: "To update",
  archive: "To archive",
  reactivate: "To reactivate",
};

/** A section per kind of change naming its first people, so a person sees who, not only how many. */
function firstPeople(preview: ImportPreview): KnownBlock[] {
  const first = preview.firstRows;
  if (first === undefined) return [];
  return LISTED_CHANGES.flatMap((kind) => {
    const rows = first[kind];
    if (rows.length === 0) return [];
    const total = preview.counts[kind];
    const heading =
      total > rows.length
        ? `*${LISTED_HEADING[kind]}* (the first ${rows.length} of ${total})`
        : `*${LISTED_HEADING[kind]}*`;
    // Each name and email shortened so that every list together stays within a message's 12,000 characters.
    const name = (full: string) => shortName(full, 60);
    const lines = rows.map(
      (r) =>
        `• ${r.renamedFrom === undefined ? "" : `${name(r.renamedFrom)} → `}${name(`${r.firstName} ${r.lastName}`)} — ${shortText(r.email, 60)}`,
    );
    return [section(`${heading}\n${lines.join("\n")}`)];
  });
}

/** The columns not in the template, all named while they fit a context's 3,000 characters, then "and N more". */
function unknownColumnsNote(columns: readonly string[]): string[] {
  if (columns.length === 0) return [];
  const lead =
    columns.length === 1
      ? "A column is not in the template; its values were not read: "
      : `${columns.length} columns are not in the template; their values were not read: `;
  const named: string[] = [];
  let used = lead.length;
  for (const column of columns) {
    const shown = `"${shortText(column, 60)}"`;
    if (used + shown.length + 2 > 1200) break;
    named.push(shown);
    used += shown.length + 2;
  }
  const rest = columns.length - named.length;
  return [`${lead}${named.join(", ")}${rest > 0 ? ` and ${rest} more` : ""}.`];
}

/** A file carebridge will not import, and why, in the file's thread. */
export function importRefusedMessage(filename: string, problems: Problem[]): Message {
  const why = problems.map((p) => p.message).join(" ");
  return {
    text: `carebridge can't import ${filename}: ${why}`,
    blocks: [section(`:warning: carebridge can't import *${escapeName(filename)}*: ${sentence(why)}`)],
  };
}

const LOG_ORDER = ["created", "updated", "archived", "reactivated", "unchanged", "rejected", "failed", "not processed"];

/** Posted with the import log CSV when the import job ends; an import that archived anyone can be undone from it. */
export function importLogMessage(log: ImportLog): Message {
  const known = LOG_ORDER.filter((o) => (log.counts[o] ?? 0) > 0);
  const others = Object.keys(log.counts).filter((o) => !LOG_ORDER.includes(o));
  const counts = [...known, ...others].map((o) => `${o}: *${log.counts[o]}*`).join(" · ");
  const archived = log.counts.archived ?? 0;
  const headline =
    log.job.status === "failed"
      ? `*Import of ${escapeName(log.filename)} stopped* — ${escape(log.job.error ?? "")}`
      : `*Import log of ${escapeName(log.filename)}*`;
  return {
    text: `Import log of ${log.filename}: ${Object.entries(log.counts)
      .map(([o, n]) => `${n} ${o}`)
      .join(", ")}`,
    blocks: [
      section(`${headline}\n${counts}`),
      context("The attached CSV has every line of the file with what happened to it."),
      ...(archived > 0
        ? [
            context(`To undo the archives, reactivate exactly the ${learners(archived)} this import archived.`),
            reactivateAllActions(log.job, archived),
          ]
        : []),
    ],
  };
}

function when(at: Date): string {
  return slackDate(at);
}

/** The preview as posted, with its buttons replaced by what happened: no second fetch of the preview needed. */
export function settledPreview(blocks: readonly KnownBlock[], state: PreviewState): KnownBlock[] {
  const line = {
    started: `:arrow_forward: Import started by ${mention(state.by)}.`,
    cancelled: `:x: Cancelled by ${mention(state.by)}; nothing was imported.`,
    "awaiting-approval": `:raised_hand: ${mention(state.by)} asked for another admin's approval; nothing is imported before it.`,
  }[state.kind];
  const kept = blocks.filter((b) => !(b.type === "actions" && b.block_id === DECISION_BLOCK));
  const at = blocks.findIndex((b) => b.type === "actions" && b.block_id === DECISION_BLOCK);
  return at < 0 ? [...kept, context(line)] : [...kept.slice(0, at), context(line), ...kept.slice(at)];
}
