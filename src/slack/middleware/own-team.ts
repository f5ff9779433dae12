import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../logger";

/** Whether this deployment serves a team: the bot token's own (one workspace), or an installed one (OAuth). */
export type ServesTeam = (teamId: string) => Promise<boolean>;

/** One workspace: the team SLACK_BOT_TOKEN belongs to, asked of auth.test once. */
export function tokenTeam(client: WebClient): ServesTeam {
  let own: Promise<string | undefined> | undefined;
  return async (teamId) => {
    own ??= client.auth.test().then(
      (result) => result.team_id,
      (error: unknown) => {
        own = undefined; // asked again on the next request
        throw error;
      },
    );
    const team = await own;
    return !team || teamId === team;
  };
}

/**
 * A request correctly signed for this app but naming a team it does not serve is not served with
 * any workspace's token, and leaves nothing behind (no workspace row).
 */
export function ownTeamOnly(serves: ServesTeam, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ context, next }) => {
    if (context.teamId && !(await serves(context.teamId))) {
      logger.warn({ teamId: context.teamId }, "a request from another workspace was not served");
      return;
    }
    await next();
  };
}
