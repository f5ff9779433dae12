import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await t.runtime.services.workspaces.ensure(TEAM);
  const { caresmartz } = t.runtime.sandbox!.state;
  for (let i = 0; i < 3000; i += 1)
    caresmartz.offices.push({ ...caresmartz.offices[0]!, id: `of-m${i}`, name: `Regional office ${i} & annex` });
});
afterAll(async () => {
  await t.close();
});

describe("/agency-user list with thousands of offices", () => {
  it("names what fits in one message, says how many more, and a part of a name reaches the rest", async () => {
    await t.command("/agency-user", "list", ADMIN, { channel: "C0MANY" });
    const reply = await t.waitFor(() => t.slack.visible("C0MANY", ADMIN).at(-1));
    const blocks = JSON.stringify(reply.blocks);
    expect(blocks.length).toBeLessThan(12000);
    expect(blocks).toMatch(/and \d+ more \(type part of an office's name/);

    await t.command("/agency-user", "list office 2999 &", ADMIN, { channel: "C0MANY2" });
    const narrowed = await t.waitFor(() => t.slack.visible("C0MANY2", ADMIN).at(-1));
    expect(JSON.stringify(narrowed.blocks)).toContain("Agency users · Regional office 2999 & annex");
  });
});
