import { count } from "../../../app/plural";
import type { ActionsBlock, ModalView } from "@slack/types";
import type { ArchiveFilterForm } from "../../../app/learners/archive-filter-form";
import type { ArchiveApproval } from "../../../app/learners/archive-runs";
import type { ArchivePlan } from "../../../app/learners/bulk-archive";
import { CALIFORNIA_COUNTIES, COMMUNITY_PARTNER_AFFILIATION } from "../../../domain/learners/template";
import type { Job } from "../../../jobs/types";
import { actions, context, escape, type Message, mention, section } from "../kit";
import { LEARNER_ACTION, LEARNER_VIEW } from "./ids";
import { input, option, plain, read, VALUE, type StateValues } from "../modal-kit";

export const ARCHIVE_BLOCKS = ["affiliation", "status", "emailDomain", "county", "hiredBefore"] as const;

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
  };
}

export const learners = (n: number) => count(n, "learner");

export function thresholdWords(plan: ArchiveApproval): string {
  return `more than ${count(plan.threshold.maxCount, "learner")} or more than ${Math.round(plan.threshold.maxShare * 100)}% of the ${plan.activeTotal.toLocaleString("en-US")} active ones`;
}

/** Only for the admin who asked: how many, who, and Confirm. */
export function archivePreviewMessage(job: Job, plan: ArchivePlan, source: string): Message {
  if (plan.count === 0) {
    return {
      text: "No active learner matches that filter.",
      blocks: [
        section(`No active learner in ${escape(source)} matches: ${escape(plan.description)}. Nothing to archive.`),
      ],
    };
  }
  const sample =
    plan.sample.map(escape).join(", ") +
    (plan.count > plan.sample.length ? `, and ${plan.count - plan.sample.length} more` : "");
  const blocks = [
    section(`*Archive ${learners(plan.count)}* in ${escape(source)}\n${escape(plan.description)}.\n${sample}`),
    ...(plan.needsSecondApproval
      ? [
          section(
            `:raised_hand: That is ${thresholdWords(plan)}, so after you confirm, another admin has to approve before anyone is archived.`,
          ),
        ]
      : []),
    actions([
      {
        text: plan.needsSecondApproval ? "Ask for approval" : `Archive ${learners(plan.count)}`,
        actionId: LEARNER_ACTION.bulkConfirm,
        value: job.id,
        style: "danger",
        confirm: {
          title: "Archive these learners?",
          text: `${learners(plan.count)} will no longer be able to sign in to ${escape(source)} until reactivated.`,
          confirm: "Archive",
        },
      },
      { text: "Cancel", actionId: LEARNER_ACTION.bulkCancel, value: job.id },
    ]),
  ];
  return { text: `Archive ${learners(plan.count)}: ${plan.description}`, blocks };
}

/**
 * In the channel, for the other admins, for a bulk archive or an import that archives; once
 * decided, its buttons give way to who decided.
 */
export function approvalRequestMessage(job: Job, plan: ArchiveApproval, source: string): Message {
  const ask = `${mention(job.actorSlackId)} asks to archive *${learners(plan.count)}* in ${escape(source)}: ${escape(plan.description)}. That is ${thresholdWords(plan)}, so another admin has to approve.`;
  const decided =
    job.status === "awaiting-second-approval"
      ? actions([
          {
            text: "Approve",
            actionId: LEARNER_ACTION.bulkApprove,
            value: job.id,
            style: "danger",
            confirm: {
              title: "Approve this archive?",
              text: `${learners(plan.count)} will be archived.`,
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
    text: `Approval needed: archive ${learners(plan.count)} (${plan.description})`,
    blocks: [
      section(`:raised_hand: ${ask}\n${escape(plan.sample.join(", "))}${plan.count > plan.sample.length ? ", …" : ""}`),
      decided,
    ],
  };
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
