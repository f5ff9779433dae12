import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { alreadyStartedMessage, cancelledMessage, startedMessage } from "../../../presenters/caregivers/preview";
import { problemsMessage } from "../../../presenters/kit";
import { replaceOriginal, replyPrivately, privately } from "../../reply";
import { startJobWithMessage } from "../../../job-start";
import type { ButtonArgs } from "./types";
import { answerErrors } from "../../handler";

/** Confirm on the preview: the first press starts the job; any later press says it has started. */
export function caregiverSyncAllConfirm(services: Services) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs) => {
    await ack();
    const actor = actorOf(context);
    await answerErrors(services, privately(respond), async () => {
      const result = await services.caregivers.confirmAll(actor, action.value ?? "");
      if (!result.ok) {
        await replyPrivately(respond, problemsMessage(result.problems));
        return;
      }
      if (!result.started) {
        await replyPrivately(respond, alreadyStartedMessage);
        return;
      }
      try {
        await replaceOriginal(respond, startedMessage(result.job.total));
      } catch (error) {
        // The job is queued already: a preview Slack would not replace must not keep it from running.
        services.logger.warn({ err: error }, "the sync preview was not replaced; the sync goes on");
      }
      const channel = body.channel?.id ?? result.job.channelId ?? actor.userId;
      await startJobWithMessage(services, client, result.job, { channel, userId: actor.userId, respond });
    });
  };
}

export function caregiverSyncAllCancel(services: Services) {
  return async ({ ack, action, respond, context }: ButtonArgs) => {
    await ack();
    const actor = actorOf(context);
    await answerErrors(services, privately(respond), async () => {
      const result = await services.caregivers.cancelAll(actor, action.value ?? "");
      await (result.ok
        ? replaceOriginal(respond, cancelledMessage)
        : replyPrivately(respond, problemsMessage(result.problems)));
    });
  };
}
