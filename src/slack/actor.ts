import type { Context } from "@slack/bolt";
import type { Actor } from "../app/actor";

/** The acting user as Slack authenticated them: the only source of who is acting. */
export function actorOf(context: Context): Actor {
  if (!context.teamId || !context.userId) throw new Error("Slack request without a team or user");
  return { workspaceId: context.teamId, userId: context.userId };
}
