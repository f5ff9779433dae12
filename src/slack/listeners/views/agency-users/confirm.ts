import type { WebClient } from "@slack/web-api";
import type { CreatedAgencyUser } from "../../../../app/agency-users";
import type { Logger } from "../../../../logger";
import { createdMessage } from "../../../presenters/agency-users/confirmation";
import { slackFailure } from "../../../slack-error";
import { postPrivately } from "../../reply";

/**
 * Tells the creator, and only them: ephemeral in the channel where they ran the command, or in
 * their direct messages with the app when that channel can't take it (the app isn't in it).
 */
export async function confirmCreated(
  client: WebClient,
  channel: string | undefined,
  userId: string,
  created: CreatedAgencyUser,
  logger: Logger,
): Promise<void> {
  try {
    await postPrivately(client, channel, userId, createdMessage(created));
  } catch (error) {
    // The agency user exists either way; the modal already said so.
    logger.warn(slackFailure(error), "confirming a created agency user failed");
  }
}
