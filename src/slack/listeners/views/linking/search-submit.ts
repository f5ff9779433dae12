import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { parseValue, SEARCH_ELEMENT, searchMetadata } from "../../../presenters/linking/values";
import { answerOverList } from "./deliver";
import { read, type StateValues } from "../../../presenters/modal-kit";
import type { SubmitArgs } from "./types";

/** The search form: the record picked on the other side is linked; the result replaces the list. */
export function searchSubmitted(services: Services) {
  return async ({ ack, view, client, context }: SubmitArgs) => {
    const metadata = parseValue(searchMetadata, view.private_metadata);
    const picked = read.picked(view.state.values as StateValues, SEARCH_ELEMENT);
    if (!picked) {
      await ack({ response_action: "errors", errors: { [SEARCH_ELEMENT]: "Search for someone and pick them." } });
      return;
    }
    await ack();
    const actor = actorOf(context);
    await answerOverList(services, client, actor, metadata, "Find", (m) => {
      const [motivityId, calmanacId] = m.s === "motivity" ? [m.id, picked] : [picked, m.id];
      return services.linking.link(actor, { kind: m.k, motivityId, calmanacId });
    });
  };
}
