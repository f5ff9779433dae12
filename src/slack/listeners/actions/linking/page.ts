import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { problemsMessage } from "../../../presenters/kit";
import { overviewMessage } from "../../../presenters/linking/overview";
import { parsePosition } from "../../../presenters/linking/values";
import { replaceOriginal, replyPrivately } from "../../reply";
import { OUT_OF_DATE, withErrorReply } from "./answer";
import type { ButtonArgs } from "./types";

/** Previous/Next and the Not linked/Linked/Ignored switch: the lists read again, at that page. */
export function pageAction(services: Services) {
  return async ({ ack, action, respond, context }: ButtonArgs) => {
    await ack();
    const position = parsePosition(action.value);
    if (!position) {
      await replyPrivately(respond, OUT_OF_DATE);
      return;
    }
    const actor = actorOf(context);
    await withErrorReply(
      services,
      (m) => replyPrivately(respond, m),
      async () => {
        const result = await services.linking.review(actor, position.kind);
        if (!result.ok) await replyPrivately(respond, problemsMessage(result.problems));
        else await replaceOriginal(respond, overviewMessage(result.overview, position));
      },
    );
  };
}
