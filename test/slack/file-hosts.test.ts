import { describe, expect, it } from "vitest";
import { isSlackFileUrl } from "../../src/slack/listeners/events/learners/download";

describe("which download addresses get the bot token", () => {
  it("Slack's own file hosts for slack.com, over https only", () => {
    const api = "https://slack.com/api/";
    expect(isSlackFileUrl("https://files.slack.com/files-pri/T1-F1/download/a.csv", api)).toBe(true);
    expect(isSlackFileUrl("https://acme.slack.com/files/a.csv", api)).toBe(true);
    for (const url of [
      "http://files.slack.com/files-pri/T1-F1/a.csv",
      "https://files.slack.com.evil.example/a.csv",
      "https://evilslack.com/a.csv",
      "https://evil.example/files.slack.com/a.csv",
      "https://files.slack.com:8443/a.csv",
      "https://token@files.slack.com/a.csv",
      "https://files.slack-gov.com/a.csv",
      "not a url",
      "",
    ]) {
      expect({ url, ok: isSlackFileUrl(url, api) }).toEqual({ url, ok: false });
    }
  });

  it("GovSlack's hosts for slack-gov.com, and not slack.com's", () => {
    const api = "https://slack-gov.com/api/";
    expect(isSlackFileUrl("https://files.slack-gov.com/files-pri/T1-F1/a.csv", api)).toBe(true);
    expect(isSlackFileUrl("https://files.slack.com/files-pri/T1-F1/a.csv", api)).toBe(false);
  });

  it("an API on a bare address serves its own files: that host and port only", () => {
    const api = "http://127.0.0.1:4010/api/";
    expect(isSlackFileUrl("http://127.0.0.1:4010/files/F1/a.csv", api)).toBe(true);
    expect(isSlackFileUrl("http://127.0.0.1:4011/files/F1/a.csv", api)).toBe(false);
    expect(isSlackFileUrl("http://127.0.0.2:4010/files/F1/a.csv", api)).toBe(false);
    expect(isSlackFileUrl("http://localhost:4010/files/F1/a.csv", api)).toBe(false);
  });
});
