import {
  accessGrantedMessage,
  accessListMessage,
  accessRevokedMessage,
  ACCESS_USAGE,
} from "../../../presenters/access";
import { notice, problemsMessage } from "../../../presenters/kit";
import { replyPrivately } from "../../reply";
import type { Subcommand } from "../../types";
import { parseAccessCommand } from "./access-text";

export const access: Subcommand = async ({ actor, text, respond, services }) => {
  const command = parseAccessCommand(text);
  switch (command.kind) {
    case "invalid":
      await replyPrivately(respond, notice(`${command.message} ${ACCESS_USAGE}`));
      return;
    case "list": {
      const result = await services.access.list(actor);
      await replyPrivately(respond, result.ok ? accessListMessage(result.entries, command.page) : problemsMessage(result.problems));
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
