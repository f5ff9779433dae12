import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../../../logger";
import { signInMessage } from "../../../presenters/caregivers/sign-in";
import { notice, problemsMessage } from "../../../presenters/kit";
import { replyPrivately, privately } from "../../reply";
import type { Subcommand } from "../../types";
import { labelsOf } from "../../shared/caregivers";
import { answerErrors } from "../../handler";

/**
 * The admin's email as Slack has it: needs the users:read.email scope and an email on the
 * profile; undefined otherwise (the use-case says which).
 */
export async function slackEmail(client: WebClient, userId: string, logger: Logger): Promise<string | undefined> {
  try {
    const info = await client.users.info({ user: userId });
    return info.user?.profile?.email || undefined;
  } catch (error) {
    logger.warn({ err: error }, "users.info failed");
    return undefined;
  }
}

/** `/carebridge login careacademy`: a one-time admin sign-in link, always ephemeral, never in a channel. */
export const login: Subcommand = async ({ actor, text, respond, client, services }) => {
  await answerErrors(services, privately(respond), async () => {
    if (!["", "careacademy"].includes(text.trim().toLowerCase())) {
      await replyPrivately(respond, notice("Use `/carebridge login careacademy`."));
      return;
    }
    const email = await slackEmail(client, actor.userId, services.logger);
    const result = await services.caregivers.adminSignIn(actor, email);
    await replyPrivately(
      respond,
      result.ok ? signInMessage(result.session, labelsOf(services).lms) : problemsMessage(result.problems),
    );
  });
};
