import { count } from "../../../app/plural";
import type { ActionsBlock, ModalView, SectionBlock } from "@slack/types";
import type { ArchiveFilterForm } from "../../../app/learners/archive-filter-form";
import { archivesOverThreshold, type ArchiveApproval } from "../../../app/learners/archive-runs";
import type { ArchiveCandidate, ArchiveSelection } from "../../../app/learners/bulk-archive";
import { CALIFORNIA_COUNTIES, COMMUNITY_PARTNER_AFFILIATION } from "../../../app/learners/new-learner-form";
import type { Job } from "../../../jobs/types";
import {
  actions,
  button,
  type ButtonSpec,
  context,
  escape,
  type Message,
  mention,
  section,
  shortName,
  shortText,
} from "../kit";
import { LEARNER_ACTION, LEARNER_VIEW } from "./ids";
import { input, option, plain, read, VALUE, type StateValues } from "../modal-kit";

export const ARCHIVE_BLOCKS = [
  "affiliation",
  "status",
  "organization",
  "emailDomain",
  "county",
  "hiredBefore",
  "name",
] as const;

/** Typed filters are short; a longer one is a paste gone wrong. */
const FILTER_TEXT_MAX = 150;

/** `/learner archive-bulk`: the filter, as CACWT's own Bulk Actions page asks for it. */
export function archiveBulkModal(channelId: string): ModalView {
  return {
    type: "modal",
    callback_id: LEARNER_VIEW.archiveBulk,
    private_metadata: JSON.stringify({ channelId }),
    title: plain("Archive learners"),
    submit: plain("Preview"),
    close: plain("Cancel"),
    blocks: [
      section(
        "Choose who to archive. Blank fields match everyone; you'll see how many and who before anything changes.",
      ),
      input(
        "affiliation",
        "Affiliation",
        { type: "plain_text_input", action_id: VALUE, initial_value: COMMUNITY_PARTNER_AFFILIATION },
        { optional: true },
      ),
      input("status", "Learner status", {
        type: "static_select",
        action_id: VALUE,
        options: [option("Active")],
        initial_option: option("Active"),
      }),
      input(
        "organization",
        "Organization",
        {
          type: "plain_text_input",
          action_id: VALUE,
          max_length: FILTER_TEXT_MAX,
          placeholder: plain("e.g. Riverside County DPSS"),
        },
        {
          optional: true,
          hint: "Learners whose organization name contains this; community partners usually have none.",
        },
      ),
      input(
        "emailDomain",
        "Email domain",
        { type: "plain_text_input", action_id: VALUE, placeholder: plain("e.g. sdsu.edu") },
        {
          optional: true,
          hint: "Everyone of one organization, by the domain of their email addresses.",
        },
      ),
      input(
        "county",
        "County",
        {
          type: "static_select",
          action_id: VALUE,
          placeholder: plain("Any county"),
          options: CALIFORNIA_COUNTIES.map((c) => option(c)),
        },
        { optional: true },
      ),
      input("hiredBefore", "Hired before", { type: "datepicker", action_id: VALUE }, { optional: true }),
      input(
        "name",
        "Name",
        {
          type: "plain_text_input",
          action_id: VALUE,
          max_length: FILTER_TEXT_MAX,
          placeholder: plain("e.g. ana gar"),
        },
        {
          optional: true,
          hint: "The start of a first or last name, or both. You can also leave people out in the preview.",
        },
      ),
    ],
  };
}

export function readArchiveFilterForm(values: StateValues): ArchiveFilterForm {
  return {
    affiliation: read.text(values, "affiliation"),
    status: read.picked(values, "status"),
    emailDomain: read.text(values, "emailDomain"),
    county: read.picked(values, "county"),
    hiredBefore: read.date(values, "hiredBefore"),
    organization: read.text(values, "organization"),
    name: read.text(values, "name"),
  };
}

export const learners = (n: number) => count(n, "learner");

export function thresholdWords(plan: ArchiveApproval): string {
  return `more than ${count(plan.threshold.maxCount, "learner")} or more than ${Math.round(plan.threshold.maxShare * 100)}% of the ${plan.activeTotal.toLocaleString("en-US")} active ones`;
}

/** What the preview's buttons carry: the job, the page shown, and (Leave out, Put back) which learner. */
export interface SelectionValue {
  j: string;
  p: number;
  s?: number;
}

const valueOf = (v: SelectionValue) => JSON.stringify(v);

/**
 * Only for the admin who asked: who the filter found, a page at a time, each with Leave out or
 * Put back; the counts, the threshold and Confirm are for who is left.
 */
