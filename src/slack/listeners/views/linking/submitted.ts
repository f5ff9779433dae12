import type { Actor } from "../../../../app/actor";
import type { ActionResult } from "../../../../app/linking";
import type { Problem } from "../../../../app/result";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { notice, problemsMessage } from "../../../presenters/kit";
import { fieldErrors } from "../../../presenters/linking/create-modal";
import { overviewMessage } from "../../../presenters/linking/overview";
import { createMetadata, parseValue } from "../../../presenters/linking/values";
import type { StateValues } from "../../../presenters/modal-kit";
import { answerErrors } from "../../handler";
import { deliver } from "./deliver";
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
  return async ({ ack, view, body, client, context }: SubmitArgs) => {
    const metadata = parseValue(createMetadata, view.private_metadata);
    const values = form.read(view.state.values as StateValues);
    const errors = fieldErrors(form.problems(values));
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
      const result = await create(actor, values, metadata.c, `view:${view.id}`);
      await send(
        result.ok ? overviewMessage(result.overview, metadata.p, result.outcome) : problemsMessage(result.problems),
      );
    });
  };
}
