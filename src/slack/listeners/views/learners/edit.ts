import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { describeError } from "../../../../app/errors";
import type { EditFingerprint } from "../../../../app/learners/edit";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { notice, problemsMessage, type Message } from "../../../presenters/kit";
import { ADD_BLOCKS, readNewLearnerForm } from "../../../presenters/learners/add-modal";
import { learnerEditedMessage } from "../../../presenters/learners/card";
import { errorsByBlock, type StateValues } from "../../../presenters/modal-kit";
import { postPrivately } from "../../reply";
import { sourceOf } from "../../shared/learners";
import { settle, within } from "../../within";
import { CHECK_BUDGET_MS } from "./add";

/** What the Edit form carried; a forged or broken body may carry anything. */
function readEditMeta(privateMetadata: string | undefined): {
  channelId?: string;
  userId?: string;
  was: EditFingerprint;
} {
  let parsed: unknown;
  try {
    parsed = JSON.parse(privateMetadata || "{}");
  } catch {
    return { was: {} };
  }
  const { channelId, userId, was } = (typeof parsed === "object" && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >;
  const fingerprint =
    typeof was === "object" && was !== null
      ? (Object.fromEntries(Object.entries(was).filter(([, v]) => typeof v === "string")) as EditFingerprint)
      : {};
  return {
    ...(typeof channelId === "string" ? { channelId } : {}),
    ...(typeof userId === "string" ? { userId } : {}),
    was: fingerprint,
  };
}

/**
 * Edit → Save. Saved before the answer when CACWT answers in time, so problems (the import's
 * rules, an email another learner has) show on their fields; when CACWT is slower the modal
 * closes and the result follows privately.
 */
export function editLearnerSubmitted(services: Services) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const actor = actorOf(context);
    const meta = readEditMeta(view.private_metadata);
    const tell = (message: Message) => postPrivately(client, meta.channelId, actor.userId, message);
    if (meta.userId === undefined) {
      await ack();
      await tell(notice("That form is out of date; look the learner up again with /learner."));
      return;
    }
    const form = readNewLearnerForm(view.state.values as StateValues);
    const saving = settle(services.learners.edit.save(actor, meta.userId, form, meta.was));
    const early = await within(saving, CHECK_BUDGET_MS);
    if (early?.ok && !early.value.ok && early.value.problems.every((p) => p.field !== undefined)) {
      await ack({ response_action: "errors", errors: errorsByBlock(early.value.problems, ADD_BLOCKS, "email") });
      return;
    }
    await ack();
    if (early === undefined)
      await tell(notice(`Saving in ${sourceOf(services)}, which is slow to answer; I'll tell you here how it went.`));
    const outcome = early ?? (await saving);
    if (!outcome.ok) {
      services.logger.warn({ err: outcome.error }, "editing a learner failed");
      await tell(problemsMessage([{ message: describeError(outcome.error) }]));
      return;
    }
    const result = outcome.value;
    await tell(result.ok ? learnerEditedMessage(result, sourceOf(services)) : problemsMessage(result.problems));
  };
}
