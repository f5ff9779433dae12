import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { describeError } from "../../../../app/errors";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { notice, problemsMessage, type Message } from "../../../presenters/kit";
import { californiaToday } from "../../../../app/learners/deps";
import {
  ADD_BLOCKS,
  addLearnerModal,
  reactivateOfferView,
  readNewLearnerForm,
} from "../../../presenters/learners/add-modal";
import { learnerAddedMessage } from "../../../presenters/learners/card";
import { errorsByBlock, type StateValues } from "../../../presenters/modal-kit";
import { settle, within } from "../../within";
import { postPrivately } from "../../reply";
import { readMeta, sourceOf } from "../../shared/learners";

/**
 * How long the submission may wait for CACWT's answer on the email before acknowledging: Slack
 * drops an answer after 3 seconds, and the request spent some of them reaching us.
 */
export const CHECK_BUDGET_MS = 2000;

/**
 * `/learner add` submitted. The form and the email's uniqueness in CACWT are checked before the
 * answer when CACWT answers in time, so problems show on their fields and an archived learner's
 * email turns the modal into a reactivation offer. When CACWT is slower, the modal closes and the
 * add goes ahead: it checks the email again and says what happened privately. The learner is
 * created after the modal has closed.
 */
export function addLearnerSubmitted(services: Services) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const actor = actorOf(context);
    const { channelId, namesChecked } = readMeta(view.private_metadata);
    // Learners under the same name seen (or none found) before the modal closed; the add checks again otherwise.
    let seen: string | undefined = namesChecked;
    const form = readNewLearnerForm(view.state.values as StateValues);
    const tell = (message: Message) => postPrivately(client, channelId, actor.userId, message);
    const early = await within(settle(services.learners.one.checkNew(actor, form)), CHECK_BUDGET_MS);
    if (early === undefined) {
      await ack();
      await tell(
        notice(
          `Checking ${form.email.trim()} in ${sourceOf(services)}, which is slow to answer; I'll tell you here how it went.`,
        ),
      );
    } else if (!early.ok) {
      services.logger.warn({ err: early.error }, "checking a new learner failed");
      await ack({ response_action: "errors", errors: { email: describeError(early.error) } });
      return;
    } else {
      const checked = early.value;
      if (!checked.ok) {
        if (checked.problems.every((p) => p.field !== undefined)) {
          await ack({ response_action: "errors", errors: errorsByBlock(checked.problems, ADD_BLOCKS, "email") });
          return;
        }
        await ack();
        await tell(problemsMessage(checked.problems));
        return;
      }
      if (checked.archived) {
        await ack({
          response_action: "update",
          view: reactivateOfferView(checked.archived, channelId ?? "", sourceOf(services)),
        });
        return;
      }
      const { namesakes } = checked;
      if (namesakes.total > 0 && namesChecked !== namesakes.key) {
        const today = californiaToday(services.now());
        await ack({
          response_action: "update",
          view: addLearnerModal(channelId ?? "", today, sourceOf(services), { form, namesakes }),
        });
        return;
      }
      seen = namesakes.key;
      await ack();
    }
    try {
      const added = await services.learners.one.add(actor, form, seen === undefined ? {} : { namesChecked: seen });
      await tell(added.ok ? learnerAddedMessage(added.learner, sourceOf(services)) : problemsMessage(added.problems));
    } catch (error) {
      services.logger.warn({ err: error }, "adding a learner failed");
      await tell(problemsMessage([{ message: describeError(error) }]));
    }
  };
}
