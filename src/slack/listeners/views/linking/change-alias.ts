import { validateAlias } from "../../../../app/linking";
import type { Services } from "../../../../app/services";
import { CREATE_BLOCK, fieldErrors } from "../../../presenters/linking/create-modal";
import { aliasMetadata } from "../../../presenters/linking/values";
import { read } from "../../../presenters/modal-kit";
import { linkingFormSubmitted } from "./submitted";

/** The alias form: a blank or too long alias is refused in the modal; the result replaces the list. */
export function changeAliasSubmitted(services: Services) {
  return linkingFormSubmitted(services, {
    metadata: aliasMetadata,
    button: "Change alias",
    read: (values) => read.text(values, CREATE_BLOCK.alias).trim(),
    errors: (alias) =>
      fieldErrors(alias === "" ? [{ field: "alias", message: "Enter the new alias." }] : validateAlias(alias)),
    act: (actor, alias, m) => services.linking.changeAlias(actor, { learnerId: m.m, alias }),
  });
}
