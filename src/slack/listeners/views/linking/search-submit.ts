import type { Services } from "../../../../app/services";
import { SEARCH_ELEMENT, searchMetadata } from "../../../presenters/linking/values";
import { read } from "../../../presenters/modal-kit";
import { linkingFormSubmitted } from "./submitted";

/** The search form: the record picked on the other side is linked; the result replaces the list. */
export function searchSubmitted(services: Services) {
  return linkingFormSubmitted(services, {
    metadata: searchMetadata,
    button: "Find",
    read: (values) => read.picked(values, SEARCH_ELEMENT) ?? "",
    errors: (picked) => (picked ? undefined : { [SEARCH_ELEMENT]: "Search for someone and pick them." }),
    act: (actor, picked, m) => {
      const [motivityId, calmanacId] = m.s === "motivity" ? [m.id, picked] : [picked, m.id];
      return services.linking.link(actor, { kind: m.k, motivityId, calmanacId });
    },
  });
}
