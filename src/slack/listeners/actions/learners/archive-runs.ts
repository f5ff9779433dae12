import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { approvalOf, runNoun } from "../../../../app/learners/archive-runs";
import type { Services } from "../../../../app/services";
import type { Job } from "../../../../jobs/types";
import { channelLink, mention } from "../../../../app/mention";
import { notice, problemsMessage, slackPayload } from "../../../presenters/kit";
import { approvalRequestMessage } from "../../../presenters/learners/archive-bulk";
import { replyPrivately } from "../../reply";
import { channelUnreachable } from "../../../slack-error";
import { sourceOf } from "../../shared/learners";
import { startJobWithMessage } from "../../../job-start";
import { type ButtonArgs, handler } from "../../handler";
import { LEARNER_BUTTON, messageOf } from "./button";

const STATE_WORDS: Record<string, string> = {
  "awaiting-second-approval": "is waiting for another admin's approval",
  queued: "has already started",
  running: "has already started",
  done: "has already run",
  failed: "has already run",
  cancelled: "was cancelled",
};

/** A press that came too late: what happened to the bulk archive or import meanwhile. */
export const stale = (job: Job) =>
  notice(
    `That ${runNoun(job)} ${STATE_WORDS[job.status] ?? job.status}${job.approvedBy ? ` (${mention(job.approvedBy)})` : ""}.`,
  );

/**
 * Posts the job's progress message and starts it: in the thread the job belongs to (an import's
 * file, and the undo of one), else where the request came from.
 */
export function startRun(
  services: Services,
  client: WebClient,
  job: Job,
  channel: string,
  userId: string,
  respond: RespondFn,
): Promise<void> {
  const where = job.channelId && job.threadTs ? job.channelId : channel;
  return startJobWithMessage(services, client, job, { channel: where, userId, respond });
}

/**
 * The approval request goes where the run was asked for (an import's file thread), for the other
 * admins to see; where they can't (a direct message, or a channel carebridge is not in), to each
 * of them directly. Returns where it went, for the asker.
 */
export async function askForApproval(services: Services, client: WebClient, job: Job): Promise<string> {
  const message = approvalRequestMessage(job, approvalOf(job), sourceOf(services));
  const channel = job.channelId ?? "";
  if (channel !== "" && !channel.startsWith("D")) {
    try {
      await client.chat.postMessage({
        channel,
        ...(job.threadTs ? { thread_ts: job.threadTs } : {}),
        ...slackPayload(message),
      });
      return job.threadTs
        ? "I asked the other admins in this thread."
        : `I asked the other admins in ${channelLink(channel)}.`;
    } catch (error) {
      if (!channelUnreachable(error)) throw error;
    }
  }
  const others = (await services.access.adminIds(job.workspaceId)).filter((id) => id !== job.actorSlackId);
  for (const admin of others) await client.chat.postMessage({ channel: admin, ...slackPayload(message) });
  return others.length > 0
    ? `I asked ${others.map(mention).join(", ")} directly.`
    : "There is no other admin yet: grant someone admin with /carebridge access grant.";
}

async function showDecision(services: Services, args: ButtonArgs, job: Job): Promise<void> {
  const message = messageOf(args);
  if (!message) return;
  const updated = approvalRequestMessage(job, approvalOf(job), sourceOf(services));
  await args.client.chat.update({
    channel: message.channel,
    ts: message.ts,
    ...slackPayload(updated),
  });
}

/** Approve on a request: only another admin than the one who asked; the run starts at once. */
export function approvePressed(services: Services) {
  return handler(services, LEARNER_BUTTON, async (args) => {
    const { actor, value, respond, client } = args;
    const result = await services.learners.archiveRuns.approve(actor, value);
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    if (!result.approved) return void (await replyPrivately(respond, stale(result.job)));
    await showDecision(services, args, result.job);
    await startRun(
      services,
      client,
      result.job,
      messageOf(args)?.channel ?? result.job.channelId ?? actor.userId,
      actor.userId,
      respond,
    );
  });
}

export function rejectPressed(services: Services) {
  return handler(services, LEARNER_BUTTON, async (args) => {
    const result = await services.learners.archiveRuns.reject(args.actor, args.value);
    if (!result.ok) return void (await replyPrivately(args.respond, problemsMessage(result.problems)));
    if (!result.rejected) return void (await replyPrivately(args.respond, stale(result.job)));
    await showDecision(services, args, result.job);
  });
}

/** Reactivate all, on a bulk archive's report or an import's log: a job over exactly the learners that run archived. */
export function reactivateAllPressed(services: Services) {
  return handler(services, LEARNER_BUTTON, async ({ actor, value, respond, client, body }) => {
    const result = await services.learners.archiveRuns.reactivateAll(actor, value);
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    if (!result.created)
      return void (await replyPrivately(
        respond,
        notice("Those learners are already being reactivated; the progress is in this channel."),
      ));
    await startRun(
      services,
      client,
      result.job,
      body.channel?.id ?? result.job.channelId ?? actor.userId,
      actor.userId,
      respond,
    );
  });
}
