import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger";
import { BOT_SCOPES } from "../../src/slack/oauth/scopes";
import type { TestApp } from "../support/app";
import {
  callback,
  CLIENT_ID,
  CLIENT_SECRET,
  STATE_SECRET,
  startInstall,
  startOAuthApp,
  teamEvent,
} from "../support/oauth";

const NEW_TEAM = {
  teamId: "T0NEW",
  teamName: "New Agency",
  botToken: "xoxb-new-team-7c41",
  botUserId: "U0NEWBOT",
  installerId: "U0INSTALLER",
};

const homeOpened = (user: string) => ({ type: "app_home_opened", user, channel: "D0HOME", tab: "home" });

describe("install into many workspaces (OAuth)", () => {
  let t: TestApp & { encryptionKey: string };
  const lines: string[] = [];

  beforeAll(async () => {
    const logger = createLogger({
      level: "trace",
      pretty: false,
      destination: { write: (line) => void lines.push(line) },
    });
    t = await startOAuthApp({ logger, env: { LOG_LEVEL: "trace" } });
  });
  afterAll(async () => {
    await t.close();
  });

  it("install → callback → a signed request from the new team is served with that team's own token", async () => {
    const install = await startInstall(t);
    expect(install.status).toBe(302);
    expect(`${install.location.origin}${install.location.pathname}`).toBe("https://slack.com/oauth/v2/authorize");
    expect(install.location.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(install.location.searchParams.get("scope")?.split(",")).toEqual([...BOT_SCOPES]);

    t.slack.grants.set("code-new", NEW_TEAM);
    const done = await callback(t, { code: "code-new", state: install.state }, install.cookie);
    expect(done).toMatchObject({ status: 200 });
    expect(done.text).toContain("carebridge is installed");
    expect(t.slack.callsTo("oauth.v2.access")).toHaveLength(1);

    const prisma = t.runtime.db.prisma;
    const stored = await prisma.slackInstallation.findUniqueOrThrow({ where: { id: NEW_TEAM.teamId } });
    expect(stored).toMatchObject({ teamId: NEW_TEAM.teamId, installerId: NEW_TEAM.installerId });
    expect(stored.sealed).not.toContain(NEW_TEAM.botToken);
    expect(stored.sealed).not.toContain("xoxb-");
    const admin = await prisma.appUser.findUniqueOrThrow({
      where: { workspaceId_slackUserId: { workspaceId: NEW_TEAM.teamId, slackUserId: NEW_TEAM.installerId } },
    });
    expect(admin.role).toBe("admin");
    const installed = await prisma.auditEvent.findFirstOrThrow({
      where: { workspaceId: NEW_TEAM.teamId, action: "app.install" },
    });
    expect(installed.actorId).toBe(NEW_TEAM.installerId);

    const before = t.slack.calls.length;
    const answer = await teamEvent(t, NEW_TEAM.teamId, homeOpened(NEW_TEAM.installerId));
    expect(answer.status).toBe(200);
    const publish = await t.waitFor(() => t.slack.calls.slice(before).find((c) => c.method === "views.publish"));
    expect(publish.token).toBe(NEW_TEAM.botToken);
    expect(publish.args.user_id).toBe(NEW_TEAM.installerId);
  });

  it("a replayed state shows a page to start again and stores nothing", async () => {
    const install = await startInstall(t);
    t.slack.grants.set("code-once", { ...NEW_TEAM, teamId: "T0ONCE", botToken: "xoxb-once-1" });
    expect((await callback(t, { code: "code-once", state: install.state }, install.cookie)).status).toBe(200);
    const exchanges = t.slack.callsTo("oauth.v2.access").length;

    t.slack.grants.set("code-replay", { ...NEW_TEAM, teamId: "T0REPLAY", botToken: "xoxb-replay-1" });
    const replay = await callback(t, { code: "code-replay", state: install.state }, install.cookie);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain("Start the install again");
    expect(t.slack.callsTo("oauth.v2.access")).toHaveLength(exchanges);
    expect(await t.runtime.db.prisma.slackInstallation.count({ where: { id: "T0REPLAY" } })).toBe(0);
  });

  it("a forged or missing state shows the same page and stores nothing", async () => {
    const install = await startInstall(t);
    const [id] = install.state.split(".");
    const forged = `${id}.${Buffer.from("not the signature").toString("base64url")}`;
    t.slack.grants.set("code-forged", { ...NEW_TEAM, teamId: "T0FORGED", botToken: "xoxb-forged-1" });
    const exchanges = t.slack.callsTo("oauth.v2.access").length;
    for (const [state, cookie] of [
      [forged, `slack-app-oauth-state=${forged}`],
      [install.state, ""],
      ["", install.cookie],
    ] as const) {
      const page = await callback(t, { code: "code-forged", ...(state ? { state } : {}) }, cookie);
      expect({ state, status: page.status }).toEqual({ state, status: 400 });
      expect(page.text).toContain("Start the install again");
    }
    expect(t.slack.callsTo("oauth.v2.access")).toHaveLength(exchanges);
    expect(await t.runtime.db.prisma.slackInstallation.count({ where: { id: "T0FORGED" } })).toBe(0);
  });

  it("an install cancelled on Slack's page says so, and stores nothing", async () => {
    const install = await startInstall(t);
    const exchanges = t.slack.callsTo("oauth.v2.access").length;
    const page = await callback(t, { error: "access_denied", state: install.state }, install.cookie);
    expect(page.status).toBe(400);
    expect(page.text).toContain("cancelled");
    expect(page.text).toContain("Start the install again");
    expect(t.slack.callsTo("oauth.v2.access")).toHaveLength(exchanges);
  });

  it("a signed request from a team with no installation is refused with 401 and a log line, with no token used", async () => {
    const before = t.slack.calls.length;
    const answer = await teamEvent(t, "T0NOPE", homeOpened("U0NOPE"));
    expect(answer.status).toBe(401);
    expect(lines.some((l) => l.includes("no installation for T0NOPE"))).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(t.slack.calls.slice(before)).toEqual([]);
    expect(await t.runtime.db.prisma.workspace.count({ where: { id: "T0NOPE" } })).toBe(0);
  });

  it("no token, client secret or encryption key reaches a log line at trace level", () => {
    const log = lines.join("\n");
    expect(log).toContain("carebridge installed");
    for (const secret of [NEW_TEAM.botToken, "xoxb-once-1", CLIENT_SECRET, STATE_SECRET, t.encryptionKey]) {
      expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
    }
  });
});
