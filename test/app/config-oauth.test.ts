import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config";

const KEY = randomBytes(32).toString("base64");
const OAUTH = {
  SLACK_CLIENT_ID: "1.2",
  SLACK_CLIENT_SECRET: "client-secret-a1",
  SLACK_STATE_SECRET: "state-secret-b2",
  SLACK_SIGNING_SECRET: "signing",
  CAREBRIDGE_ENCRYPTION_KEY: KEY,
};

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe("config: OAuth mode", () => {
  it("reads the client, state secret and encryption keys, with a 30-day retention by default", () => {
    const hex = randomBytes(32).toString("hex");
    const config = loadConfig({ ...OAUTH, CAREBRIDGE_ENCRYPTION_KEY_PREVIOUS: hex });
    expect(config.slack.oauth).toEqual({
      clientId: "1.2",
      clientSecret: "client-secret-a1",
      stateSecret: "state-secret-b2",
    });
    expect(config.encryption?.key.equals(Buffer.from(KEY, "base64"))).toBe(true);
    expect(config.encryption?.previous?.equals(Buffer.from(hex, "hex"))).toBe(true);
    expect(config.uninstallRetentionDays).toBe(30);
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" }).slack.oauth).toBeUndefined();
  });

  it("says what is missing or conflicting, never showing a key", () => {
    expect(problems({ SLACK_CLIENT_ID: "1.2" })).toEqual([expect.stringContaining("are set together")]);
    expect(problems({ ...OAUTH, SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([expect.stringContaining("not both")]);
    expect(problems({ ...OAUTH, SLACK_APP_TOKEN: "xapp-1" })).toEqual([expect.stringContaining("HTTP mode")]);
    expect(problems({ ...OAUTH, CAREBRIDGE_ENCRYPTION_KEY: "" })).toEqual([
      expect.stringContaining("CAREBRIDGE_ENCRYPTION_KEY is required"),
    ]);
    const short = problems({ ...OAUTH, CAREBRIDGE_ENCRYPTION_KEY: "too-short-key" });
    expect(short).toEqual([expect.stringContaining("CAREBRIDGE_ENCRYPTION_KEY is not valid")]);
    expect(short.join()).not.toContain("too-short-key");
  });
});
