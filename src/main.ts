import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Config, ConfigError, loadConfig } from "./config";
import { bootstrap, type Runtime } from "./bootstrap";
import { DatabaseStartError } from "./db/client";
import { createLogger } from "./logger";
import { keepServing } from "./process-guard";
import { startUninstallPurge } from "./app/installations/purge-ticker";
import { startScheduleTicker } from "./slack/scheduled-sync";
import { createSlackApp } from "./slack/app";
import { slackClients } from "./slack/clients";

/** Which code runs: `npm run build`'s bundle, or the TypeScript sources through tsx. */
const BUILD = import.meta.url.endsWith(".ts") ? "source" : "compiled";

/** What to set, in two lines, when Slack is not configured; never a stack trace. */
function slackSettingsProblem(config: Config): string | undefined {
  const { botToken, appToken, signingSecret, oauth } = config.slack;
  if (oauth) return undefined; // loadConfig checked what OAuth mode needs with it
  if (!botToken) {
    return "Set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP) — see README.md.\nTo try carebridge without Slack, run: npm run demo";
  }
  if (!appToken && !signingSecret) {
    return "Set SLACK_APP_TOKEN for Socket Mode, or SLACK_SIGNING_SECRET to receive Slack's requests over HTTP.\nTo try carebridge without Slack, run: npm run demo";
  }
  return undefined;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const problem = slackSettingsProblem(config);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel, pretty: config.env !== "production" && process.stdout.isTTY });
  keepServing(logger);
  let runtime: Runtime;
  try {
    runtime = await bootstrap(config, logger);
  } catch (error) {
    if (error instanceof DatabaseStartError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const mode = config.slack.appToken ? ({ kind: "socket" } as const) : ({ kind: "http" } as const);
  const app = createSlackApp({ config, services: runtime.services, logger, mode, ops: runtime });
  await runtime.startJobs();
  startScheduleTicker(runtime.services, slackClients(app, config, runtime.services));
  if (config.slack.oauth) {
    const resealed = await runtime.services.installations.reseal();
    if (resealed > 0) logger.info({ resealed }, "installations resealed with the current CAREBRIDGE_ENCRYPTION_KEY");
    startUninstallPurge(runtime.services.installations, logger);
  }
  // The port it really listens on: PORT=0 picks a free one.
  let port: number | undefined = config.slack.port;
  if (mode.kind === "http") port = (((await app.start(config.slack.port)) as Server).address() as AddressInfo).port;
  else await app.start();
  logger.info({ mode: mode.kind, port, database: runtime.db.kind, build: BUILD }, "carebridge is running");

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "stopping");
    await app.stop();
    await runtime.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

await main();
