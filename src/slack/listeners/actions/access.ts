import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../../../app/services";
import { actorOf } from "../../actor";
import { notice } from "../../presenters/kit";
import { showAccessList } from "../commands/carebridge/access";
import { replaceOriginal, replyPrivately } from "../reply";

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Previous/Next of `/carebridge access list`: access is checked again for whoever pressed. */
export function accessPage(services: Services) {
  return async ({ ack, action, respond, context }: ButtonArgs) => {
    await ack();
    const page = Number(action.value);
    if (!Number.isInteger(page) || page < 1) {
      return void (await replyPrivately(
        respond,
        notice("That button is out of date; run /carebridge access list again."),
      ));
    }
    await showAccessList(services, actorOf(context), page, (m) => replaceOriginal(respond, m));
  };
}
