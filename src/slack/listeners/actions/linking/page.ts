import type { Services } from "../../../../app/services";
import { handler } from "../../handler";
import { problemsMessage } from "../../../presenters/kit";
import { overviewMessage } from "../../../presenters/linking/overview";
import { positionSchema } from "../../../presenters/linking/values";
import { replaceOriginal, replyPrivately } from "../../reply";
import { linkButton } from "../../shared/linking";

/** Previous/Next and the Not linked/Linked/Ignored switch: the lists read again, at that page. */
export function pageAction(services: Services) {
  return handler(services, linkButton(positionSchema), async ({ actor, value: position, respond }) => {
    const result = await services.linking.review(actor, position.kind);
    if (!result.ok) await replyPrivately(respond, problemsMessage(result.problems));
    else await replaceOriginal(respond, overviewMessage(result.overview, position));
  });
}
