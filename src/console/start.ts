import { join, resolve } from "node:path";
import { bootstrap, type BootstrapOptions, type Runtime } from "../bootstrap";
import { loadConfig } from "../config";
import type { Logger } from "../logger";
import { createSlackApp } from "../slack/app";
import { oneClient } from "../slack/clients";
import { startScheduleTicker } from "../slack/scheduled-sync";
import type { Ask } from "./modal";
import { ConsoleReceiver } from "./receiver";
import { ConsoleSession } from "./session";
import { SlackStandIn } from "./slack-standin";

export const CONSOLE_TEAM = "TCONSOLE";
export const CONSOLE_USER = "UCONSOLE";
/** Who else is in the console's workspace: a second admin (two-person approvals) and someone with no role yet. */
export const CONSOLE_PEOPLE = [
  { id: CONSOLE_USER, name: "ada", realName: "Ada Admin", email: "admin@carebridge.example" },
  { id: "U0ADMIN2", name: "ben", realName: "Ben Admin", email: "ben@carebridge.example" },
  { id: "U0VIEWER", name: "vic", realName: "Vic Viewer", email: "vic@carebridge.example" },
];
const BOT_TOKEN = "xoxb-console";

export interface ConsoleOptions {
  env: Record<string, string | undefined>;
  logger: (level: string) => Logger;
  ask: Ask;
  print: (line: string) => void;
  /** Prints the prompt again after carebridge said something on its own. */
  reprompt?: (prompt: string) => void;
  bootstrap?: BootstrapOptions;
}

export interface RunningConsole {
  session: ConsoleSession;
  runtime: Runtime;
  slack: SlackStandIn;
  close(): Promise<void>;
}

/**
 * carebridge with you as the Slack user: the real use-cases, listeners and job queue on the
 * configured database (PGlite by default) and the sandbox vendors; a local stand-in plays Slack.
 * Throws ConfigError for bad settings.
 */
export async function startConsole(options: ConsoleOptions): Promise<RunningConsole> {
  const { env } = options;
  const slack = await new SlackStandIn({ botToken: BOT_TOKEN, teamId: CONSOLE_TEAM, botUserId: "UCAREBRIDGE" }).start();
  try {
    const config = loadConfig({
      LOG_LEVEL: "warn",
      ...env,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: "",
      SLACK_API_URL: slack.apiUrl,
      CAREBRIDGE_ADMINS: [CONSOLE_USER, "U0ADMIN2", env.CAREBRIDGE_ADMINS ?? ""].filter(Boolean).join(","),
    });
    CONSOLE_PEOPLE.forEach((person) => slack.addUser(person));
    const logger = options.logger(config.logLevel);
    const runtime = await bootstrap(config, logger, options.bootstrap);
    const receiver = new ConsoleReceiver();
    const app = createSlackApp({
      config,
      services: runtime.services,
      logger,
      mode: { kind: "custom", receiver },
      bot: { userId: "UCAREBRIDGE", botId: "BCAREBRIDGE" },
    });
    await runtime.startJobs();
    startScheduleTicker(runtime.services, oneClient(app.client));
    const session = new ConsoleSession({
      receiver,
      slack,
      teamId: CONSOLE_TEAM,
      userId: CONSOLE_USER,
      channelId: "CCONSOLE",
      channelName: "console",
      filesDir: join(resolve(config.dataDir), "files"),
      ask: options.ask,
      print: options.print,
      ...(options.reprompt ? { reprompt: options.reprompt } : {}),
    });
    return {
      session,
      runtime,
      slack,
      async close() {
        await runtime.close();
        await slack.close();
      },
    };
  } catch (error) {
    await slack.close();
    throw error;
  }
}
