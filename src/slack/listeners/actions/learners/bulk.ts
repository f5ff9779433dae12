import { count } from "../../../../app/plural";
import type { Services } from "../../../../app/services";
import { notice, problemsMessage } from "../../../presenters/kit";
import { replaceOriginal, replyPrivately } from "../../reply";
import { askForApproval, stale, startRun } from "./archive-runs";
import { handler } from "../../handler";
import { LEARNER_BUTTON } from "./button";

/** Confirm on the preview: the run starts, or waits for a second admin above the threshold. */
export function bulkConfirmPressed(services: Services) {
  return handler(services, LEARNER_BUTTON, async ({ actor, value, respond, client, body }) => {
    const result = await services.learners.bulk.confirm(actor, value);
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    const { job, state } = result;
    if (state === "stale") return void (await replyPrivately(respond, stale(job)));
    if (state === "awaiting-second-approval") {
      const where = await askForApproval(services, client, job);
      return void (await replaceOriginal(respond, notice(`Nobody is archived until another admin approves. ${where}`)));
    }
    await replaceOriginal(
      respond,
      notice(`Archiving ${count(job.total, "learner")}; the progress and the report follow.`),
    );
    await startRun(services, client, job, job.channelId ?? body.channel?.id ?? actor.userId, actor.userId, respond);
  });
}

export function bulkCancelPressed(services: Services) {
  return handler(services, LEARNER_BUTTON, async ({ actor, value, respond }) => {
    const result = await services.learners.bulk.cancel(actor, value);
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    await (result.cancelled
      ? replaceOriginal(respond, notice("Cancelled; nobody was archived."))
      : replyPrivately(respond, stale(result.job)));
  });
}
