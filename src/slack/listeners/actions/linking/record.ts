import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { parseValue, positionOf, recordValue, rejectValue, unrejectValue } from "../../../presenters/linking/values";
import { replyPrivately } from "../../reply";
import { answerAction, OUT_OF_DATE, withErrorReply } from "./answer";
import type { ButtonArgs } from "./types";

/** "Ignore" and "Stop ignoring" on one record, then the list refreshed. */
export function recordAction(services: Services, verb: "ignore" | "unignore") {
  return async ({ ack, action, respond, context }: ButtonArgs) => {
    await ack();
    const value = parseValue(recordValue, action.value);
    if (!value) {
      await replyPrivately(respond, OUT_OF_DATE);
      return;
    }
    const actor = actorOf(context);
    await withErrorReply(
      services,
      (m) => replyPrivately(respond, m),
      async () => {
        const request = { kind: value.k, side: value.s, recordId: value.id };
        const result =
          verb === "ignore"
            ? await services.linking.ignore(actor, request)
            : await services.linking.unignore(actor, request);
        await answerAction(respond, result, positionOf(value));
      },
    );
  };
}

/** "Not a match" / "None of these": the record is none of the matches its row showed. */
export function rejectAction(services: Services) {
  return async ({ ack, action, respond, context }: ButtonArgs) => {
    await ack();
    const value = parseValue(rejectValue, action.value);
    if (!value) {
      await replyPrivately(respond, OUT_OF_DATE);
      return;
    }
    const actor = actorOf(context);
    await withErrorReply(
      services,
      (m) => replyPrivately(respond, m),
      async () => {
        const result = await services.linking.reject(actor, {
          kind: value.k,
          side: value.s,
          recordId: value.id,
          others: value.o,
        });
        await answerAction(respond, result, positionOf(value));
      },
    );
  };
}

/** "Undo" on the answer to a "Not a match": forgets the rejections that press recorded. */
export function unrejectAction(services: Services) {
  return async ({ ack, action, respond, context }: ButtonArgs) => {
    await ack();
    const value = parseValue(unrejectValue, action.value);
    if (!value) {
      await replyPrivately(respond, OUT_OF_DATE);
      return;
    }
    const actor = actorOf(context);
    await withErrorReply(
      services,
      (m) => replyPrivately(respond, m),
      async () => {
        const result = await services.linking.unreject(actor, {
          kind: value.k,
          side: value.s,
          recordId: value.id,
          others: value.o,
          decidedAt: value.t,
        });
        await answerAction(respond, result, positionOf(value));
      },
    );
  };
}
