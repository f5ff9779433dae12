import { z } from "zod";
import type { Result } from "../../../../app/result";
import type { SelectionAnswer } from "../../../../app/learners/bulk-archive";
import { count } from "../../../../app/plural";
import type { Services } from "../../../../app/services";
import { notice, problemsMessage } from "../../../presenters/kit";
import { archivePreviewMessage } from "../../../presenters/learners/archive-bulk";
import { sourceOf } from "../../shared/learners";
import { replaceOriginal, replyPrivately } from "../../reply";
import { askForApproval, stale, startRun } from "./archive-runs";
import { type ButtonArgs, handler, jsonValue } from "../../handler";
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

/** The preview's Leave out, Put back, Previous and Next: the job, the page shown, and which learner. */
const SELECTION_BUTTON = {
  value: jsonValue(z.object({ j: z.string(), p: z.number().int().min(0), s: z.number().int().min(0).optional() })),
  outOfDate: notice("That button is out of date; run /learner archive-bulk again."),
};

async function showAnswer(services: Services, respond: ButtonArgs["respond"], answer: Result<SelectionAnswer>) {
  if (!answer.ok) return void (await replyPrivately(respond, problemsMessage(answer.problems)));
  if (!answer.open) return void (await replyPrivately(respond, stale(answer.job)));
  await replaceOriginal(respond, archivePreviewMessage(answer.selection, sourceOf(services)));
}

/** Leave out (or Put back) one learner the filter found: the preview shows the same page, counted again. */
export function bulkLeaveOutPressed(services: Services, leftOut: boolean) {
  return handler(services, SELECTION_BUTTON, async ({ actor, value, respond }) => {
    if (value.s === undefined) return void (await replyPrivately(respond, SELECTION_BUTTON.outOfDate));
    await showAnswer(
      services,
      respond,
      await services.learners.bulk.leaveOut(actor, value.j, value.s, leftOut, value.p),
    );
  });
}

/** Previous / Next on the preview. */
export function bulkPagePressed(services: Services) {
  return handler(services, SELECTION_BUTTON, async ({ actor, value, respond }) => {
    await showAnswer(services, respond, await services.learners.bulk.show(actor, value.j, value.p));
  });
}
