import type { KnownBlock } from "@slack/types";
import type { Services } from "../../../../app/services";
import type { Job } from "../../../../jobs/types";
import { mention } from "../../../../app/mention";
import { notice, problemsMessage } from "../../../presenters/kit";
import { settledPreview, type PreviewState } from "../../../presenters/learners/import";
import { slackFailure } from "../../../slack-error";
import { uploadFile } from "../../../files";
import { replyPrivately } from "../../reply";
import { askForApproval, startRun } from "./archive-runs";
import { type ButtonArgs, handler } from "../../handler";
import { LEARNER_BUTTON, messageOf } from "./button";

/**
 * The preview's buttons give way to who started or cancelled it, or asked for approval. The
 * decision is recorded before this; when Slack refuses the update the preview merely keeps its
 * buttons, and a later press says what really happened, so what follows must go on regardless.
 */
async function settle(services: Services, args: ButtonArgs, state: PreviewState): Promise<void> {
  const message = messageOf(args);
  if (!message) return;
  const blocks = settledPreview(message.blocks as KnownBlock[], state);
  const text = {
    started: "Import started",
    cancelled: "Import cancelled",
    "awaiting-approval": "Import awaiting approval",
  };
  try {
    await args.client.chat.update({ channel: message.channel, ts: message.ts, text: text[state.kind], blocks });
  } catch (error) {
    services.logger.warn(slackFailure(error), "the import preview was not updated; the import goes on");
  }
}

function already(job: Job): string {
  if (job.status === "cancelled")
    return `That import was cancelled${job.approvedBy ? ` by ${mention(job.approvedBy)}` : ""}; upload the file again to import it.`;
  if (job.status === "awaiting-second-approval") return "That import is waiting for another admin's approval.";
  return `That import has already started${job.approvedBy ? ` (by ${mention(job.approvedBy)})` : ""}; its progress is in this thread.`;
}

/**
 * Import: one job however many presses; its progress message goes in the file's thread. An
 * import that archives more than the threshold asks the other admins instead.
 */
export function importPressed(services: Services) {
  return handler(services, LEARNER_BUTTON, async (args) => {
    const { actor, value, respond, client } = args;
    const result = await services.learners.imports.start(actor, value);
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    const { job, state } = result;
    if (state === "stale") return void (await replyPrivately(respond, notice(already(job))));
    if (state === "awaiting-second-approval") {
      await settle(services, args, { kind: "awaiting-approval", by: actor.userId });
      const where = await askForApproval(services, client, job);
      return void (await replyPrivately(respond, notice(`Nothing is imported until another admin approves. ${where}`)));
    }
    await settle(services, args, { kind: "started", by: actor.userId });
    await startRun(services, client, job, job.channelId ?? actor.userId, actor.userId, respond);
  });
}

export function importCancelPressed(services: Services) {
  return handler(services, LEARNER_BUTTON, async (args) => {
    const result = await services.learners.imports.cancel(args.actor, args.value);
    if (!result.ok) return void (await replyPrivately(args.respond, problemsMessage(result.problems)));
    if (!result.cancelled) return void (await replyPrivately(args.respond, notice(already(result.job))));
    await settle(services, args, { kind: "cancelled", by: args.actor.userId });
  });
}

/** A preview's download button: the CSV the use-case makes, in the file's thread. */
function downloadPressed(services: Services, make: Services["learners"]["imports"]["errors"], comment: string) {
  return handler(services, LEARNER_BUTTON, async ({ actor, value, respond, client }) => {
    const result = await make(actor, value);
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    await uploadFile(client, { channel: result.channelId, threadTs: result.threadTs }, { ...result.file, comment });
  });
}

/** Download errors: the rejected rows as a CSV in the file's thread, formulas neutralized. */
export function importErrorsPressed(services: Services) {
  return downloadPressed(
    services,
    (actor, jobId) => services.learners.imports.errors(actor, jobId),
    "The rejected rows, each with every problem found: fix them in the spreadsheet and upload the file again.",
  );
}

/** Download changes: every row the import would change or rejected, with what changes, in the file's thread. */
export function importChangesPressed(services: Services) {
  return downloadPressed(
    services,
    (actor, jobId) => services.learners.imports.changes(actor, jobId),
    "Every row this import would change or rejected, with what changes: check them before importing.",
  );
}
