import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Services } from "../../app/services";

/** Every request's workspace exists before anything is written under it. */
export function ensureWorkspace(workspaces: Services["workspaces"]): Middleware<AnyMiddlewareArgs> {
  return async ({ context, next }) => {
    if (context.teamId) await workspaces.ensure(context.teamId);
    await next();
  };
}
