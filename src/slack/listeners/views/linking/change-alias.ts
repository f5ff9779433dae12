import { validateAlias } from "../../../../app/linking";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { CREATE_BLOCK, fieldErrors } from "../../../presenters/linking/create-modal";
import { aliasMetadata, parseValue } from "../../../presenters/linking/values";
import { answerOverList } from "./deliver";
import { read, type StateValues } from "../../../presenters/modal-kit";
import type { SubmitArgs } from "./types";

/** The alias form: a blank or too long alias is refused in the modal; the result replaces the list. */
export function changeAliasSubmitted(services: Services) {
  return async ({ ack, view, client, context }: SubmitArgs) => {
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
    await answerOverList(services, client, actor, metadata, "Change alias", (m) =>
      services.linking.changeAlias(actor, { learnerId: m.m, alias }),
    );
  };
}
