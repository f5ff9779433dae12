import type { WebClient } from "@slack/web-api";
import type { CreatedAgencyUser } from "../../../../app/agency-users";
import type { Logger } from "../../../../logger";
import { createdMessage } from "../../../presenters/agency-users/confirmation";
import { slackPayload } from "../../../presenters/kit";

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
  const message = createdMessage(created);
  if (channel) {
    try {
      await client.chat.postEphemeral({ channel, user: userId, ...slackPayload(message) });
      return;
    } catch (error) {
      logger.info(
        { code: (error as { data?: { error?: string } }).data?.error },
        "ephemeral confirmation failed; sending a DM",
      );
    }
  }
  await client.chat.postMessage({ channel: userId, ...slackPayload(message) });
}
