import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";

const VIEWER = "U0VIEWER";
let t: TestApp;

const textOf = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

/** The button's value on a message, as Slack would send it back on a press. */
function buttonValue(message: { blocks: unknown[] }, actionId: string): string | undefined {
  for (const block of message.blocks as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>) {
    const found = block.elements?.find((e) => e.action_id === actionId);
    if (found?.value !== undefined) return found.value;
  }
  return undefined;
}

beforeAll(async () => {
  t = await startTestApp();
  await t.runtime.services.workspaces.ensure(TEAM);
  const admin = { workspaceId: TEAM, userId: ADMIN };
  for (let i = 0; i < 60; i += 1) {
    const granted = await t.runtime.services.access.grant(admin, {
      userId: `U0P${String(i).padStart(3, "0")}`,
      role: "admin",
    });
    expect(granted.ok).toBe(true);
  }
  expect((await t.runtime.services.access.grant(admin, { userId: VIEWER, role: "viewer" })).ok).toBe(true);
});
afterAll(async () => {
  await t.close();
});

describe("/carebridge access list pages with buttons", () => {
  it("Next and Previous reach everyone, and a press is checked again for whoever pressed", async () => {
    const channel = "C0ACCPG";
    await t.command("/carebridge", "access list", ADMIN, { channel });
    const first = await t.waitFor(() => t.slack.visible(channel, ADMIN).at(-1));
    expect(textOf(first)).toContain("page 1 of 2");
    expect(buttonValue(first, "access.previous")).toBeUndefined();
    const next = buttonValue(first, "access.next")!;
    // The typed form stays.
    expect(textOf(first)).toContain("/carebridge access list 2");

    await t.press("access.next", next, ADMIN, { channel: { id: channel } });
    const second = await t.waitFor(() =>
      t.slack.visible(channel, ADMIN).find((m) => textOf(m).includes("page 2 of 2")),
    );
    expect(buttonValue(second, "access.next")).toBeUndefined();
    expect(textOf(second)).toContain("People 51–62 of 62");

    await t.press("access.previous", buttonValue(second, "access.previous")!, ADMIN, { channel: { id: channel } });
    await t.waitFor(
      () => t.slack.visible(channel, ADMIN).filter((m) => textOf(m).includes("page 1 of 2")).length === 2 || undefined,
    );

    // A viewer pressing an admin's button is refused: the list is read again with the presser's access.
    await t.press("access.next", next, VIEWER, { channel: { id: channel } });
    const refused = await t.waitFor(() => t.slack.visible(channel, VIEWER).at(-1));
    expect(textOf(refused)).not.toContain("page 2");
    expect(textOf(refused)).toContain("can't");
  });
});
