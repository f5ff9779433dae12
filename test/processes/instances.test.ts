import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackStandIn } from "../../src/console/slack-standin";
import { freshConnection } from "../support/db";
import { killAll, startApp } from "../support/processes";
import { SIGNING_SECRET } from "../support/signed";

const TEAM = "T0PROC";
const ADMIN = "U0ADMIN";
const BOT_TOKEN = "xoxb-proc-token";

describe.skipIf(!process.env.TEST_DATABASE_URL)("app instances on one PostgreSQL (needs TEST_DATABASE_URL)", () => {
  let slack: SlackStandIn;
  let databaseUrl: string;
  let dropDatabase: () => Promise<void>;
  const env = () => ({
    DATABASE_URL: databaseUrl,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    CAREBRIDGE_ADMINS: ADMIN,
  });

  beforeAll(async () => {
    slack = await new SlackStandIn({ botToken: BOT_TOKEN, teamId: TEAM, botUserId: "U0BOT" }).start();
    const fresh = await freshConnection();
    databaseUrl = fresh.url!;
    dropDatabase = () => fresh.close();
  });
  afterAll(async () => {
    await killAll();
    await slack?.close();
    await dropDatabase?.();
  });

  it("a second instance starts beside a running one", async () => {
    const a = await startApp("A", env());
    const b = await startApp("B", env());
    expect(a.alive && b.alive).toBe(true);
  }, 120_000);
});
