import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";

const TANYA = "U0TANYA"; // agency user, Sacramento
const FRED = "U0FRED"; // agency user, Fresno
const VIEWER = "U0VIEWER";
let t: TestApp;
let channels = 0;

const textOf = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);
const record = (
  userId: string,
  action: string,
  targetType: string,
  targetId: string,
  outcome: "ok" | "refused" = "ok",
) => t.runtime.services.audit.record({ workspaceId: TEAM, userId }, { action, targetType, targetId, outcome });

/** Types the command in a channel of its own and returns what only `user` was shown there. */
async function ask(text: string, user = ADMIN) {
  const channel = `C0AUD${++channels}`;
  await t.command("/carebridge", `audit ${text}`.trim(), user, { channel });
  const reply = await t.waitFor(() => t.slack.visible(channel, user).at(-1));
  return { channel, reply, text: textOf(reply) };
}

/** The button's value on a message, as Slack would send it back on a press. */
function buttonValue(message: { blocks: unknown[] }, actionId: string): string {
  for (const block of message.blocks as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>) {
    const found = block.elements?.find((e) => e.action_id === actionId);
    if (found?.value !== undefined) return found.value;
  }
  throw new Error(`no ${actionId} button`);
}

beforeAll(async () => {
  t = await startTestApp();
  await t.runtime.services.workspaces.ensure(TEAM);
  const admin = { workspaceId: TEAM, userId: ADMIN };
  for (const [userId, role, office] of [
    [TANYA, "agency-user", "of-sac"],
    [FRED, "agency-user", "of-fre"],
    [VIEWER, "viewer", undefined],
  ] as const) {
    const granted = await t.runtime.services.access.grant(admin, { userId, role, ...(office ? { office } : {}) });
    expect(granted.ok).toBe(true);
  }
  await record(TANYA, "caregiver.sync", "caregiver", "tt-sac-1");
  await record(FRED, "caregiver.fix", "caregiver", "tt-fre-1");
  await record(VIEWER, "caregiver.sync", "caregiver", "tt-any", "refused");
  await record(TANYA, "learner.archive", "cacwt-learner", "RV-48213");
  // A record id from a vendor that a spreadsheet would run as a formula, and mrkdwn it must not become.
  await record(ADMIN, "link.link", "motivity-member", '=HYPERLINK("http://x")<!here>&');
});
afterAll(async () => {
  await t.close();
});

describe("/carebridge audit, who sees what", () => {
  it("shows an admin every change: who as a mention, what in words, the record, the outcome, and a Slack date", async () => {
    const { text } = await ask("");
    expect(text).toContain(`<@${TANYA}> synced a caregiver · caregiver \`tt-sac-1\` · done`);
    expect(text).toContain(`<@${FRED}> fixed a caregiver's details`);
    expect(text).toContain(`<@${VIEWER}> synced a caregiver · caregiver \`tt-any\` · *refused*`);
    expect(text).toMatch(/<!date\^\d+\^\{date_short_pretty\} \{time\}\|\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC>/);
    expect(text).toContain("Everything in this workspace");
    // Data never turns into mrkdwn: no live @here, & escaped.
    expect(text).toContain("&lt;!here&gt;&amp;");
    expect(text).not.toContain("<!here>");
  });

  it("shows an agency user only their office's changes and their own", async () => {
    const { text } = await ask("", TANYA);
    expect(text).toContain("tt-sac-1");
    expect(text).toContain("RV-48213");
    expect(text).not.toContain("tt-fre-1");
    expect(text).not.toContain("tt-any");
    expect(text).not.toContain("HYPERLINK");
    expect(text).toContain("Your office's changes and your own");
    const fresno = await ask("", FRED);
    expect(fresno.text).toContain("tt-fre-1");
    expect(fresno.text).not.toContain("tt-sac-1");
  });

  it("shows a viewer only their own actions, even when they filter by someone else", async () => {
    const { text } = await ask("", VIEWER);
    expect(text).toContain("tt-any");
    expect(text).not.toContain("tt-sac-1");
    expect(text).toContain("Your own actions");
    expect((await ask(`<@${TANYA}>`, VIEWER)).text).toContain("No changes to show");
  });

  it("records the office of an agency user's actions, and none for an admin's", async () => {
    const rows = await t.runtime.db.prisma.auditEvent.findMany({ where: { targetId: { in: ["tt-sac-1", "tt-any"] } } });
    expect(Object.fromEntries(rows.map((r) => [r.targetId, r.office]))).toEqual({
      "tt-sac-1": "of-sac",
      "tt-any": null,
    });
  });

  it("tells someone without access that there is nothing for them", async () => {
    const { reply } = await ask("", "U0STRANGER");
    expect(reply.text).toContain("don't have access");
  });
});

