import { describeError } from "../../../../app/errors";
import type { Services } from "../../../../app/services";
import { editLearnerModal, editLoadingModal, editNoticeModal } from "../../../presenters/learners/add-modal";
import { handler } from "../../handler";
import { sourceOf } from "../../shared/learners";
import { LEARNER_BUTTON } from "./button";

/**
 * Edit on a learner card (value: the LMS's User ID): a modal opens at once (the trigger lives 3
 * seconds), then the LMS is read and the form, filled in, replaces it.
 */
export function learnerEditPressed(services: Services) {
  return handler(services, LEARNER_BUTTON, async ({ actor, value, body, client }) => {
    const opened = await client.views.open({ trigger_id: body.trigger_id, view: editLoadingModal(sourceOf(services)) });
    const viewId = opened.view?.id;
    if (!viewId) return;
    let view;
    try {
      const result = await services.learners.edit.form(actor, value);
      view = result.ok
        ? editLearnerModal(
            result.learner,
            result.form,
            {
              channelId: body.channel?.id ?? actor.userId,
              userId: result.learner.userId,
              was: result.fingerprint,
            },
            sourceOf(services),
            result.usernameChange,
          )
        : editNoticeModal(result.problems.map((p) => p.message).join(" "));
    } catch (error) {
      services.logger.warn({ err: error }, "opening a learner's Edit form failed");
      view = editNoticeModal(describeError(error));
    }
    await client.views.update({ view_id: viewId, view });
  });
}
