import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../logger";

/**
 * One bot token serves one workspace: a request correctly signed for this app but naming another
 * team is not served with this workspace's token, and leaves nothing behind (no workspace row).
 */
export function ownTeamOnly(client: WebClient, logger: Logger): Middleware<AnyMiddlewareArgs> {
  let own: Promise<string | undefined> | undefined;
  return async ({ context, next }) => {
    own ??= client.auth.test().then(
      (result) => result.team_id,
      (error: unknown) => {
        own = undefined; // asked again on the next request
        throw error;
      },
    );
    const team = await own;
    if (context.teamId && team && context.teamId !== team) {
      logger.warn({ teamId: context.teamId }, "a request from another workspace was not served");
      return;
    }
    await next();
  };
}
