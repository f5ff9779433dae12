import type { App } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Services } from "../app/services";
import type { Config } from "../config";

/**
 * The Web API client that acts in a workspace, for work no Slack request carries a client for
 * (job progress and reports, scheduled syncs): SLACK_BOT_TOKEN's for every workspace in single-
 * workspace mode, each installation's own token in OAuth mode.
 */
export type SlackClients = (workspaceId: string) => Promise<WebClient>;

/** One workspace: the app's own client, whatever the workspace. */
export const oneClient =
  (client: WebClient): SlackClients =>
  async () =>
    client;

/** Each workspace's client from its installation; a workspace with none has no client (the call fails). */
function installedClients(services: Services, options: App["webClientOptions"]): SlackClients {
  const clients = new Map<string, WebClient>();
  return async (workspaceId) => {
    const json = await services.installations.find(workspaceId);
    const token = json ? (JSON.parse(json) as { bot?: { token?: string } }).bot?.token : undefined;
    if (!token) throw new Error(`no installation for ${workspaceId}`);
    let client = clients.get(workspaceId);
    if (client?.token !== token) {
      client = new WebClient(token, options);
      clients.set(workspaceId, client);
    }
    return client;
  };
}

export function slackClients(app: App, config: Config, services: Services): SlackClients {
  return config.slack.oauth ? installedClients(services, app.webClientOptions) : oneClient(app.client);
}