describe("/carebridge audit filters", () => {
  it("filters by a person, a record id, a learner's email, and a date", async () => {
    const byTanya = await ask(`<@${TANYA}|tanya>`);
    expect(byTanya.text).toContain("tt-sac-1");
    expect(byTanya.text).not.toContain("tt-fre-1");

    const byRecord = await ask("tt-fre-1");
    expect(byRecord.text).toContain("tt-fre-1");
    expect(byRecord.text).not.toContain("tt-sac-1");

    const byEmail = await ask("jmorales@dpss.example.gov");
    expect(byEmail.text).toContain("archived a learner");
    // The audit names the learner by id; the email is only repeated back to who typed it.
    const line = (byEmail.reply.blocks as Array<{ text?: { text: string } }>).find((b) =>
      b.text?.text.includes("RV-48213"),
    );
    expect(line?.text?.text).not.toContain("jmorales");
    expect(byEmail.text).not.toContain("tt-sac-1");

    expect((await ask("since 2000-01-01")).text).toContain("tt-sac-1");
    expect((await ask(`<@${TANYA}> since 2999-01-01`)).text).toContain("No changes to show");
  });

  it("filters by a Slack user's email: what that person did (users.lookupByEmail)", async () => {
    t.slack.addUser({ id: FRED, name: "fred", realName: "Fred Ortiz", email: "Fred.Ortiz@agency.example" });
    const byFred = await ask("fred.ortiz@agency.example");
    expect(byFred.text).toContain("tt-fre-1");
    expect(byFred.text).not.toContain("tt-sac-1");
    expect(t.slack.calls.some((c) => c.method === "users.lookupByEmail")).toBe(true);
  });

  it("answers a bad filter or date with the accepted forms", async () => {
    for (const bad of ["since 2026-02-30", "since yesterday", "tt-1 tt-2", "<script>"]) {
      const { reply } = await ask(bad);
      expect(reply.text).toContain(
        // The reply's text is mrkdwn, so its angle brackets come escaped.
        "/carebridge audit &lt;@person | TeleTrack id | learner or Slack email&gt; [since YYYY-MM-DD]",
      );
    }
    expect((await ask("nobody@nowhere.example")).reply.text).toContain(
      "No learner in CACWT and no Slack user has that email",
    );
  });
});

