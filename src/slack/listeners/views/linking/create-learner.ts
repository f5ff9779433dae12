import { validateAlias } from "../../../../app/linking";
import { answerErrors } from "../../handler";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { notice, problemsMessage } from "../../../presenters/kit";
import { read, type StateValues } from "../../../presenters/modal-kit";
import { CREATE_BLOCK, fieldErrors } from "../../../presenters/linking/create-modal";
import { overviewMessage } from "../../../presenters/linking/overview";
import { createMetadata, parseValue } from "../../../presenters/linking/values";
import { deliver } from "./deliver";
import { type SubmitArgs } from "./types";

/** The learner form: the alias as given (blank: Motivity makes one); the result replaces the list. */
export function createLearnerSubmitted(services: Services) {
  return async ({ ack, view, body, client, context }: SubmitArgs) => {
    const metadata = parseValue(createMetadata, view.private_metadata);
    const alias = read.text(view.state.values as StateValues, CREATE_BLOCK.alias);
    const errors = fieldErrors(validateAlias(alias));
    if (errors && Object.keys(errors).length > 0) {
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    const actor = actorOf(context);
    if (!metadata) {
      await client.chat.postMessage({
        channel: body.user.id,
        ...notice("That form is out of date; press + Create in Motivity again."),
      });
      return;
    }
    const send = (message: Parameters<typeof deliver>[3]) => deliver(client, actor.userId, metadata, message);
    await answerErrors(services, send, async () => {
      const result = await services.linking.createLearner(actor, {
        calmanacId: metadata.c,
        alias,
        idempotencyKey: `view:${view.id}`,
      });
      await send(
        result.ok ? overviewMessage(result.overview, metadata.p, result.outcome) : problemsMessage(result.problems),
      );
    });
  };
}
