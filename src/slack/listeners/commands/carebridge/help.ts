import { helpMessage } from "../../../presenters/help";
import { sandboxNote } from "../../../presenters/sandbox";
import { replyPrivately } from "../../reply";
import type { Subcommand } from "../../types";

export const help: Subcommand = async ({ actor, respond, services }) => {
  const help = await services.help.forActor(actor);
  await replyPrivately(respond, helpMessage(help, sandboxNote(services.vendors.sandbox)));
};
