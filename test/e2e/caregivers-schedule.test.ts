import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredMessage } from "../../src/console/slack-standin";
import { missingEmail } from "../../src/domain/caregivers/readiness";
import { SCHEDULE_FORMS } from "../../src/domain/caregivers/schedule";
import { oneClient } from "../../src/slack/clients";
import { runDueSchedules } from "../../src/slack/scheduled-sync";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";

const ADMIN2 = "U0ADMIN2";
const VIEWER = "U0VIEW";
const DIGEST = "C0DIGEST";
const text = (m: { blocks: unknown[]; text: string }) => `${m.text} ${JSON.stringify(m.blocks)}`;

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

const buttons = (message: StoredMessage): Button[] =>
  (message.blocks as Array<{ type: string; elements?: Button[] }>)
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? []);

describe("scheduled caregiver sync from Slack, end to end", () => {
  let t: TestApp;
  const inChannel = (channel: string) => t.slack.messages.filter((m) => m.channel === channel && !m.ephemeralTo);
  const answer = async (text: string, user = ADMIN, channel = "C0SCHED") => {
    const before = t.slack.visible(channel, user).length;
    expect((await t.command("/sync-caregiver", text, user, { channel })).status).toBe(200);
    return t.waitFor(() =>
      t.slack.visible(channel, user).length > before ? t.slack.visible(channel, user).at(-1) : undefined,
    );
  };
  const schedule = () => t.runtime.db.prisma.syncSchedule.findUniqueOrThrow({ where: { workspaceId: TEAM } });
  /** The clock moved just past the next slot; what the ticker does then. */
  const fire = async () =>
    runDueSchedules(
      t.runtime.services,
      oneClient(t.app.client),
      new Date((await schedule()).nextRunAt.getTime() + 1_000),
    );

  beforeAll(async () => {
    // Three changes at most without a look: the first run (8 changes) stops for an admin.
    t = await startTestApp({ CAREBRIDGE_ADMINS: `${ADMIN},${ADMIN2}`, ARCHIVE_MAX_COUNT: "3" });
    t.slack.addUser({
      id: ADMIN,
      name: "admin",
      realName: "Ada Admin",
      email: "ada@example.com",
      tz: "America/Chicago",
    });
    await t.runtime.db.prisma.workspace.upsert({ where: { id: TEAM }, create: { id: TEAM }, update: {} });
    await t.runtime.services.access.grant({ workspaceId: TEAM, userId: ADMIN }, { userId: VIEWER, role: "viewer" });
  });
  afterAll(async () => {
    await t.close();
  });

  it("bad input, a viewer, and a channel carebridge is not in each get a sentence", async () => {
    const bad = await answer("schedule daily 25:00");
    expect(bad.ephemeralTo).toBe(ADMIN);
    expect(bad.text).toContain('"25:00" is not a time of day');
    expect(bad.text).toContain(SCHEDULE_FORMS);

    const viewer = await answer("schedule daily 06:00", VIEWER);
    expect(viewer.text).toContain("Viewers");

    t.slack.botAbsentFrom.add("C0OUT");
    const outside = await answer("schedule daily 06:00 <#C0OUT|outside>");
    expect(outside.text).toContain("carebridge is not in <#C0OUT>");
    expect(outside.text).toContain("/invite @carebridge");
    expect(await t.runtime.db.prisma.syncSchedule.count()).toBe(0);
  });

  it("schedule daily 06:00 takes the admin's Slack time zone, says it and the next run; schedule shows it; App Home too", async () => {
    const set = await answer(`schedule daily 06:00 <#${DIGEST}|digest>`);
    expect(text(set)).toContain("daily at 06:00 (America/Chicago)");
    expect(text(set)).toContain(`<#${DIGEST}>`);
    expect(text(set)).toMatch(/Next run: <!date\^\d+\^/);
    expect((await schedule()).timeZone).toBe("America/Chicago");

    const shown = await answer("schedule", VIEWER);
    expect(text(shown)).toContain("daily at 06:00 (America/Chicago)");
    expect(text(shown)).toContain("Last run: not yet");

    await t.event({ type: "app_home_opened", user: ADMIN, channel: "D0HOME", tab: "home" });
    const home = await t.waitFor(() => t.slack.callsTo("views.publish").at(-1));
    const blocks = JSON.stringify((home.args.view as { blocks: unknown[] }).blocks);
    expect(blocks).toContain("Scheduled caregiver sync");
    expect(blocks).toContain("daily at 06:00 (America/Chicago)");
    expect(blocks).toMatch(/Next run: <!date/);

    await t.command("/carebridge", "help", ADMIN, { channel: "C0HELP" });
    const help = await t.waitFor(() => t.slack.visible("C0HELP", ADMIN).at(-1));
    expect(text(help)).toContain("/sync-caregiver schedule daily 06:00");
    expect(text(help)).toContain("/sync-caregiver digest");
  });

  it("above the threshold the run stops and asks in the channel; another admin's Confirm runs it and the digest follows", async () => {
    const [run] = await fire();
    expect(run?.kind).toBe("held");
    const asked = await t.waitFor(() => inChannel(DIGEST).find((m) => m.text.includes("waits for an admin")));
    expect(text(asked)).toContain("more than the bulk threshold");
    const confirm = buttons(asked).find((b) => b.action_id === "caregiver.sync-all.confirm")!;
    expect(confirm).toBeDefined();

    await t.press(confirm.action_id, confirm.value, ADMIN2, { channel: { id: DIGEST } });
    const digest = await t.waitFor(
      () => inChannel(DIGEST).find((m) => m.text.startsWith("Caregiver sync digest:")),
      60_000,
    );
    expect(digest.text).toBe("Caregiver sync digest: 8 changed, 2 can't sync.");
    expect(text(digest)).toContain("Scheduled caregiver sync");
    expect(text(digest)).toContain("Priya Raman");
    expect(text(digest)).toContain("Marisol Ortega");
    expect(text(digest)).toContain(missingEmail("CareAcademy"));
    expect(digest.blocks.length).toBeLessThanOrEqual(50);
    const fixes = buttons(digest).filter((b) => b.action_id === "caregiver.fix");
    expect(fixes.map((b) => b.text.text)).toEqual(["Fix Marisol Ortega", expect.stringMatching(/^Fix /)]);

    // Fix from the channel: the form opens for whoever presses, if their role lets them.
    await t.press(fixes[0]!.action_id, fixes[0]!.value, ADMIN2, { channel: { id: DIGEST } });
    const opened = await t.waitFor(() => t.slack.callsTo("views.open").at(-1));
    expect(JSON.stringify(opened.args.view)).toContain("Marisol Ortega");
    await t.press(fixes[0]!.action_id, fixes[0]!.value, VIEWER, { channel: { id: DIGEST } });
    const refused = await t.waitFor(() => t.slack.visible(DIGEST, VIEWER).find((m) => m.ephemeralTo === VIEWER));
    expect(refused.text).toContain("Viewers");

    // The same digest on demand, only to the asker.
    const again = await answer("digest", VIEWER, "C0ASK");
    expect(again.ephemeralTo).toBe(VIEWER);
    expect(again.text).toBe(digest.text);
  });

  it("a later slot with nothing changed posts nothing, unless the admin asked for an all-quiet digest", async () => {
    await answer(`schedule hourly <#${DIGEST}|digest>`);
    const before = inChannel(DIGEST).length;
    const [nothing] = await fire();
    expect(nothing?.kind).toBe("nothing");
    expect(inChannel(DIGEST)).toHaveLength(before);

    await answer(`schedule daily 06:00 <#${DIGEST}|digest> quiet`);
    const [quiet] = await fire();
    expect(quiet?.kind).toBe("nothing");
    const posted = await t.waitFor(() => inChannel(DIGEST).find((m) => m.text.startsWith("All quiet")));
    expect(posted).toBeDefined();
    expect(text(await answer("schedule"))).toMatch(/Last run: <!date/);

    const off = await answer("schedule off");
    expect(off.text).toBe("The scheduled caregiver sync is off.");
  });
});
