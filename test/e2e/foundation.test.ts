import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, type TestApp } from "../support/app";
import { postSigned } from "../support/signed";

const textOf = (blocks: unknown[]) => JSON.stringify(blocks);

describe("the app over HTTP, as Slack talks to it", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("answers GET /healthz", async () => {
    const response = await fetch(t.url.replace("/slack/events", "/healthz"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("rejects a bad signature and a stale timestamp with 401, and does nothing", async () => {
    const before = t.slack.messages.length;
    expect((await t.command("/carebridge", "help", ADMIN, { secret: "wrong" })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await t.command("/carebridge", "help", ADMIN, { timestamp: stale })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(t.slack.messages.length).toBe(before);
  });

  it("/carebridge help lists an admin's commands, privately", async () => {
    const response = await t.command("/carebridge", "help");
    expect(response.status).toBe(200);
    const message = await t.waitFor(() => t.slack.messages.find((m) => m.text.includes("commands you can use")));
    expect(message.ephemeralTo).toBe(ADMIN);
    const text = textOf(message.blocks);
    expect(text).toContain("/sync-caregiver all");
    expect(text).toContain("/carebridge access grant");
    expect(text).toContain("Sandbox");
  });

  it("an unknown subcommand gets the help", async () => {
    await t.command("/carebridge", "frobnicate", ADMIN, { channel: "C0OTHER" });
    const message = await t.waitFor(() => t.slack.visible("C0OTHER", ADMIN).at(-1));
    expect(message.text).toContain("commands you can use");
  });

  it("an unknown user sees only help and who to ask; access commands change nothing", async () => {
    await t.command("/carebridge", "help", "U0STRANGER", { channel: "C0S1" });
    const help = await t.waitFor(() => t.slack.visible("C0S1", "U0STRANGER").at(-1));
    expect(textOf(help.blocks)).not.toContain("/sync-caregiver");
    expect(textOf(help.blocks)).toContain(`You don't have access yet: ask an admin (<@${ADMIN}>)`);

    await t.command("/carebridge", "access grant <@U0STRANGER|me> admin", "U0STRANGER", { channel: "C0S2" });
    const refusal = await t.waitFor(() => t.slack.visible("C0S2", "U0STRANGER").at(-1));
    expect(refusal.text).toContain("You don't have access to carebridge yet");
    expect(refusal.text).toContain(`<@${ADMIN}>`);
    expect(await t.runtime.db.prisma.appUser.count()).toBe(0);
    const audit = await t.runtime.db.prisma.auditEvent.findFirst({ where: { actorId: "U0STRANGER" } });
    expect(audit).toMatchObject({ action: "access.manage", outcome: "refused" });
  });

  it("an admin grants, lists and revokes access, and each change is audited", async () => {
    const offices = await t.runtime.providers.staffDirectory.listOffices();
    const office = offices[0]!;
    await t.command(
      "/carebridge",
      `access grant <@U0JANE|jane> agency-user office:${office.name} create-staff`,
      ADMIN,
      { channel: "C0A1" },
    );
    const granted = await t.waitFor(() => t.slack.visible("C0A1", ADMIN).at(-1));
    expect(granted.text).toContain("Done");
    expect(granted.text).toContain(office.name);
    const row = await t.runtime.db.prisma.appUser.findFirstOrThrow({ where: { slackUserId: "U0JANE" } });
    expect(row).toMatchObject({ role: "agency_user", office: office.id, grants: ["create-staff"], grantedBy: ADMIN });

    await t.command("/carebridge", "access list", ADMIN, { channel: "C0A2" });
    const list = await t.waitFor(() => t.slack.visible("C0A2", ADMIN).at(-1));
    expect(textOf(list.blocks)).toContain("<@U0JANE>");
    expect(textOf(list.blocks)).toContain("from CAREBRIDGE_ADMINS");

    await t.command("/carebridge", "access revoke <@U0JANE>", ADMIN, { channel: "C0A3" });
    await t.waitFor(() => t.slack.visible("C0A3", ADMIN).at(-1));
    expect(await t.runtime.db.prisma.appUser.count({ where: { slackUserId: "U0JANE" } })).toBe(0);

    const actions = (
      await t.runtime.db.prisma.auditEvent.findMany({ where: { actorId: ADMIN }, orderBy: { createdAt: "asc" } })
    ).map((a) => `${a.action}:${a.targetId}:${a.outcome}`);
    expect(actions).toEqual(["access.grant:U0JANE:ok", "access.revoke:U0JANE:ok"]);
  });

  it("an office that does not exist is a sentence that lists the offices", async () => {
    await t.command("/carebridge", "access grant <@U0BOB> agency-user office:Atlantis", ADMIN, { channel: "C0A4" });
    const reply = await t.waitFor(() => t.slack.visible("C0A4", ADMIN).at(-1));
    expect(reply.text).toContain('There is no office "Atlantis"');
  });

  it("handles a retried event delivery once", async () => {
    const event = { type: "app_home_opened", user: ADMIN, channel: "D0HOME", tab: "home" };
    const first = await t.event(event, { eventId: "Ev0RETRY" });
    const retry = await t.event(event, {
      eventId: "Ev0RETRY",
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    await t.waitFor(() => t.slack.callsTo("views.publish").length > 0 || undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(t.slack.callsTo("views.publish")).toHaveLength(1);
    const view = t.slack.callsTo("views.publish")[0]!.args.view as { blocks: unknown[] };
    expect(textOf(view.blocks)).toContain("You are an *admin*");
  });

  it("rejects an event whose body was tampered with after signing", async () => {
    const body = JSON.stringify({
      type: "event_callback",
      team_id: "T0TEST",
      event_id: "Ev0X",
      event: { type: "app_home_opened", user: ADMIN, tab: "home" },
    });
    const response = await postSigned(t.url, body, "application/json", {
      headers: { "x-slack-signature": "v0=deadbeef" },
    });
    expect(response.status).toBe(401);
  });
});