export function archivePreviewMessage(selection: ArchiveSelection, source: string): Message {
  const { job, plan, page, pages, rows, leftOut, remaining } = selection;
  if (plan.count === 0) {
    return {
      text: "No active learner matches that filter.",
      blocks: [
        section(`No active learner in ${escape(source)} matches: ${escape(plan.description)}. Nothing to archive.`),
      ],
    };
  }
  const found =
    leftOut === 0
      ? `The filter found ${learners(plan.count)}; leave out anyone who should stay active.`
      : `The filter found ${learners(plan.count)}; you left out ${leftOut}.`;
  const first = selection.offset + 1;
  const navigation: ButtonSpec[] = [
    ...(page > 0
      ? [{ text: "Previous", actionId: LEARNER_ACTION.bulkPrevious, value: valueOf({ j: job.id, p: page - 1 }) }]
      : []),
    ...(page < pages - 1
      ? [{ text: "Next", actionId: LEARNER_ACTION.bulkNext, value: valueOf({ j: job.id, p: page + 1 }) }]
      : []),
  ];
  const confirm: ButtonSpec[] =
    remaining === 0
      ? []
      : [
          {
            text: selection.needsSecondApproval ? "Ask for approval" : `Archive ${learners(remaining)}`,
            actionId: LEARNER_ACTION.bulkConfirm,
            value: job.id,
            style: "danger",
            confirm: {
              title: "Archive these learners?",
              text: `${learners(remaining)} will no longer be able to sign in to ${shortText(source, 100)} until reactivated.`,
              confirm: "Archive",
            },
          },
        ];
  const blocks = [
    section(`*Archive ${learners(remaining)}* in ${escape(source)}\n${escape(plan.description)}.\n${found}`),
    ...(remaining === 0
      ? [section("Everyone is left out, so nothing would be archived: put someone back, or Cancel.")]
      : selection.needsSecondApproval
        ? [
            section(
              `:raised_hand: That is ${thresholdWords(plan)}, so after you confirm, another admin has to approve before anyone is archived.`,
            ),
          ]
        : []),
    ...rows.map((row) => candidateBlock(job.id, page, row)),
    context(
      `Learners ${first}–${first + rows.length - 1} of ${plan.count.toLocaleString("en-US")}${pages > 1 ? ` · page ${page + 1} of ${pages}` : ""}`,
    ),
    ...(navigation.length > 0 ? [actions(navigation)] : []),
    actions([...confirm, { text: "Cancel", actionId: LEARNER_ACTION.bulkCancel, value: job.id }]),
  ];
  return { text: `Archive ${learners(remaining)}: ${plan.description}`, blocks };
}

function candidateBlock(jobId: string, page: number, row: ArchiveCandidate): SectionBlock {
  const who = `${shortName(row.name || "(no name)", 80)} · ${shortText(row.email, 120)}`;
  return {
    type: "section",
    text: { type: "mrkdwn", text: row.leftOut ? `~${who}~ _left out_` : who },
    accessory: button(
      row.leftOut
        ? { text: "Put back", actionId: LEARNER_ACTION.bulkPutBack, value: valueOf({ j: jobId, p: page, s: row.seq }) }
        : {
            text: "Leave out",
            actionId: LEARNER_ACTION.bulkLeaveOut,
            value: valueOf({ j: jobId, p: page, s: row.seq }),
          },
    ),
  };
}

/**
 * In the channel, for the other admins, for a bulk archive or an import that archives; once
 * decided, its buttons give way to who decided.
 */
export function approvalRequestMessage(job: Job, plan: ArchiveApproval, source: string): Message {
  const ask = approvalAsk(job, plan, source);
  const decided =
    job.status === "awaiting-second-approval"
      ? actions([
          {
            text: "Approve",
            actionId: LEARNER_ACTION.bulkApprove,
            value: job.id,
            style: "danger",
            confirm: {
              title: plan.renames && plan.count === 0 ? "Approve these renames?" : "Approve this archive?",
              text: approvedWords(plan),
              confirm: "Approve",
            },
          },
          { text: "Reject", actionId: LEARNER_ACTION.bulkReject, value: job.id },
        ])
      : context(
          job.status === "cancelled"
            ? `:x: Rejected by ${mention(job.approvedBy ?? "")}; nobody was archived.`
            : `:white_check_mark: Approved by ${mention(job.approvedBy ?? "")}.`,
        );
  return {
    text:
      plan.renames && !archivesOverThreshold(plan)
        ? `Approval needed: rename ${learners(plan.renames.count)}`
        : `Approval needed: archive ${learners(plan.count)} (${plan.description})`,
    blocks: [
      section(
        `:raised_hand: ${ask}${plan.count > 0 ? `\n${plan.sample.map((name) => shortName(name, 60)).join(", ")}${plan.count > plan.sample.length ? ", …" : ""}` : ""}`,
      ),
      decided,
    ],
  };
}

/** Who asks for what: archives over the threshold, an import's renames, or both. */
function approvalAsk(job: Job, plan: ArchiveApproval, source: string): string {
  const who = mention(job.actorSlackId);
  const leftOut = plan.leftOut
    ? ` (of the ${learners(plan.count + plan.leftOut)} it found, ${plan.leftOut} left out)`
    : "";
  const archives = `archive *${learners(plan.count)}* in ${escape(source)}: ${shortText(plan.description, 300)}${leftOut}. That is ${thresholdWords(plan)}`;
  if (!plan.renames) return `${who} asks to ${archives}, so another admin has to approve.`;
  const { count, sample } = plan.renames;
  const shown = sample.slice(0, 5).map((s) => shortName(s, 80));
  const renames = `rename *${learners(count)}* in ${escape(source)} (${shown.join(", ")}${count > shown.length ? ", …" : ""})`;
  return archivesOverThreshold(plan)
    ? `${who} asks to ${archives}; and to ${renames}. So another admin has to approve.`
    : `${who} asks to ${renames}: a rename needs another admin's approval, as a large archive does.`;
}

function approvedWords(plan: ArchiveApproval): string {
  const archived = plan.count > 0 ? `${learners(plan.count)} will be archived.` : "";
  const renamed = plan.renames ? `${learners(plan.renames.count)} will be renamed.` : "";
  return [archived, renamed].filter(Boolean).join(" ");
}

/** After a bulk archive: the way back. */
export function reactivateAllMessage(job: Job, archived: number): Message {
  return {
    text: `Undo: reactivate the ${learners(archived)} this run archived`,
    blocks: [
      section(`To undo this run, reactivate exactly the ${learners(archived)} it archived.`),
      reactivateAllActions(job, archived),
    ],
  };
}

/** Reactivate all, on whatever reports a run that archived learners (a bulk archive, an import). */
export function reactivateAllActions(job: Job, archived: number): ActionsBlock {
  return actions([{ text: `Reactivate all ${archived}`, actionId: LEARNER_ACTION.reactivateAll, value: job.id }]);
}
