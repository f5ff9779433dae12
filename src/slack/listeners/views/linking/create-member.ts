import { validateNewMember } from "../../../../app/linking";
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

/**
 * The member form: a missing role or email is refused in the modal itself; otherwise the modal
 * closes and the result (created, or "already in Motivity — link instead?") replaces the list.
 */
export function createMemberSubmitted(services: Services) {
  return async ({ ack, view, body, client, context }: SubmitArgs) => {
    const metadata = parseValue(createMetadata, view.private_metadata);
    const email = read.text(view.state.values as StateValues, CREATE_BLOCK.email);
    const roleId = read.picked(view.state.values as StateValues, CREATE_BLOCK.role) ?? "";
    const errors = fieldErrors(validateNewMember({ email, roleId }));
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
      const result = await services.linking.createMember(actor, {
        calmanacId: metadata.c,
        email,
        roleId,
        idempotencyKey: `view:${view.id}`,
      });
      await send(
        result.ok ? overviewMessage(result.overview, metadata.p, result.outcome) : problemsMessage(result.problems),
      );
    });
  };
}
