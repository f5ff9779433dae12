import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { notice } from "../../../presenters/kit";
import { replyPrivately, privately } from "../../reply";
import type { CommandArgs } from "../../types";
import { labelsOf, lookupMessage } from "../../shared/caregivers";
import { answerErrors } from "../../handler";

/** `/caregiver <query>`: the caregiver's card without syncing. */
export function caregiverCommand(services: Services) {
  return async ({ ack, command, respond, context }: CommandArgs) => {
    await ack();
    const actor = actorOf(context);
    const text = command.text.trim();
    await answerErrors(services, privately(respond), async () => {
      if (text === "") {
        await replyPrivately(respond, notice("Use `/caregiver <name, email or TeleTrack id>`."));
        return;
      }
      const result = await services.caregivers.open(actor, text, "view");
      await replyPrivately(respond, lookupMessage(result, text, actor.userId, labelsOf(services)));
    });
  };
}
