import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { describeError } from "../../../../app/errors";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { problemsMessage } from "../../../presenters/kit";
import { ADD_BLOCKS, reactivateOfferView, readNewLearnerForm } from "../../../presenters/learners/add-modal";
import { learnerAddedMessage } from "../../../presenters/learners/card";
import { errorsByBlock, type StateValues } from "../../../presenters/learners/modal-kit";
import { readMeta, sourceOf, tellPrivately } from "./tell";

/**
 * `/learner add` submitted. The form and the email's uniqueness in CACWT are checked before the
 * answer, so problems show on their fields and an archived learner's email turns the modal into a
 * reactivation offer; the learner is created after the modal has closed.
 */
export function addLearnerSubmitted(services: Services) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const actor = actorOf(context);
    const { channelId } = readMeta(view.private_metadata);
    const form = readNewLearnerForm(view.state.values as StateValues);
    let checked: Awaited<ReturnType<Services["learners"]["one"]["checkNew"]>>;
    try {
      checked = await services.learners.one.checkNew(actor, form);
    } catch (error) {
      services.deps.logger.warn({ err: error }, "checking a new learner failed");
      await ack({ response_action: "errors", errors: { email: describeError(error) } });
      return;
    }
    if (!checked.ok) {
      if (checked.problems.every((p) => p.field !== undefined)) {
        await ack({ response_action: "errors", errors: errorsByBlock(checked.problems, ADD_BLOCKS, "email") });
        return;
      }
      await ack();
      await tellPrivately(client, channelId, actor.userId, problemsMessage(checked.problems));
      return;
    }
    if (checked.archived) {
      await ack({
        response_action: "update",
        view: reactivateOfferView(checked.archived, channelId ?? "", sourceOf(services)),
      });
      return;
    }
    await ack();
    try {
      const added = await services.learners.one.add(actor, form);
      await tellPrivately(
        client,
        channelId,
        actor.userId,
        added.ok ? learnerAddedMessage(added.learner, sourceOf(services)) : problemsMessage(added.problems),
      );
    } catch (error) {
      services.deps.logger.warn({ err: error }, "adding a learner failed");
      await tellPrivately(client, channelId, actor.userId, problemsMessage([{ message: describeError(error) }]));
    }
  };
}
