import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { notice } from "../../../presenters/kit";
import { replyPrivately } from "../../reply";
import type { CommandArgs } from "../../types";
import { showAgencyUsers } from "./list";
import { openCreateForm } from "./open-form";

const USAGE = "Use `/agency-user` to create an agency user, or `/agency-user list [office]` to see an office's.";

/** `/agency-user` opens the create form; `/agency-user list [office]` lists. Results are private. */
export function agencyUserCommand(services: Services) {
  return async ({ ack, command, respond, client, context }: CommandArgs) => {
    await ack();
    const actor = actorOf(context);
    const [verb = "", ...rest] = command.text.trim().split(/\s+/).filter(Boolean);
    const reply = (message: Parameters<typeof replyPrivately>[1]) => replyPrivately(respond, message);
    if (verb === "") {
      await openCreateForm({
        services,
        actor,
        client,
        triggerId: command.trigger_id,
        channelId: command.channel_id,
        reply,
      });
    } else if (verb.toLowerCase() === "list") {
      await showAgencyUsers(services, actor, { office: rest.join(" ") }, reply);
    } else {
      await reply(notice(`"${verb}" is not something /agency-user does. ${USAGE}`));
    }
  };
}
