import type { Services } from "../../../../app/services";
import { answerErrors } from "../../handler";
import { actorOf } from "../../../actor";
import { problemsMessage, type Message, slackPayload } from "../../../presenters/kit";
import { overviewMessage } from "../../../presenters/linking/overview";
import { firstPage } from "../../../presenters/linking/values";
import { replyPrivately } from "../../reply";
import { OUT_OF_DATE } from "../../shared/linking";
import type { ButtonArgs } from "./types";

/**
 * App Home's "Review members/learners": a Home tab has no response_url, so the list goes to the
 * person's direct messages with carebridge (only they see it).
 */
export function reviewAction(services: Services) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs) => {
    await ack();
    const actor = actorOf(context);
    const fromMessage = body.container?.type === "message" && Boolean(body.response_url);
    const send = (message: Message) =>
      fromMessage
        ? replyPrivately(respond, message)
        : client.chat.postMessage({ channel: actor.userId, ...slackPayload(message) });
    const kind = action.value === "members" || action.value === "learners" ? action.value : undefined;
    if (!kind) {
      await send(OUT_OF_DATE);
      return;
    }
    await answerErrors(services, send, async () => {
      const result = await services.linking.review(actor, kind);
      await send(result.ok ? overviewMessage(result.overview, firstPage(kind)) : problemsMessage(result.problems));
    });
  };
}
