import type { RecordRequest } from "../../../../app/linking";
import type { Services } from "../../../../app/services";
import { handler } from "../../handler";
import { positionOf, recordValue, rejectValue, unrejectValue } from "../../../presenters/linking/values";
import { answerAction, linkButton } from "../../shared/linking";

/** The record a row's button names. */
const recordOf = (value: { k: RecordRequest["kind"]; s: RecordRequest["side"]; id: string }): RecordRequest => ({
  kind: value.k,
  side: value.s,
  recordId: value.id,
});

/** "Ignore" and "Stop ignoring" on one record, then the list refreshed. */
export function recordAction(services: Services, verb: "ignore" | "unignore") {
  return handler(services, linkButton(recordValue), async ({ actor, value, respond }) => {
    const request = recordOf(value);
    const result =
      verb === "ignore"
        ? await services.linking.ignore(actor, request)
        : await services.linking.unignore(actor, request);
    await answerAction(respond, result, positionOf(value));
  });
}

/** "Not a match" / "None of these": the record is none of the matches its row showed. */
export function rejectAction(services: Services) {
  return handler(services, linkButton(rejectValue), async ({ actor, value, respond }) => {
    const result = await services.linking.reject(actor, { ...recordOf(value), others: value.o });
    await answerAction(respond, result, positionOf(value));
  });
}

/** "Undo" on the answer to a "Not a match": forgets the rejections that press recorded. */
export function unrejectAction(services: Services) {
  return handler(services, linkButton(unrejectValue), async ({ actor, value, respond }) => {
    const result = await services.linking.unreject(actor, { ...recordOf(value), others: value.o, decidedAt: value.t });
    await answerAction(respond, result, positionOf(value));
  });
}
