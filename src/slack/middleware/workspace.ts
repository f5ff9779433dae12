import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Services } from "../../app/services";

/** Every request's workspace exists before anything is written under it. */
export function ensureWorkspace(workspaces: Services["workspaces"]): Middleware<AnyMiddlewareArgs> {
  return async ({ context, next }) => {
    if (context.teamId) await workspaces.ensure(context.teamId);
    await next();
  };
}

/**
 * Everything a request sets off (the listener, work after the ack, a job run in place) runs as
 * its workspace: its vendor calls go to that workspace's own accounts, rate limits and circuit
 * breakers (see app/vendor-accounts/workspace-providers.ts).
 */
export function asWorkspace(providers: Pick<Services["providers"], "within">): Middleware<AnyMiddlewareArgs> {
  return async ({ context, next }) => {
    if (context.teamId) await providers.within(context.teamId, next);
    else await next();
  };
}
