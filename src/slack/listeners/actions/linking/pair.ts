import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { pairValue, parseValue, positionOf } from "../../../presenters/linking/values";
import { replyPrivately } from "../../reply";
import { answerAction, OUT_OF_DATE, withErrorReply } from "./answer";
import type { ButtonArgs } from "./types";

/** "Link to …" and "Unlink": act on one (Motivity, Calmanac) pair, then show the list refreshed. */
export function pairAction(services: Services, verb: "link" | "unlink") {
  return async ({ ack, action, respond, context }: ButtonArgs) => {
    await ack();
    const value = parseValue(pairValue, action.value);
    if (!value) {
      await replyPrivately(respond, OUT_OF_DATE);
      return;
    }
    const actor = actorOf(context);
    await withErrorReply(
      services,
      (m) => replyPrivately(respond, m),
      async () => {
        const request = { kind: value.k, motivityId: value.m, calmanacId: value.c };
        const result =
          verb === "link" ? await services.linking.link(actor, request) : await services.linking.unlink(actor, request);
        await answerAction(respond, result, positionOf(value));
      },
    );
  };
}
