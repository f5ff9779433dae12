import { randomBytes } from "node:crypto";
import type { StandInGrant } from "../../src/console/slack-standin";
import type { Logger } from "../../src/logger";
import { startTestApp, type TestApp } from "./app";
import { postSigned } from "./signed";

export const CLIENT_ID = "1111.2222";
export const CLIENT_SECRET = "client-secret-5f1c9a";
export const STATE_SECRET = "state-secret-8d2e";

/** The test app in OAuth mode (no SLACK_BOT_TOKEN), with the stand-in knowing the OAuth app. */
export async function startOAuthApp(
  options: { logger?: Logger; env?: Record<string, string> } = {},
): Promise<TestApp & { encryptionKey: string }> {
  const encryptionKey = randomBytes(32).toString("base64");
  const t = await startTestApp(
    {
      SLACK_BOT_TOKEN: "",
      SLACK_CLIENT_ID: CLIENT_ID,
      SLACK_CLIENT_SECRET: CLIENT_SECRET,
      SLACK_STATE_SECRET: STATE_SECRET,
      CAREBRIDGE_ENCRYPTION_KEY: encryptionKey,
      ...options.env,
    },
    options.logger ? { logger: options.logger } : {},
  );
  t.slack.oauthClient = { id: CLIENT_ID, secret: CLIENT_SECRET };
  return Object.assign(t, { encryptionKey });
}

/** Starts an install as a browser would: the redirect to Slack, and the state cookie it sets. */
export async function startInstall(t: TestApp) {
  const response = await fetch(`${t.origin}/slack/install`, { redirect: "manual" });
  const location = new URL(response.headers.get("location") ?? "");
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  return { status: response.status, location, cookie, state: location.searchParams.get("state") ?? "" };
}

/** Slack sending the installer back with a code (and the state from startInstall). */
export async function callback(t: TestApp, query: Record<string, string>, cookie: string) {
  const response = await fetch(`${t.origin}/slack/oauth_redirect?${new URLSearchParams(query)}`, {
    headers: { cookie },
    redirect: "manual",
  });
  return { status: response.status, text: await response.text() };
}

/** A whole install of one workspace: /slack/install, Slack's grant, the callback. */
export async function install(t: TestApp, grant: StandInGrant): Promise<void> {
  const started = await startInstall(t);
  const code = `code-${grant.teamId}-${randomBytes(4).toString("hex")}`;
  t.slack.grants.set(code, grant);
  const done = await callback(t, { code, state: started.state }, started.cookie);
  if (done.status !== 200) throw new Error(`install of ${grant.teamId} failed: ${done.status} ${done.text}`);
}

/** A grant for a workspace `team`, installed by `installer`. */
export const grantFor = (team: string, installer = `U0${team.slice(2)}ADM`): StandInGrant => ({
  teamId: team,
  teamName: `Agency ${team}`,
  botToken: `xoxb-${team.toLowerCase()}-${randomBytes(6).toString("hex")}`,
  botUserId: `U0${team.slice(2)}BOT`,
  installerId: installer,
});

let events = 0;

/** An Events API delivery from `team`, signed as Slack signs it. */
export function teamEvent(t: TestApp, team: string, event: Record<string, unknown>) {
  const body = JSON.stringify({
    type: "event_callback",
    team_id: team,
    event_id: `EvOAUTH${++events}${randomBytes(3).toString("hex").toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
  return postSigned(t.url, body, "application/json");
}

let triggers = 0;

/** A slash command typed by `user` of workspace `team` in `channel`, as Slack signs it. */
export function teamCommand(t: TestApp, team: string, user: string, command: string, text: string, channel: string) {
  const body = new URLSearchParams({
    command,
    text,
    team_id: team,
    user_id: user,
    channel_id: channel,
    trigger_id: `trigger-oauth-${++triggers}`,
    response_url: t.slack.responseUrl(channel, user),
  }).toString();
  return postSigned(t.url, body, "application/x-www-form-urlencoded");
}

/** A button press by `user` of workspace `team` in `channel`, with whatever value the test puts in it. */
export function teamPress(t: TestApp, team: string, user: string, actionId: string, value: string, channel: string) {
  const payload = {
    type: "block_actions",
    team: { id: team },
    user: { id: user, team_id: team },
    channel: { id: channel },
    trigger_id: `trigger-oauth-${++triggers}`,
    response_url: t.slack.responseUrl(channel, user),
    actions: [{ type: "button", action_id: actionId, block_id: "b", value, action_ts: "1" }],
  };
  return postSigned(
    t.url,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    "application/x-www-form-urlencoded",
  );
}

/** A modal submitted by `user` of workspace `team`; returns the ack Slack got (errors map, or empty). */
export async function teamSubmit(
  t: TestApp,
  team: string,
  user: string,
  view: Record<string, unknown>,
  values: Record<string, Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const payload = {
    type: "view_submission",
    team: { id: team },
    user: { id: user, team_id: team },
    trigger_id: `trigger-oauth-${++triggers}`,
    view: { ...view, id: view.id ?? `V0${team}${triggers}`, state: { values } },
  };
  const answer = await postSigned(
    t.url,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    "application/x-www-form-urlencoded",
  );
  return answer.text ? (JSON.parse(answer.text) as Record<string, unknown>) : {};
}
