import {
  accessGrantedMessage,
  accessListMessage,
  accessRevokedMessage,
  ACCESS_USAGE,
} from "../../../presenters/access";
import { notice, problemsMessage } from "../../../presenters/kit";
import { replyPrivately } from "../../reply";
import type { Actor } from "../../../../app/actor";
import type { Services } from "../../../../app/services";
import type { Message } from "../../../presenters/kit";
import type { Subcommand } from "../../types";
import { parseAccessCommand } from "./access-text";

export const access: Subcommand = async ({ actor, text, respond, services }) => {
  const command = parseAccessCommand(text);
  switch (command.kind) {
    case "invalid":
      await replyPrivately(respond, notice(`${command.message} ${ACCESS_USAGE}`));
      return;
    case "list": {
      await showAccessList(services, actor, command.page, (message) => replyPrivately(respond, message));
      return;
    }
    case "grant": {
      const result = await services.access.grant(actor, command.request);
      await replyPrivately(respond, result.ok ? accessGrantedMessage(result.entry) : problemsMessage(result.problems));
      return;
    }
    case "revoke": {
      const result = await services.access.revoke(actor, command.userId);
      await replyPrivately(respond, result.ok ? accessRevokedMessage(result.userId) : problemsMessage(result.problems));
      return;
    }
  }
};

/** A page of who has access, listed again for whoever asks or presses: the list is never carried in a button. */
export async function showAccessList(
  services: Services,
  actor: Actor,
  page: number,
  reply: (message: Message) => Promise<unknown>,
): Promise<void> {
  const result = await services.access.list(actor);
  await reply(result.ok ? accessListMessage(result.entries, page) : problemsMessage(result.problems));
}
