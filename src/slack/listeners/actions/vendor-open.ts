import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../../../app/services";
import { SCIM_SLOTS } from "../../../app/vendor-accounts";
import { actorOf } from "../../actor";
import { notice, problemsMessage } from "../../presenters/kit";
import { vendorModal } from "../../presenters/vendors";
import { replyPrivately } from "../reply";

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** A vendor's button under `/carebridge vendors`: its account modal, for admins (checked again on press). */
export function vendorOpen(services: Services) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs) => {
    await ack();
    const result = await services.vendorAccounts.list(actorOf(context));
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    const account = result.accounts.find((a) => a.vendor === action.value);
    if (!account)
      return void (await replyPrivately(respond, notice("That button is out of date; run /carebridge vendors again.")));
    await client.views.open({
      trigger_id: body.trigger_id,
      view: vendorModal(account, SCIM_SLOTS.has(account.vendor)),
    });
  };
}
