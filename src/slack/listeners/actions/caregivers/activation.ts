import type { ActivationChange } from "../../../../domain/caregivers/card-actions";
import type { Services } from "../../../../app/services";
import { problemsMessage } from "../../../presenters/kit";
import { replaceOriginal, replyPrivately } from "../../reply";
import { cardOrProblems, labelsOf } from "../../shared/caregivers";
import { handler } from "../../handler";
import { CAREGIVER_BUTTON } from "./open";

/** Deactivate / Reactivate on a card: the refreshed card, with what happened, replaces it. */
export function caregiverActivation(services: Services, change: ActivationChange) {
  return handler(services, CAREGIVER_BUTTON, async ({ actor, value, respond }) => {
    const result = await services.caregivers.changeStatus(actor, value.c, change, value.u);
    if (!result.ok) {
      await replyPrivately(respond, problemsMessage(result.problems));
      return;
    }
    await replaceOriginal(respond, cardOrProblems(result, actor.userId, labelsOf(services), result.message));
  });
}
