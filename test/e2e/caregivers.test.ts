import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL_UNKNOWN } from "../../src/app/caregivers/sso";
import { missingEmail } from "../../src/domain/caregivers/readiness";
import type { StoredMessage } from "../../src/console/slack-standin";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";

const VIEWER = "U0VIEW";
const STAFF = "U0STAFF";
const text = (m: { blocks: unknown[]; text: string }) => `${m.text} ${JSON.stringify(m.blocks)}`;

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

function buttons(message: StoredMessage): Button[] {
  return (message.blocks as Array<{ type: string; elements?: Button[] }>)
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? []);
}

function buttonOf(message: StoredMessage, actionId: string): Button {
  const found = buttons(message).find((b) => b.action_id === actionId || b.action_id.startsWith(`${actionId}:`));
  if (!found) throw new Error(`no ${actionId} button in ${text(message)}`);
  return found;
}

describe("caregivers from Slack, end to end", () => {
  let t: TestApp;
  const users = () => [...t.runtime.sandbox!.state.careacademy.users.values()];
  const last = (channel: string, user = ADMIN, count = 1) =>
    t.waitFor(() =>
      t.slack.visible(channel, user).length >= count ? t.slack.visible(channel, user).at(-1) : undefined,
    );

  beforeAll(async () => {
    t = await startTestApp();
    const admin = { workspaceId: TEAM, userId: ADMIN };
    await t.runtime.db.prisma.workspace.upsert({ where: { id: TEAM }, create: { id: TEAM }, update: {} });
    await t.runtime.services.access.grant(admin, { userId: VIEWER, role: "viewer" });
    await t.runtime.services.access.grant(admin, { userId: STAFF, role: "agency-user", office: "of-sac" });
  });
  afterAll(async () => {
    await t.close();
  });

  it("/sync-caregiver <id> creates the account and answers privately with the card", async () => {
    expect((await t.command("/sync-caregiver", "tt-1006", STAFF, { channel: "C0CG1" })).status).toBe(200);
    const card = await last("C0CG1", STAFF);
    expect(card.ephemeralTo).toBe(STAFF);
    expect(text(card)).toContain("Created their account");
    expect(text(card)).toContain("Sandbox");
    expect(buttons(card).map((b) => b.action_id)).toEqual(["caregiver.deactivate"]);
    expect(users().filter((u) => u.externalId === "tt-1006")).toHaveLength(1);
  });

  it("several matches give a pick list; a pick shows that caregiver's card", async () => {
    await t.command("/caregiver", "example.net", ADMIN, { channel: "C0CG2" });
    const list = await last("C0CG2");
    const picks = buttons(list);
    expect(picks.map((p) => p.text.text)).toEqual(["Darnell Washington · tt-1004 · CA", "Linh Tran · tt-1008 · WA"]);
    const before = t.slack.visible("C0CG2", ADMIN).length;
    await t.press(picks[0]!.action_id, picks[0]!.value, ADMIN, { channel: { id: "C0CG2" } });
    const card = await last("C0CG2", ADMIN, before + 1);
    expect(card.text).toMatch(/^Darnell Washington: not in CareAcademy/);
  });

  it("the card's buttons follow the status: active, deactivated, not in the LMS, cannot sync", async () => {
    const cases: Array<[string, string[]]> = [
      // An admin's card also offers the LMS sign-in, whatever the status.
      ["tt-1001", ["caregiver.deactivate", "caregiver.sign-in"]],
      ["tt-1002", ["caregiver.reactivate", "caregiver.sign-in"]],
      ["tt-1007", ["caregiver.activate", "caregiver.sign-in"]],
      ["tt-1003", ["caregiver.fix", "caregiver.sign-in"]],
    ];
    for (const [id, expected] of cases) {
      const channel = `C0ST${id.replace("tt-", "TT")}`;
      await t.command("/caregiver", id, ADMIN, { channel });
      const card = await last(channel);
      expect(buttons(card).map((b) => b.action_id)).toEqual(expected);
    }
  });

  it("Deactivate changes the status and the card; a press by someone else or by a viewer is refused", async () => {
    await t.command("/caregiver", "tt-1008", STAFF, { channel: "C0CG3" });
    const created = await last("C0CG3", STAFF);
    const activate = buttonOf(created, "caregiver.activate");
    expect(activate.text.text).toMatch(/^Activate in CareAcademy/);
    await t.press("caregiver.activate", activate.value, STAFF, { channel: { id: "C0CG3" } });
    const synced = await last("C0CG3", STAFF, 2);
    expect(text(synced)).toContain("Created their account");
    const deactivate = buttonOf(synced, "caregiver.deactivate");
    const account = () => users().find((u) => u.externalId === "tt-1008");

    await t.press("caregiver.deactivate", deactivate.value, ADMIN, { channel: { id: "C0CG3" } });
    const refused = await last("C0CG3", ADMIN);
    expect(refused.text).toContain(`made for <@${STAFF}>`);
    expect(account()?.status).toBe("active");

    await t.command("/caregiver", "tt-1008", VIEWER, { channel: "C0CG4" });
    const viewerCard = await last("C0CG4", VIEWER);
    await t.press("caregiver.deactivate", buttonOf(viewerCard, "caregiver.deactivate").value, VIEWER, {
      channel: { id: "C0CG4" },
    });
    const viewerRefused = await last("C0CG4", VIEWER, 2);
    expect(viewerRefused.text).toContain("Viewers can't activate or deactivate caregivers");
    expect(account()?.status).toBe("active");

    await t.press("caregiver.deactivate", deactivate.value, STAFF, { channel: { id: "C0CG3" } });
    const after = await last("C0CG3", STAFF, 3);
    expect(after.text).toContain("is now deactivated");
    expect(buttons(after).map((b) => b.action_id)).toEqual(["caregiver.reactivate"]);
    expect(account()?.status).toBe("deactivated");
    const audit = await t.runtime.db.prisma.auditEvent.findMany({
      where: { targetId: "tt-1008", action: { in: ["caregiver.activation", "caregiver.deactivate"] } },
    });
    expect(audit.map((a) => `${a.actorId}:${a.outcome}`).sort()).toEqual(
      [`${ADMIN}:refused`, `${STAFF}:ok`, `${VIEWER}:refused`].sort(),
    );
  });

  it("Fix and sync asks for the missing email, checks it, writes TeleTrack and syncs", async () => {
    await t.command("/caregiver", "tt-1003", STAFF, { channel: "C0CG5" });
    const card = await last("C0CG5", STAFF);
    expect(text(card)).toContain(missingEmail("CareAcademy"));
    await t.press("caregiver.fix", buttonOf(card, "caregiver.fix").value, STAFF, { channel: { id: "C0CG5" } });
    const opened = await t.waitFor(() => t.slack.callsTo("views.open").at(-1));
    const view = opened.args.view as {
      blocks: Array<{
        type: string;
        block_id?: string;
        element?: { type: string; action_id: string; initial_value?: string; initial_date?: string };
      }>;
      callback_id: string;
      private_metadata: string;
    };
    // What Slack sends back: each input as the form showed it (TeleTrack's values), the email as typed.
    const state = (email: string) =>
      Object.fromEntries(
        view.blocks.flatMap((b) => {
          const e = b.element;
          if (b.type !== "input" || !e || !b.block_id) return [];
          const value =
            b.block_id === "email"
              ? { type: e.type, value: email }
              : e.type === "datepicker"
                ? { type: e.type, selected_date: e.initial_date ?? null }
                : { type: e.type, value: e.initial_value ?? null };
          return [[b.block_id, { [e.action_id]: value }]];
        }),
      );
    // The missing email first, then what TeleTrack has, to correct (seed 000).
    expect(view.blocks.filter((b) => b.type === "input").map((b) => b.block_id)).toEqual([
      "email",
      "mobilePhone",
      "birthDate",
    ]);

    const bad = await t.submit(view, state("marisol@"), STAFF);
    expect(bad.json()).toEqual({
      response_action: "errors",
      errors: { email: "Enter an email address such as name@example.com." },
    });

    const good = await t.submit(view, state("marisol.ortega@example.com"), STAFF);
    expect(good.json()).toMatchObject({ response_action: "update" });
    const posted = await t.waitFor(() =>
      t.slack.callsTo("chat.postEphemeral").find((c) => String(c.args.text).includes("Marisol")),
    );
    expect(posted.args).toMatchObject({ channel: "C0CG5", user: STAFF });
    expect(t.runtime.sandbox!.state.teletrack.caregivers.get("tt-1003")?.email).toBe("marisol.ortega@example.com");
    expect(users().filter((u) => u.externalId === "tt-1003")).toHaveLength(1);
  });

  it("Fix and sync asks the LMS first: a taken email writes nothing and says whose it is; a free account can be linked", async () => {
    const sandbox = t.runtime.sandbox!.state;
    sandbox.careacademy.users.set("ca-u-2999", {
      id: "ca-u-2999",
      externalId: null,
      firstName: "Priya",
      lastName: "Shah",
      email: "priya.shah@example.com",
      mobilePhone: null,
      birthDate: null,
      state: "OR",
      status: "deactivated",
      trainingDueDate: null,
    });
    const before = { ...sandbox.teletrack.caregivers.get("tt-1005")! };
    await t.command("/caregiver", "tt-1005", STAFF, { channel: "C0FIX" });
    const card = await last("C0FIX", STAFF);
    const opens = t.slack.callsTo("views.open").length;
    await t.press("caregiver.fix", buttonOf(card, "caregiver.fix").value, STAFF, { channel: { id: "C0FIX" } });
    const opened = await t.waitFor(() => t.slack.callsTo("views.open")[opens]);
    type Input = {
      type: string;
      block_id?: string;
      element?: Record<string, unknown> & { type: string; action_id: string };
    };
    const view = opened.args.view as { blocks: Input[]; callback_id: string; private_metadata: string };
    const initial = (b: Input) => (b.element?.initial_value ?? b.element?.initial_date ?? null) as string | null;
    expect(view.blocks.filter((b) => b.type === "input").map((b) => [b.block_id, initial(b)])).toEqual([
      ["mobilePhone", null],
      ["email", "priya.raman@example.com"],
      ["birthDate", null],
    ]);
    const state = (shown: { blocks: Input[] }, typed: Record<string, string>, choice?: string) =>
      Object.fromEntries(
        shown.blocks.flatMap((b): Array<[string, Record<string, unknown>]> => {
          const e = b.element;
          if (b.type !== "input" || !e || !b.block_id) return [];
          if (e.type === "radio_buttons")
            return [
              [b.block_id, { [e.action_id]: { type: e.type, selected_option: choice ? { value: choice } : null } }],
            ];
          const value = typed[b.block_id] ?? initial(b);
          return [
            [
              b.block_id,
              {
                [e.action_id]:
                  e.type === "datepicker" ? { type: e.type, selected_date: value } : { type: e.type, value },
              },
            ],
          ];
        }),
      );

    const taken = await t.submit(
      view,
      state(view, { mobilePhone: "(503) 555-0100", email: "maria.gonzalez@example.com" }),
      STAFF,
    );
    expect(taken.json()).toEqual({
      response_action: "errors",
      errors: {
        email: expect.stringMatching(
          /^CareAcademy already has this email on Maria Gonzalez's account \(active\), linked to another caregiver/,
        ),
      },
    });
    expect(sandbox.teletrack.caregivers.get("tt-1005")).toEqual(before);

    const free = await t.submit(
      view,
      state(view, { mobilePhone: "(503) 555-0100", email: "priya.shah@example.com" }),
      STAFF,
    );
    const offered = free.json() as { response_action: string; view: { blocks: Input[]; private_metadata: string } };
    expect(offered.response_action).toBe("update");
    expect(JSON.stringify(offered.view.blocks)).toContain(
      "Priya Shah's account (deactivated), which no caregiver is linked to",
    );
    const radio = offered.view.blocks.find((b) => b.element?.type === "radio_buttons");
    expect(radio?.element?.options).toMatchObject([{ value: "link:ca-u-2999" }, { value: "another" }]);
    expect(sandbox.teletrack.caregivers.get("tt-1005")).toEqual(before);

    const linked = await t.submit(
      { ...view, ...offered.view },
      state(offered.view, { mobilePhone: "(503) 555-0100", email: "priya.shah@example.com" }, "link:ca-u-2999"),
      STAFF,
    );
    expect(linked.json()).toMatchObject({ response_action: "update" });
    await t.waitFor(() => t.slack.callsTo("chat.postEphemeral").find((c) => String(c.args.text).includes("Priya")));
    expect(sandbox.teletrack.caregivers.get("tt-1005")).toMatchObject({
      email: "priya.shah@example.com",
      mobilePhone: "+15035550100",
    });
    expect(sandbox.careacademy.users.get("ca-u-2999")).toMatchObject({
      externalId: "tt-1005",
      lastName: "Raman",
      status: "active",
    });
    expect(users().filter((u) => u.externalId === "tt-1005")).toHaveLength(1);
  });

  it("/sync-caregiver all: admins only; preview, a double Confirm starts one job, progress and a report with the failures CSV", async () => {
    await t.command("/sync-caregiver", "all", STAFF, { channel: "C0ALLX" });
    expect((await last("C0ALLX", STAFF)).text).toContain("Only admins can sync every caregiver");
    await new Promise((r) => setTimeout(r, 100));
    expect(t.slack.visible("C0ALLX", STAFF)).toHaveLength(1); // the refusal only, no "Checking…"

    await t.command("/sync-caregiver", "all full", ADMIN, { channel: "C0ALL" });
    const preview = await t.waitFor(() =>
      t.slack.visible("C0ALL", ADMIN).find((m) => m.text.startsWith("Sync preview")),
    );
    const confirm = buttonOf(preview, "caregiver.sync-all.confirm");
    const jobsBefore = await t.runtime.db.prisma.job.count({
      where: { kind: "caregiver-sync", status: { not: "preview" } },
    });
    await Promise.all([
      t.press(confirm.action_id, confirm.value, ADMIN, { channel: { id: "C0ALL" } }),
      t.press(confirm.action_id, confirm.value, ADMIN, { channel: { id: "C0ALL" } }),
    ]);
    const report = await t.waitFor(
      () =>
        t.slack.messages.find((m) => m.channel === "C0ALL" && m.threadTs && m.text.includes("Caregiver sync finished")),
      20_000,
    );
    const [, processed, total] = /finished: (\d+) of (\d+)/.exec(report.text) ?? [];
    expect(processed).toBe(total);
    expect(text(report)).toContain("Failures by reason");
    expect(buttons(report).map((b) => b.action_id)).toEqual(["job.retry-failed"]);
    // The CSV is uploaded to the thread after the report; it is shared once the upload completes.
    const csv = await t.waitFor(() =>
      [...t.slack.files.values()].find(
        (f) => f.name.startsWith("caregiver-sync-failures") && f.channels.includes("C0ALL"),
      ),
    );
    expect(csv.content.toString("utf8")).toContain('"TeleTrack id","Name","Reason"');
    expect(await t.runtime.db.prisma.job.count({ where: { kind: "caregiver-sync", status: { not: "preview" } } })).toBe(
      jobsBefore + 1,
    );
    const progress = t.slack.messages.find(
      (m) => m.channel === "C0ALL" && !m.ephemeralTo && m.text.startsWith("Caregiver sync"),
    );
    expect(progress?.text).toMatch(/Caregiver sync: \d+ of \d+/);
    await t.waitFor(() => t.slack.visible("C0ALL", ADMIN).find((m) => m.text.includes("already started")));
  });

  it("/carebridge login careacademy gives the admin a one-time link, privately", async () => {
    await t.command("/carebridge", "login careacademy", ADMIN, { channel: "C0SSO" });
    expect((await last("C0SSO")).text).toBe(EMAIL_UNKNOWN);

    t.slack.addUser({ id: ADMIN, name: "admin", realName: "Ada Admin", email: "ada@sunrisecare.example" });
    await t.command("/carebridge", "login careacademy", ADMIN, { channel: "C0SSO" });
    const link = await last("C0SSO", ADMIN, 2);
    expect(link.ephemeralTo).toBe(ADMIN);
    expect(text(link)).toMatch(/\/careacademy\/sso\/sso-\d+/);
    expect(t.slack.callsTo("chat.postMessage").some((c) => JSON.stringify(c.args).includes("/sso/"))).toBe(false);

    await t.command("/carebridge", "login careacademy", STAFF, { channel: "C0SSO2" });
    expect((await last("C0SSO2", STAFF)).text).toContain("Only admins can sign in to the LMS");
  });

  it("Sign in to CareAcademy on an admin's card gives the same one-time link, privately; others get no button", async () => {
    t.slack.addUser({ id: ADMIN, name: "admin", realName: "Ada Admin", email: "ada@sunrisecare.example" });
    await t.command("/caregiver", "tt-1001", ADMIN, { channel: "C0SSO3" });
    const signIn = buttonOf(await last("C0SSO3"), "caregiver.sign-in");
    expect(signIn.text.text).toMatch(/^Sign in to CareAcademy/);
    await t.press("caregiver.sign-in", signIn.value, ADMIN, { channel: { id: "C0SSO3" } });
    const link = await last("C0SSO3", ADMIN, 2);
    expect(link.ephemeralTo).toBe(ADMIN);
    expect(text(link)).toMatch(/\/careacademy\/sso\/sso-\d+/);
    expect(t.slack.callsTo("chat.postMessage").some((c) => JSON.stringify(c.args).includes("/sso/"))).toBe(false);

    await t.command("/caregiver", "tt-1001", VIEWER, { channel: "C0SSO4" });
    expect(buttons(await last("C0SSO4", VIEWER)).map((b) => b.action_id)).not.toContain("caregiver.sign-in");
  });

  it("App Home offers the LMS sign-in to admins only", async () => {
    const home = t.runtime.services.home;
    expect((await home.summary({ workspaceId: TEAM, userId: ADMIN })).lmsSignIn).toBe("CareAcademy");
    expect((await home.summary({ workspaceId: TEAM, userId: VIEWER })).lmsSignIn).toBeUndefined();
    expect((await home.summary({ workspaceId: TEAM, userId: STAFF })).lmsSignIn).toBeUndefined();
  });

  it("Sign in from App Home opens a modal with the link (a Home tab has no response_url), never a message", async () => {
    t.slack.addUser({ id: ADMIN, name: "admin", realName: "Ada Admin", email: "ada@sunrisecare.example" });
    await t.press("caregiver.sign-in", "sign-in", ADMIN, {
      container: { type: "view", view_id: "VHOME" },
      response_url: undefined,
    });
    const updated = await t.waitFor(() =>
      t.slack.callsTo("views.update").find((c) => JSON.stringify(c.args).includes("/careacademy/sso/sso-")),
    );
    expect(JSON.stringify(updated.args)).toContain("works once");
    expect(t.slack.callsTo("chat.postMessage").some((c) => JSON.stringify(c.args).includes("/sso/"))).toBe(false);
  });

  it("/caregiver alone lists the caregivers not synced; an unknown list names the valid ones", async () => {
    await t.command("/caregiver", "", ADMIN, { channel: "C0LIST" });
    const list = await last("C0LIST");
    expect(list.ephemeralTo).toBe(ADMIN);
    expect(text(list)).toMatch(/Not synced: \d+ caregivers?/);
    expect(buttons(list).map((b) => b.text.text)).toContain("All (12)");
    await t.command("/caregiver", "list everyone", ADMIN, { channel: "C0LIST2" });
    const refused = await last("C0LIST2");
    expect(refused.text).toContain('There is no "everyone" list');
    expect(refused.text).toContain("not-synced, cannot-sync, deactivated, all");
  });
});
