import type { Services } from "../../../../app/services";
import { listPageRequest } from "../../../presenters/agency-users/list";
import { notice } from "../../../presenters/kit";
import { handler, jsonValue } from "../../handler";
import { replaceOriginal } from "../../reply";
import { showAgencyUsers } from "../../commands/agency-users/list";

const LIST_PAGE_BUTTON = {
  value: jsonValue(listPageRequest),
  outOfDate: notice("That button is out of date; run /agency-user list again."),
};

/** Previous/Next on a list: the page is fetched and authorized again for whoever pressed. */
export function agencyUserListPage(services: Services) {
  return handler(services, LIST_PAGE_BUTTON, ({ actor, value, respond }) =>
    showAgencyUsers(services, actor, value, (message) => replaceOriginal(respond, message)),
  );
}
