import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../../../app/services";
import { actorOf } from "../../actor";
import { notice, problemsMessage } from "../../presenters/kit";
import { replyPrivately } from "../reply";
import { startJobWithMessage } from "../../job-start";

export function jobRetryFailed(services: Services) {
  return async ({
    ack,
    action,
    body,
    client,
    respond,
    context,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const actor = actorOf(context);
    const result = await services.jobs.retryFailed(actor, action.value ?? "");
    if (!result.ok) {
      await replyPrivately(respond, problemsMessage(result.problems));
      return;
    }
    if (!result.created) {
      await replyPrivately(respond, notice("That retry has already started."));
      return;
    }
    const channel = body.channel?.id ?? actor.userId;
    await startJobWithMessage(services, client, result.job, { channel, userId: actor.userId, respond });
  };
}
