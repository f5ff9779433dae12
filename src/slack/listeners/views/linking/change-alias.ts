import { validateAlias } from "../../../../app/linking";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { notice, problemsMessage } from "../../../presenters/kit";
import { CREATE_BLOCK, fieldErrors } from "../../../presenters/linking/create-modal";
import { overviewMessage } from "../../../presenters/linking/overview";
import { aliasMetadata, parseValue } from "../../../presenters/linking/values";
import { answerErrors } from "../../handler";
import { deliver } from "./deliver";
import { read, type StateValues } from "../../../presenters/modal-kit";
import type { SubmitArgs } from "./types";

/** The alias form: a blank or too long alias is refused in the modal; the result replaces the list. */
export function changeAliasSubmitted(services: Services) {
  return async ({ ack, view, body, client, context }: SubmitArgs) => {
    const metadata = parseValue(aliasMetadata, view.private_metadata);
    const alias = read.text(view.state.values as StateValues, CREATE_BLOCK.alias).trim();
    const errors = fieldErrors(
      alias === "" ? [{ field: "alias", message: "Enter the new alias." }] : validateAlias(alias),
    );
    if (errors && Object.keys(errors).length > 0) {
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    const actor = actorOf(context);
    if (!metadata) {
      await client.chat.postMessage({
        channel: body.user.id,
        ...notice("That form is out of date; press Change alias again."),
      });
      return;
    }
    const send = (message: Parameters<typeof deliver>[3]) => deliver(client, actor.userId, metadata, message);
    await answerErrors(services, send, async () => {
      const result = await services.linking.changeAlias(actor, { learnerId: metadata.m, alias });
      await send(
        result.ok ? overviewMessage(result.overview, metadata.p, result.outcome) : problemsMessage(result.problems),
      );
    });
  };
}
