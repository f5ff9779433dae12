import { App, type CustomRoute, type Receiver, LogLevel } from "@slack/bolt";
import type { Services } from "../app/services";
import type { Config } from "../config";
import { redactText, type Logger } from "../logger";
import { slackClients } from "./clients";
import { attachJobMessages } from "./job-messages";
import { attachLearnerJobReports } from "./learner-job-reports";
import { registerListeners } from "./listeners";
import { dedupeEvents } from "./middleware/dedupe-events";
import { ownTeamOnly, tokenTeam } from "./middleware/own-team";
import { oauthReceiverOptions } from "./oauth/installer";
import { installationIdOf } from "./oauth/team-of";
import { registerUninstallEvents } from "./oauth/uninstall";
import { asWorkspace, ensureWorkspace } from "./middleware/workspace";
import { opsRoutes, type OpsSources } from "./ops-routes";
import { GuardedHTTPReceiver } from "./receiver";
import { attachScheduledDigests } from "./scheduled-sync";

export type SlackMode = { kind: "socket" } | { kind: "http" } | { kind: "custom"; receiver: Receiver };

export interface SlackAppOptions {
  config: Config;
  services: Services;
  logger: Logger;
  mode: SlackMode;
  /** Known bot identity, so start-up needs no auth.test call (console, tests). */
  bot?: { userId: string; botId: string };
  /** Readiness and metrics, served on PORT with /healthz in HTTP and Socket Mode. */
  ops?: OpsSources;
  /** At most one progress update per job this often (tests: 0, to see every one). */
  jobMessageMinUpdateMs?: number;
}

/**
 * Bolt and its Web API client log request bodies and results as free text at debug level
 * (users.info profiles carry emails and phones), so each line goes through redactText.
 */
export function boltLine(parts: unknown[]): string {
  const text = parts
    .map((p) => (typeof p === "string" ? p : p instanceof Error ? p.message : JSON.stringify(p)))
    .join(" ");
  return redactText(text);
}

/** Bolt's logger interface on top of ours, so Bolt's lines are redacted and leveled like ours. */
function boltLogger(logger: Logger) {
  const child = logger.child({ module: "bolt" });
  let level = LogLevel.INFO;
  // A line is formatted (and redacted) only when it will be written: Bolt and the Web API client
  // log whole request bodies at debug level.
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (...m: unknown[]) => {
      if (child.isLevelEnabled(level)) child[level](boltLine(m));
    };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}

/**
 * HTTP mode: Slack's requests at /slack/events, screened (see receiver.ts), beside the ops routes;
 * in OAuth mode also /slack/install and /slack/oauth_redirect, and a request from a team with no
 * installation is refused before Bolt looks for a token.
 */
function httpReceiver(config: Config, services: Services, logger: Logger, customRoutes: CustomRoute[]) {
  const oauth = oauthReceiverOptions(config, services, logger);
  return new GuardedHTTPReceiver({
    signingSecret: config.slack.signingSecret ?? "",
    port: config.slack.port,
    endpoints: ["/slack/events"],
    logger: boltLogger(logger),
    customRoutes,
    ...(oauth
      ? {
          ...oauth,
          unserved: async (body: unknown) => {
            const id = installationIdOf(body);
            if (id === undefined || (await services.installations.has(id))) return undefined;
            return `no installation for ${id}`;
          },
        }
      : {}),
  });
}

export function createSlackApp(options: SlackAppOptions): App {
  const { config, services, logger, mode } = options;
  const clientOptions = {
    slackApiUrl: config.slack.apiUrl,
    // The default retries a 429 for up to ~30 minutes; a job must not hang that long on one call.
    retryConfig: { retries: 3, factor: 2, maxRetryTime: 60_000 },
    ...(options.ops ? { fetch: options.ops.metrics.slackFetch(config.slack.apiUrl) } : {}),
  };
  const customRoutes = opsRoutes(options.ops, logger);
  const app = new App({
    // OAuth mode has no token: Bolt's installer authorizes each request with its workspace's own.
    ...(config.slack.oauth ? {} : { token: config.slack.botToken }),
    ...(options.bot
      ? { botUserId: options.bot.userId, botId: options.bot.botId, tokenVerificationEnabled: false }
      : {}),
    ...(mode.kind === "socket"
      ? {
          socketMode: true,
          appToken: config.slack.appToken,
          customRoutes,
          // Socket Mode serves customRoutes on installerOptions.port; its own client (which opens
          // the socket) takes only installerOptions.clientOptions.
          installerOptions: {
            port: config.slack.port,
            clientOptions: { slackApiUrl: clientOptions.slackApiUrl, fetch: clientOptions.fetch },
          },
        }
      : {}),
    ...(mode.kind === "http" ? { receiver: httpReceiver(config, services, logger, customRoutes) } : {}),
    ...(mode.kind === "custom" ? { receiver: mode.receiver } : {}),
    logger: boltLogger(logger),
    clientOptions,
  });
  const servesTeam = config.slack.oauth
    ? (teamId: string) => services.installations.has(teamId)
    : tokenTeam(app.client);
  app.use(ownTeamOnly(servesTeam, logger));
  app.use(dedupeEvents(services.events));
  app.use(ensureWorkspace(services.workspaces));
  app.use(asWorkspace(services.providers));
  registerListeners(app, services);
  if (config.slack.oauth) registerUninstallEvents(app, services);
  // Every job observer, here and nowhere else: the progress message and report, a scheduled
  // sync's digest, and what the learner jobs add to their report.
  const clients = slackClients(app, config, services);
  attachJobMessages(clients, services, options.jobMessageMinUpdateMs);
  attachScheduledDigests(clients, services);
  attachLearnerJobReports(clients, services);
  app.error(async (error) => {
    logger.error({ err: error }, "slack listener failed");
  });
  return app;
}
