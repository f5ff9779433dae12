import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";

let t: TestApp;
const HOSTILE = "<!channel> *Boss* _Office_ & <@U0ADMIN>";

beforeAll(async () => {
  t = await startTestApp();
  await t.runtime.services.workspaces.ensure(TEAM);
  const { caresmartz } = t.runtime.sandbox!.state;
  caresmartz.offices.push({ ...caresmartz.offices[0]!, id: "of-evil", name: HOSTILE });
  for (let i = 0; i < 140; i += 1)
    caresmartz.offices.push({
      ...caresmartz.offices[0]!,
      id: `of-x${i}`,
      name: `Branch office number ${i} of the county`,
    });
});
afterAll(async () => {
  await t.close();
});

describe("text from vendors reaches Slack escaped", () => {
  it("a vendor's office name notifies no channel, in the blocks or the notification text", async () => {
    await t.command("/agency-user", "list", ADMIN, { channel: "C0ESC" });
    const reply = await t.waitFor(() => t.slack.visible("C0ESC", ADMIN).at(-1));
    const blocks = JSON.stringify(reply.blocks);
    expect(blocks).not.toContain("<!channel>");
    expect(reply.text).not.toContain("<!channel>");
    expect(reply.text).toContain("&lt;!channel&gt;");
    expect(blocks).toContain("&lt;!channel&gt;");
    // A mention in a vendor's data stays text: only carebridge's own mentions are live.
    expect(blocks).not.toContain("<@U0ADMIN>");
    expect(reply.text).not.toContain("<@U0ADMIN>");
    expect(blocks).toContain("&lt;@U0ADMIN&gt;");
    // Every office is named: split over sections, not cut.
    expect(blocks).toContain("Branch office number 139 of the county");
  });
});
