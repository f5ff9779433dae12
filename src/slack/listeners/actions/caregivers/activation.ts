import type { ActivationChange } from "../../../../domain/caregivers/card-actions";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { decodeValue } from "../../../presenters/caregivers/ids";
import { problemsMessage } from "../../../presenters/kit";
import { replaceOriginal, replyPrivately, privately } from "../../reply";
import { cardOrProblems, labelsOf } from "../../shared/caregivers";
import { STALE } from "./open";
import type { ButtonArgs } from "./types";
import { answerErrors } from "../../handler";

/** Deactivate / Reactivate on a card: the refreshed card, with what happened, replaces it. */
export function caregiverActivation(services: Services, change: ActivationChange) {
  return async ({ ack, action, respond, context }: ButtonArgs) => {
    await ack();
    const actor = actorOf(context);
    const value = decodeValue(action.value);
    await answerErrors(services, privately(respond), async () => {
      if (!value) {
        await replyPrivately(respond, STALE);
        return;
      }
      const result = await services.caregivers.changeStatus(actor, value.c, change, value.u);
      if (!result.ok) {
        await replyPrivately(respond, problemsMessage(result.problems));
        return;
      }
      await replaceOriginal(respond, cardOrProblems(result, actor.userId, labelsOf(services), result.message));
    });
  };
}
