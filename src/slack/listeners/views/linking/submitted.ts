import type { Actor } from "../../../../app/actor";
import type { ActionResult } from "../../../../app/linking";
import type { Problem } from "../../../../app/result";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { fieldErrors } from "../../../presenters/linking/create-modal";
import { createMetadata, parseValue } from "../../../presenters/linking/values";
import type { StateValues } from "../../../presenters/modal-kit";
import { answerOverList } from "./deliver";
import type { SubmitArgs } from "./types";

/**
 * A create form's submission: what the person can fix is refused in the modal itself; otherwise
 * the modal closes and the result (created, or "already in Motivity — link instead?") replaces
 * the list the form was opened from.
 */
export function createSubmitted<F>(
  services: Services,
  form: { read: (values: StateValues) => F; problems: (form: F) => Problem[] },
  create: (actor: Actor, form: F, calmanacId: string, idempotencyKey: string) => Promise<ActionResult>,
) {
  return async ({ ack, view, client, context }: SubmitArgs) => {
    const metadata = parseValue(createMetadata, view.private_metadata);
    const values = form.read(view.state.values as StateValues);
    const errors = fieldErrors(form.problems(values));
    if (errors && Object.keys(errors).length > 0) {
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    const actor = actorOf(context);
    await answerOverList(services, client, actor, metadata, "+ Create in Motivity", (m) =>
      create(actor, values, m.c, `view:${view.id}`),
    );
  };
}
