import { validateAlias } from "../../../../app/linking";
import type { Services } from "../../../../app/services";
import { CREATE_BLOCK } from "../../../presenters/linking/create-modal";
import { read } from "../../../presenters/modal-kit";
import { createSubmitted } from "./submitted";

/** The learner form: the alias as given (blank: Motivity makes one). */
export function createLearnerSubmitted(services: Services) {
  return createSubmitted(
    services,
    { read: (values) => read.text(values, CREATE_BLOCK.alias), problems: validateAlias },
    (actor, alias, calmanacId, idempotencyKey) =>
      services.linking.createLearner(actor, { calmanacId, alias, idempotencyKey }),
  );
}
