import { describeError } from "../../../../app/errors";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { notice } from "../../../presenters/kit";
import { replyPrivately } from "../../reply";
import type { CommandArgs, Subcommand } from "../../types";
import { openAddLearner, openArchiveBulk } from "./open-modal";
import { lookUp } from "./look-up";
import { archiveOne, reactivateOne } from "./status";
import { postTemplates } from "./templates";

/** `/learner add | template | archive-bulk | archive <email> | reactivate <email> | <email or name>` */
const VERBS: Record<string, Subcommand> = {
  add: openAddLearner,
  template: postTemplates,
  templates: postTemplates,
  "archive-bulk": openArchiveBulk,
  archive: archiveOne,
  reactivate: reactivateOne,
};

export function learnerCommand(services: Services) {
  return async ({ ack, command, respond, client, context }: CommandArgs) => {
    await ack();
    const text = command.text.trim();
    const [first = "", ...rest] = text.split(/\s+/);
    const verb = VERBS[first.toLowerCase()];
    try {
      await (verb ?? lookUp)({
        actor: actorOf(context),
        text: verb ? rest.join(" ") : text,
        channelId: command.channel_id,
        triggerId: command.trigger_id,
        respond,
        client,
        services,
      });
    } catch (error) {
      services.logger.warn({ err: error }, "/learner failed");
      await replyPrivately(respond, notice(describeError(error)));
    }
  };
}
