import type { Actor } from "../../../../app/actor";
import { describeError } from "../../../../app/errors";
import type { Services } from "../../../../app/services";
import { displayLabel } from "../../../../app/labels";
import { agencyUserListMessage } from "../../../presenters/agency-users/list";
import { type Message, notice, problemsMessage } from "../../../presenters/kit";

/** `/agency-user list [office]` and its page buttons. */
export async function showAgencyUsers(
  services: Services,
  actor: Actor,
  request: { office?: string; page?: number },
  show: (message: Message) => Promise<unknown>,
): Promise<void> {
  try {
    const result = await services.agencyUsers.list(actor, request);
    const label = displayLabel("caresmartz", services.vendors.sandbox);
    await show(result.ok ? agencyUserListMessage(result.page, label) : problemsMessage(result.problems));
  } catch (error) {
    services.logger.error({ err: error }, "listing agency users failed");
    await show(notice(describeError(error)));
  }
}
