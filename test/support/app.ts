import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { App } from "@slack/bolt";
import { bootstrap, type Runtime } from "../../src/bootstrap";
import { SlackStandIn } from "../../src/console/slack-standin";
import { checkViewAck } from "../../src/console/slack-rules";
import { loadConfig } from "../../src/config";
import { silentLogger, type Logger } from "../../src/logger";
import { createSlackApp } from "../../src/slack/app";
import { testDatabase } from "./db";
import { postSigned, SIGNING_SECRET, type PostOptions } from "./signed";
import { UNPACED } from "./vendors";

export const TEAM = "T0TEST";
export const ADMIN = "U0ADMIN";
export const BOT_TOKEN = "xoxb-test-token";

export interface TestApp {
  runtime: Runtime;
  slack: SlackStandIn;
  app: App;
  url: string;
  /** http://127.0.0.1:<port>, where /healthz, /readyz and /metrics are served. */
  origin: string;
  /** A slash command as `user` typed it in `channel`; returns the HTTP answer. */
  command(
    command: string,
    text: string,
    user?: string,
    options?: { channel?: string } & PostOptions,
  ): Promise<{ status: number; text: string }>;
  /** A button press on `message` blocks as Slack sends it. */
  press(
    actionId: string,
    value: string,
    user?: string,
    extra?: Record<string, unknown>,
  ): Promise<{ status: number; text: string; json: () => Record<string, unknown> }>;
  /** A modal submission; returns Slack's view of the ack (errors map, update, or empty). */
  submit(
    view: Record<string, unknown>,
    values: Record<string, Record<string, unknown>>,
    user?: string,
  ): Promise<{ status: number; json: () => Record<string, unknown> }>;
  event(event: Record<string, unknown>, options?: { eventId?: string } & PostOptions): Promise<{ status: number }>;
  /** Waits until Bolt's work after the ack has reached the stand-in. */
  waitFor<T>(find: () => T | undefined, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * The app as it runs in production, in HTTP mode, on a test database and the sandbox vendors
 * (unless env points a vendor elsewhere), with the Slack Web API played by the stand-in.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    /** A logger to read what the app logs; silent by default. */
    logger?: Logger;
    /** Open the database env names (DATA_DIR or DATABASE_URL) as production does, not a test database. */
    ownDatabase?: boolean;
  } = {},
): Promise<TestApp> {
  const logger = options.logger ?? silentLogger;
  const slack = await new SlackStandIn({ botToken: BOT_TOKEN, teamId: TEAM, botUserId: "U0BOT" }).start();
  const config = loadConfig({
    NODE_ENV: "test",
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    CAREBRIDGE_ADMINS: ADMIN,
    LOG_LEVEL: "silent",
    ...UNPACED,
    ...env,
  });
  const runtime = await bootstrap(config, logger, options.ownDatabase ? {} : { db: await testDatabase() });
  const app = createSlackApp({
    config,
    services: runtime.services,
    logger,
    mode: { kind: "http" },
    ops: runtime,
    jobMessageMinUpdateMs: 0,
  });
  const server = (await app.start(0)) as Server;
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = `${origin}/slack/events`;
  let triggers = 0;

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const interactive = (payload: Record<string, unknown>) =>
    postSigned(url, form({ payload: JSON.stringify(payload) }), "application/x-www-form-urlencoded");

  return {
    runtime,
    slack,
    app,
    url,
    origin,
    command(command, text, user = ADMIN, options = {}) {
      const channel = options.channel ?? "C0GENERAL";
      return postSigned(
        url,
        form({
          command,
          text,
          team_id: TEAM,
          user_id: user,
          channel_id: channel,
          trigger_id: `trigger-${++triggers}`,
          response_url: slack.responseUrl(channel, user),
        }),
        "application/x-www-form-urlencoded",
        options,
      );
    },
    press(actionId, value, user = ADMIN, extra = {}) {
      const channel = (extra.channel as { id: string } | undefined)?.id ?? "C0GENERAL";
      return interactive({
        type: "block_actions",
        team: { id: TEAM },
        user: { id: user, team_id: TEAM },
        channel: { id: channel },
        trigger_id: `trigger-${++triggers}`,
        response_url: slack.responseUrl(channel, user),
        actions: [{ type: "button", action_id: actionId, block_id: "b", value, action_ts: "1" }],
        ...extra,
      });
    },
    async submit(view, values, user = ADMIN) {
      const answer = await interactive({
        type: "view_submission",
        team: { id: TEAM },
        user: { id: user, team_id: TEAM },
        trigger_id: `trigger-${++triggers}`,
        view: { ...view, id: view.id ?? "V0TEST", state: { values } },
      });
      // Slack checks the ack as it checks a views.update: a bad one leaves the modal as it was.
      const ack = answer.text ? (JSON.parse(answer.text) as Record<string, unknown>) : {};
      const verdict = checkViewAck(ack, view);
      if (!verdict.ok)
        slack.rejections.push({
          method: "view_submission ack",
          args: ack,
          error: verdict.error,
          messages: verdict.response_metadata.messages,
        });
      return answer;
    },
    event(event, options = {}) {
      const body = JSON.stringify({
        type: "event_callback",
        team_id: TEAM,
        event_id: options.eventId ?? `Ev${++triggers}`,
        event_time: Math.floor(Date.now() / 1000),
        event,
      });
      return postSigned(url, body, "application/json", options);
    },
    async waitFor(find, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = find();
        if (found !== undefined && found !== false) return found;
        if (Date.now() > deadline) throw new Error("timed out waiting for the app");
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      await app.stop();
      await runtime.close();
      await slack.close();
      // Real Slack would have refused these: a test that means to send one takes it first.
      const refused = slack.takeRejections();
      if (refused.length > 0)
        throw new Error(
          `Slack would refuse ${refused.length} payload(s):\n` +
            refused.map((r) => `${r.method}: ${r.error} ${r.messages.join(" ")}`).join("\n"),
        );
    },
  };
}
