// `npm start` in OAuth mode: the install routes served, an installation stored, and the encryption
// key rotated across a restart (start-up reseals what the previous key sealed).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackStandIn } from "../../src/console/slack-standin";
import { killAll, startApp } from "../support/processes";
import { SIGNING_SECRET } from "../support/signed";
import { CLIENT_ID, CLIENT_SECRET, grantFor, STATE_SECRET } from "../support/oauth";

describe("npm start in OAuth mode", () => {
  let slack: SlackStandIn;
  let dataDir: string;
  const oldKey = randomBytes(32).toString("base64");
  const newKey = randomBytes(32).toString("base64");
  const env = () => ({
    SLACK_CLIENT_ID: CLIENT_ID,
    SLACK_CLIENT_SECRET: CLIENT_SECRET,
    SLACK_STATE_SECRET: STATE_SECRET,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    DATA_DIR: dataDir,
  });

  beforeAll(async () => {
    slack = await new SlackStandIn({ botToken: "xoxb-unused", teamId: "T0UNUSED", botUserId: "U0UNUSED" }).start();
    slack.oauthClient = { id: CLIENT_ID, secret: CLIENT_SECRET };
    dataDir = mkdtempSync(join(tmpdir(), "carebridge-oauth-"));
  });
  afterAll(async () => {
    await killAll();
    await slack.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves the install, stores it, and after a key rotation reseals it at start-up", async () => {
    const first = await startApp("oauth-1", { ...env(), CAREBRIDGE_ENCRYPTION_KEY: oldKey });
    const origin = new URL(first.url).origin;
    const install = await fetch(`${origin}/slack/install`, { redirect: "manual" });
    expect(install.status).toBe(302);
    const state = new URL(install.headers.get("location")!).searchParams.get("state")!;
    const cookie = install.headers.get("set-cookie")!.split(";")[0]!;
    slack.grants.set("code-proc", grantFor("T0PROC"));
    const done = await fetch(`${origin}/slack/oauth_redirect?code=code-proc&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
    });
    expect(done.status).toBe(200);
    await first.waitForLine((l) => l.msg === "carebridge installed" && l.teamId === "T0PROC");
    expect(await first.kill("SIGTERM")).toBe(0);

    const second = await startApp("oauth-2", {
      ...env(),
      CAREBRIDGE_ENCRYPTION_KEY: newKey,
      CAREBRIDGE_ENCRYPTION_KEY_PREVIOUS: oldKey,
    });
    await second.waitForLine((l) => l.msg?.startsWith("installations resealed") === true && l.resealed === 1);
    expect(second.output.join("\n")).not.toMatch(/xoxb-t0proc/);
  }, 180_000);
});
