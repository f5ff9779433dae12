import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { postJobMessage } from "../../../job-messages";
import { alreadyStartedMessage, cancelledMessage, startedMessage } from "../../../presenters/caregivers/preview";
import { problemsMessage } from "../../../presenters/kit";
import { replaceOriginal, replyPrivately } from "../../reply";
import { answering } from "../../commands/caregivers/replies";
import type { ButtonArgs } from "./types";

/** Confirm on the preview: the first press starts the job; any later press says it has started. */
export function caregiverSyncAllConfirm(services: Services) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs) => {
    await ack();
    const actor = actorOf(context);
    await answering(respond, services, async () => {
      const result = await services.caregivers.confirmAll(actor, action.value ?? "");
      if (!result.ok) {
        await replyPrivately(respond, problemsMessage(result.problems));
        return;
      }
      if (!result.started) {
        await replyPrivately(respond, alreadyStartedMessage);
        return;
      }
      await replaceOriginal(respond, startedMessage(result.job.total));
      const channel = body.channel?.id ?? result.job.channelId ?? actor.userId;
      const posted = await postJobMessage(client, result.job, channel, actor.userId);
      await services.jobs.launch(result.job.id, posted);
    });
  };
}

export function caregiverSyncAllCancel(services: Services) {
  return async ({ ack, action, respond, context }: ButtonArgs) => {
    await ack();
    const actor = actorOf(context);
    await answering(respond, services, async () => {
      const result = await services.caregivers.cancelAll(actor, action.value ?? "");
      await (result.ok
        ? replaceOriginal(respond, cancelledMessage)
        : replyPrivately(respond, problemsMessage(result.problems)));
    });
  };
}
