import type { WebClient } from "@slack/web-api";
import { planOf } from "../../../../app/learners/bulk-archive";
import type { Services } from "../../../../app/services";
import type { Job } from "../../../../jobs/types";
import { postJobMessage } from "../../../job-messages";
import { mention, notice, problemsMessage } from "../../../presenters/kit";
import { approvalRequestMessage } from "../../../presenters/learners/archive-bulk";
import { replaceOriginal, replyPrivately } from "../../reply";
import { sourceOf } from "../../views/learners/tell";
import { learnerButton, messageOf, type ButtonArgs } from "./button";

const STATE_WORDS: Record<string, string> = {
  "awaiting-second-approval": "is waiting for another admin's approval",
  queued: "has already started",
  running: "has already started",
  done: "has already run",
  failed: "has already run",
  cancelled: "was cancelled",
};

const stale = (job: Job) =>
  notice(
    `That archive ${STATE_WORDS[job.status] ?? job.status}${job.approvedBy ? ` (${mention(job.approvedBy)})` : ""}.`,
  );

async function start(services: Services, client: WebClient, job: Job, channel: string, userId: string): Promise<void> {
  const posted = await postJobMessage(client, job, channel, userId);
  await services.jobs.launch(job.id, posted);
}

/**
 * The approval request goes to the channel the archive was asked in, for the other admins to see;
 * where they can't (a direct message, or a channel carebridge is not in), to each of them directly.
 */
async function askForApproval(services: Services, client: WebClient, job: Job): Promise<string> {
  const message = approvalRequestMessage(job, planOf(job), sourceOf(services));
  const channel = job.channelId ?? "";
  if (channel !== "" && !channel.startsWith("D")) {
    try {
      await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
      return `I asked the other admins in <#${channel}>.`;
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code !== "not_in_channel" && code !== "channel_not_found") throw error;
    }
  }
  const others = (await services.access.adminIds(job.workspaceId)).filter((id) => id !== job.actorSlackId);
  for (const admin of others)
    await client.chat.postMessage({ channel: admin, text: message.text, blocks: message.blocks });
  return others.length > 0
    ? `I asked ${others.map(mention).join(", ")} directly.`
    : "There is no other admin yet: grant someone admin with /carebridge access grant.";
}

/** Confirm on the preview: the run starts, or waits for a second admin above the threshold. */
export function bulkConfirmPressed(services: Services) {
  return learnerButton(services, async ({ actor, value, respond, client, body }) => {
    const result = await services.learners.bulk.confirm(actor, value);
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    const { job, state } = result;
    if (state === "stale") return void (await replyPrivately(respond, stale(job)));
    if (state === "awaiting-second-approval") {
      const where = await askForApproval(services, client, job);
      return void (await replaceOriginal(respond, notice(`Nobody is archived until another admin approves. ${where}`)));
    }
    await replaceOriginal(respond, notice(`Archiving ${job.total} learners; the progress and the report follow.`));
    await start(services, client, job, job.channelId ?? body.channel?.id ?? actor.userId, actor.userId);
  });
}

export function bulkCancelPressed(services: Services) {
  return learnerButton(services, async ({ actor, value, respond }) => {
    const result = await services.learners.bulk.reject(actor, value);
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    await (result.rejected
      ? replaceOriginal(respond, notice("Cancelled; nobody was archived."))
      : replyPrivately(respond, stale(result.job)));
  });
}

async function showDecision(services: Services, args: ButtonArgs, job: Job): Promise<void> {
  const message = messageOf(args);
  if (!message) return;
  const updated = approvalRequestMessage(job, planOf(job), sourceOf(services));
  await args.client.chat.update({
    channel: message.channel,
    ts: message.ts,
    text: updated.text,
    blocks: updated.blocks,
  });
}

/** Approve on the request: only another admin than the one who asked. */
export function bulkApprovePressed(services: Services) {
  return learnerButton(services, async (args) => {
    const { actor, value, respond, client } = args;
    const result = await services.learners.bulk.approve(actor, value);
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    if (!result.approved) return void (await replyPrivately(respond, stale(result.job)));
    await showDecision(services, args, result.job);
    await start(
      services,
      client,
      result.job,
      messageOf(args)?.channel ?? result.job.channelId ?? actor.userId,
      actor.userId,
    );
  });
}

export function bulkRejectPressed(services: Services) {
  return learnerButton(services, async (args) => {
    const result = await services.learners.bulk.reject(args.actor, args.value);
    if (!result.ok) return void (await replyPrivately(args.respond, problemsMessage(result.problems)));
    if (!result.rejected) return void (await replyPrivately(args.respond, stale(result.job)));
    await showDecision(services, args, result.job);
  });
}

/** Reactivate all, on a bulk archive's report: a job over exactly the learners that run archived. */
export function reactivateAllPressed(services: Services) {
  return learnerButton(services, async ({ actor, value, respond, client, body }) => {
    const result = await services.learners.bulk.reactivateAll(actor, value);
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    if (!result.created)
      return void (await replyPrivately(
        respond,
        notice("Those learners are already being reactivated; the progress is in this channel."),
      ));
    await start(services, client, result.job, body.channel?.id ?? result.job.channelId ?? actor.userId, actor.userId);
  });
}
