import type { Services } from "../../../../app/services";
import type { LearnerStatus } from "../../../../domain/learners/learner";
import { problemsMessage } from "../../../presenters/kit";
import { statusChangeMessage } from "../../../presenters/learners/card";
import { replaceOriginal, replyPrivately } from "../../reply";
import { sourceOf } from "../../shared/learners";
import { handler } from "../../handler";
import { LEARNER_BUTTON } from "./button";

/** Archive / Reactivate on a learner card (value: the email). A stale card answers with what CACWT shows now. */
export function learnerStatusButton(services: Services, status: LearnerStatus) {
  return handler(services, LEARNER_BUTTON, async ({ actor, value, respond }) => {
    const result = await services.learners.one.setStatus(actor, value, status);
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    await replaceOriginal(respond, statusChangeMessage(result.learner, result.changed, sourceOf(services)));
  });
}