describe("audit pages and export", () => {
  beforeAll(async () => {
    const base = Date.parse("2026-01-01T09:00:00Z");
    await t.runtime.db.prisma.auditEvent.createMany({
      data: Array.from({ length: 23 }, (_, i) => ({
        workspaceId: TEAM,
        actorId: FRED,
        office: "of-fre",
        action: "caregiver.sync",
        targetType: "caregiver",
        targetId: `tt-page-${String(i).padStart(2, "0")}`,
        outcome: "ok",
        createdAt: new Date(base + i * 60_000),
      })),
    });
  });

  it("pages with Next and Previous, ten at a time, newest first, for whoever presses", async () => {
    const first = await ask(`<@${FRED}> since 2026-01-01`);
    expect(first.text).toContain("tt-fre-1");
    expect(first.reply.blocks.length).toBeLessThanOrEqual(50);
    await t.press("audit.next", buttonValue(first.reply, "audit.next"), ADMIN, { channel: { id: first.channel } });
    const second = await t.waitFor(() =>
      t.slack.visible(first.channel, ADMIN).find((m) => textOf(m).includes("page 2")),
    );
    // Page 1: the recent tt-fre-1 fix, then tt-page-22 … 14.
    expect(textOf(second)).toContain("tt-page-13");
    expect(textOf(second)).toContain("tt-page-04");
    expect(textOf(second)).not.toContain("tt-page-03");
    await t.press("audit.next", buttonValue(second, "audit.next"), ADMIN, { channel: { id: first.channel } });
    const third = await t.waitFor(() =>
      t.slack.visible(first.channel, ADMIN).find((m) => textOf(m).includes("page 3")),
    );
    expect(textOf(third)).toContain("tt-page-00");
    expect(() => buttonValue(third, "audit.next")).toThrow();
    await t.press("audit.previous", buttonValue(third, "audit.previous"), ADMIN, { channel: { id: first.channel } });
    await t.waitFor(
      () => t.slack.visible(first.channel, ADMIN).filter((m) => textOf(m).includes("page 2")).length === 2 || undefined,
    );
    // A viewer pressing an admin's button sees only their own actions.
    await t.press("audit.next", buttonValue(first.reply, "audit.next"), VIEWER, { channel: { id: first.channel } });
    const viewers = await t.waitFor(() => t.slack.visible(first.channel, VIEWER).at(-1));
    expect(textOf(viewers)).not.toContain("tt-page");
  });

  /** The CSV carebridge uploaded in its direct messages with `user`, opened with conversations.open. */
  async function exportedTo(user: string) {
    const opened = await t.waitFor(() =>
      t.slack.calls.find((c) => c.method === "conversations.open" && c.args.users === user),
    );
    const dm = `D${user.slice(1)}`;
    const file = await t.waitFor(() =>
      [...t.slack.files.values()].find((f) => f.channels.includes(dm) && f.content.length > 0),
    );
    expect(opened).toBeDefined();
    return file;
  }

  it("exports the matching rows the presser may see as a formula-safe CSV, in their direct messages", async () => {
    const { channel, reply } = await ask("");
    expect(textOf(reply)).not.toContain("confirm");
    await t.press("audit.export", buttonValue(reply, "audit.export"), ADMIN, { channel: { id: channel } });
    const file = await exportedTo(ADMIN);
    // Nothing lands in the channel the button was pressed in.
    expect([...t.slack.files.values()].some((f) => f.channels.includes(channel))).toBe(false);
    expect(
      await t.waitFor(() => t.slack.visible(channel, ADMIN).find((m) => m.text.includes("direct messages"))),
    ).toBeDefined();
    const csv = file.content.toString("utf8");
    expect(file.name).toMatch(/^carebridge-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.startsWith('\uFEFF"When (UTC)","Actor","Action","What"')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")<!here>&"`);
    expect(csv).not.toMatch(/(^|,)"=/m);
    expect(csv).toContain("tt-page-22");
    // The header, three grants, the five changes above and the 23 page rows.
    expect(csv.trim().split("\r\n")).toHaveLength(1 + 3 + 5 + 23);

    const tanyas = await ask("", TANYA);
    await t.press("audit.export", buttonValue(tanyas.reply, "audit.export"), TANYA, {
      channel: { id: tanyas.channel },
    });
    const office = await exportedTo(TANYA);
    expect(office.content.toString("utf8")).not.toContain("tt-page");
    expect(office.content.toString("utf8")).toContain("tt-sac-1");
  });

  it("shows the five latest changes the viewer may see in App Home", async () => {
    const published = () => t.slack.callsTo("views.publish").length;
    const before = published();
    await t.event({ type: "app_home_opened", user: VIEWER, channel: "D0HOME", tab: "home" });
    await t.waitFor(() => published() > before || undefined);
    const view = t.slack.callsTo("views.publish").at(-1)!.args.view as { blocks: unknown[] };
    expect(textOf(view)).toContain("Latest changes");
    expect(textOf(view)).toContain("tt-any");
    expect(textOf(view)).not.toContain("tt-page");

    const adminBefore = published();
    await t.event({ type: "app_home_opened", user: ADMIN, channel: "D0HOME", tab: "home" });
    await t.waitFor(() => published() > adminBefore || undefined);
    const adminView = t.slack.callsTo("views.publish").at(-1)!.args.view as { blocks: unknown[] };
    expect(textOf(adminView).match(/<!date\^/g)).toHaveLength(5);
  });
});
