import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { readListPageRequest } from "../../../presenters/agency-users/list";
import { notice } from "../../../presenters/kit";
import { replaceOriginal, replyPrivately } from "../../reply";
import { showAgencyUsers } from "../../commands/agency-users/list";

/** Previous/Next on a list: the page is fetched and authorized again for whoever pressed. */
export function agencyUserListPage(services: Services) {
  return async ({
    ack,
    action,
    respond,
    context,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const request = readListPageRequest(action.value);
    if (!request) {
      await replyPrivately(respond, notice("That button is out of date; run /agency-user list again."));
      return;
    }
    await showAgencyUsers(services, actorOf(context), request, (message) => replaceOriginal(respond, message));
  };
}
