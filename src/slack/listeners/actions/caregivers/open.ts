import type { Purpose } from "../../../../app/caregivers";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { decodeValue } from "../../../presenters/caregivers/ids";
import { notice } from "../../../presenters/kit";
import { replaceOriginal, replyPrivately, privately } from "../../reply";
import { cardOrProblems, labelsOf } from "../../shared/caregivers";
import type { ButtonArgs } from "./types";
import { answerErrors } from "../../handler";

export const STALE = notice("That button is from an older message; run the command again.");

/**
 * A pick-list button (what for is in its value) or a card's Sync or Activate button (activating
 * is the first sync, which creates the LMS account active): the card replaces the message. The presser's access is checked by the use-case; the value only names the caregiver.
 */
export function caregiverOpen(services: Services, purpose?: Purpose) {
  return async ({ ack, action, respond, context }: ButtonArgs) => {
    await ack();
    const actor = actorOf(context);
    const value = decodeValue(action.value);
    await answerErrors(services, privately(respond), async () => {
      if (!value) {
        await replyPrivately(respond, STALE);
        return;
      }
      const result = await services.caregivers.openById(actor, value.c, purpose ?? value.p ?? "view", value.u);
      const message = cardOrProblems(result, actor.userId, labelsOf(services));
      await (result.ok ? replaceOriginal(respond, message) : replyPrivately(respond, message));
    });
  };
}
