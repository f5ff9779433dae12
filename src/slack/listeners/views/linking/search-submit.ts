import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { notice, problemsMessage } from "../../../presenters/kit";
import { overviewMessage } from "../../../presenters/linking/overview";
import { parseValue, SEARCH_ELEMENT, searchMetadata } from "../../../presenters/linking/values";
import { answerErrors } from "../../handler";
import { deliver } from "./deliver";
import { read, type StateValues } from "../../../presenters/modal-kit";
import type { SubmitArgs } from "./types";

/** The search form: the record picked on the other side is linked; the result replaces the list. */
export function searchSubmitted(services: Services) {
  return async ({ ack, view, body, client, context }: SubmitArgs) => {
    const metadata = parseValue(searchMetadata, view.private_metadata);
    const picked = read.picked(view.state.values as StateValues, SEARCH_ELEMENT);
    if (!picked) {
      await ack({ response_action: "errors", errors: { [SEARCH_ELEMENT]: "Search for someone and pick them." } });
      return;
    }
    await ack();
    const actor = actorOf(context);
    if (!metadata) {
      await client.chat.postMessage({
        channel: body.user.id,
        ...notice("That form is out of date; press Find again."),
      });
      return;
    }
    const [motivityId, calmanacId] = metadata.s === "motivity" ? [metadata.id, picked] : [picked, metadata.id];
    const send = (message: Parameters<typeof deliver>[3]) => deliver(client, actor.userId, metadata, message);
    await answerErrors(services, send, async () => {
      const result = await services.linking.link(actor, { kind: metadata.k, motivityId, calmanacId });
      await send(
        result.ok ? overviewMessage(result.overview, metadata.p, result.outcome) : problemsMessage(result.problems),
      );
    });
  };
}
