import type { Services } from "../../../../app/services";
import { handler } from "../../handler";
import { pairValue, positionOf, undoAutoLinksValue } from "../../../presenters/linking/values";
import { answerAction, linkButton } from "../../shared/linking";

/** "Link to …" and "Unlink": act on one (Motivity, Calmanac) pair, then show the list refreshed. */
export function pairAction(services: Services, verb: "link" | "unlink") {
  return handler(services, linkButton(pairValue), async ({ actor, value, respond }) => {
    const request = { kind: value.k, motivityId: value.m, calmanacId: value.c };
    const result =
      verb === "link" ? await services.linking.link(actor, request) : await services.linking.unlink(actor, request);
    await answerAction(respond, result, positionOf(value));
  });
}

/** "Undo these links" under what a run linked automatically: that batch unlinked, as "Not a match". */
export function undoAutoLinksAction(services: Services) {
  return handler(services, linkButton(undoAutoLinksValue), async ({ actor, value, respond }) => {
    const result = await services.linking.undoAutoLinks(actor, { kind: value.k, at: value.t });
    await answerAction(respond, result, positionOf(value));
  });
}
