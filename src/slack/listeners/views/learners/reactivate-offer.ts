import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { describeError } from "../../../../app/errors";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { problemsMessage } from "../../../presenters/kit";
import { statusChangeMessage } from "../../../presenters/learners/card";
import { postPrivately } from "../../reply";
import { readMeta, sourceOf } from "../../shared/learners";

/** "Reactivate instead?" accepted: the archived learner is reactivated, not duplicated. */
export function reactivateOfferSubmitted(services: Services) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    await ack();
    const actor = actorOf(context);
    const { channelId, email } = readMeta(view.private_metadata);
    try {
      const result = await services.learners.one.setStatus(actor, email ?? "", "Active");
      await postPrivately(
        client,
        channelId,
        actor.userId,
        result.ok
          ? statusChangeMessage(result.learner, result.changed, sourceOf(services))
          : problemsMessage(result.problems),
      );
    } catch (error) {
      services.logger.warn({ err: error }, "reactivating a learner failed");
      await postPrivately(client, channelId, actor.userId, problemsMessage([{ message: describeError(error) }]));
    }
  };
}
