import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { replyPrivately, privately } from "../../reply";
import type { CommandArgs } from "../../types";
import { labelsOf, listOrProblems, lookupMessage } from "../../shared/caregivers";
import { answerErrors } from "../../handler";

/** `list`, or `list <filter>`: the words after it; undefined for a search. */
function listWords(text: string): string | undefined {
  if (text === "") return "";
  const match = /^list(?:\s+(.*))?$/i.exec(text);
  return match ? (match[1] ?? "").trim() : undefined;
}

/**
 * `/caregiver <query>`: the caregiver's card without syncing. `/caregiver list [filter]`, or
 * `/caregiver` alone: the caregivers with their LMS status and what blocks them.
 */
export function caregiverCommand(services: Services) {
  return async ({ ack, command, respond, context }: CommandArgs) => {
    await ack();
    const actor = actorOf(context);
    const text = command.text.trim();
    await answerErrors(services, privately(respond), async () => {
      const filter = listWords(text);
      if (filter !== undefined) {
        const result = await services.caregivers.list(actor, filter, 1);
        await replyPrivately(respond, listOrProblems(result, actor.userId, labelsOf(services)));
        return;
      }
      const result = await services.caregivers.open(actor, text, "view");
      await replyPrivately(respond, lookupMessage(result, text, actor.userId, labelsOf(services)));
    });
  };
}
