import type { App } from "@slack/bolt";
import type { Services } from "../../app/services";

/**
 * OAuth mode: Slack says the app is gone from a workspace (or its bot token was revoked), so its
 * token is deleted at once; its people data follows after the retention period (purge.ts).
 */
export function registerUninstallEvents(app: App, services: Services): void {
  app.event("app_uninstalled", async ({ context }) => {
    if (context.teamId) await services.installations.forget(context.teamId, "app_uninstalled");
  });
  app.event("tokens_revoked", async ({ context, event }) => {
    if (context.teamId && (event.tokens.bot?.length ?? 0) > 0) {
      await services.installations.forget(context.teamId, "tokens_revoked");
    }
  });
}
