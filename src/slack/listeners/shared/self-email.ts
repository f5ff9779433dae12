import type { WebClient } from "@slack/web-api";
import type { SelfEmail } from "../../../app/agency-users";
import type { Logger } from "../../../logger";
import { slackFailure } from "../../slack-error";

/**
 * The acting user's email as Slack verified it (users.info, scope users:read.email). Without it
 * (scope missing, no email) the agency user is treated as one whose own role is unknown.
 */
export function slackSelfEmail(client: WebClient, userId: string, logger: Logger): SelfEmail {
  return async () => {
    try {
      const answer = await client.users.info({ user: userId });
      return answer.user?.profile?.email || undefined;
    } catch (error) {
      logger.warn(
        slackFailure(error),
        "could not read the Slack user's email; their own Caresmartz360 role stays unknown",
      );
      return undefined;
    }
  };
}
