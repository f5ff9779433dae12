import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openForm, optionValues, stateOf, JOSE, textOf } from "../app/agency-users/slack-form";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";

const TANYA = "U0TANYA"; // agency user with create-staff in Sacramento; Scheduler in Caresmartz360
const VIEWER = "U0VIEWER";
let t: TestApp;
let channels = 0;

interface SettingsView {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  blocks: Array<{ block_id?: string; type: string; element?: Record<string, unknown>; hint?: { text: string } }>;
}

/** `/carebridge settings` as `user`; the modal it opened, or what it said instead. */
async function openSettings(user = ADMIN): Promise<{ view?: SettingsView; said?: string }> {
  const channel = `C0SET${++channels}`;
  const before = t.slack.callsTo("views.open").length;
  await t.command("/carebridge", "settings", user, { channel });
  const outcome = await t.waitFor(
    () => t.slack.callsTo("views.open")[before] ?? t.slack.visible(channel, user).at(-1) ?? undefined,
  );
  return "method" in outcome ? { view: outcome.args.view as SettingsView } : { said: outcome.text };
}

/** The modal's state with these fields typed (blank: left empty). */
function filled(fields: Partial<Record<string, string>>): Record<string, Record<string, unknown>> {
  const text = (key: string) => ({ value: { type: "plain_text_input", value: fields[key] ?? null } });
  return {
    roleRanking: text("roleRanking"),
    archiveMaxCount: text("archiveMaxCount"),
    archiveMaxShare: text("archiveMaxShare"),
    matchSuggestScore: text("matchSuggestScore"),
    digestChannel: { value: { type: "conversations_select", selected_conversation: fields.digestChannel ?? null } },
    timeZone: {
      value: {
        type: "static_select",
        selected_option: fields.timeZone
          ? { value: fields.timeZone, text: { type: "plain_text", text: fields.timeZone } }
          : null,
      },
    },
  };
}

async function save(fields: Partial<Record<string, string>>, user = ADMIN) {
  const { view } = await openSettings(ADMIN);
  return (await t.submit({ ...view!, id: `V0SET${++channels}` }, filled(fields), user)).json();
}

beforeAll(async () => {
  // No ROLE_RANKING in the environment: only a workspace setting can let agency users create agency users.
  t = await startTestApp({ ARCHIVE_MAX_COUNT: "100" });
  await t.runtime.services.workspaces.ensure(TEAM);
  t.slack.addUser({ id: TANYA, name: "tanya", realName: "Tanya Ruiz", email: "tanya.ruiz@sunrisecare.example" });
  const admin = { workspaceId: TEAM, userId: ADMIN };
  expect(
    (
      await t.runtime.services.access.grant(admin, {
        userId: TANYA,
        role: "agency-user",
        office: "of-sac",
        grants: ["create-staff"],
      })
    ).ok,
  ).toBe(true);
  expect((await t.runtime.services.access.grant(admin, { userId: VIEWER, role: "viewer" })).ok).toBe(true);
});
afterAll(async () => {
  await t.close();
});

describe("/carebridge settings", () => {
  it("is for admins: others get a sentence and no modal", async () => {
    for (const user of [TANYA, VIEWER]) {
      const { view, said } = await openSettings(user);
      expect(view).toBeUndefined();
      expect(said).toMatch(/can't change carebridge's settings|Only admins can change carebridge's settings/);
    }
    const forged = await t.submit(
      { ...(await openSettings()).view!, id: "V0FORGED" },
      filled({ archiveMaxCount: "5" }),
      TANYA,
    );
    expect(JSON.stringify(forged.json())).toContain("Only admins");
    expect(await t.runtime.db.prisma.workspaceSettings.count()).toBe(0);
  });

  it("opens a modal within Slack's limits, naming the roles and the environment's defaults", async () => {
    const { view } = await openSettings();
    expect(view!.callback_id).toBe("carebridge.settings");
    expect(view!.title.text.length).toBeLessThanOrEqual(24);
    expect(view!.blocks.map((b) => b.block_id).filter(Boolean)).toEqual([
      "roleRanking",
      "archiveMaxCount",
      "archiveMaxShare",
      "matchSuggestScore",
      "digestChannel",
      "timeZone",
    ]);
    const ranking = view!.blocks.find((b) => b.block_id === "roleRanking")!;
    expect(ranking.element).toMatchObject({ type: "plain_text_input", multiline: true });
    expect(ranking.hint!.text).toContain("Scheduler");
    expect(ranking.hint!.text).toContain("Default: none");
    expect(view!.blocks.find((b) => b.block_id === "archiveMaxCount")!.hint!.text).toContain("Default: 100");
    const zones = (view!.blocks.find((b) => b.block_id === "timeZone")!.element as { options: unknown[] }).options;
    expect(zones.length).toBeLessThanOrEqual(100);
  });

  it("puts each problem on its field", async () => {
    const answer = await save({
      roleRanking: "Administrator\nWizard\nadministrator",
      archiveMaxCount: "lots",
      archiveMaxShare: "150",
      matchSuggestScore: "2",
      timeZone: "Mars/Olympus_Mons",
    });
    expect(answer.response_action).toBe("errors");
    const errors = answer.errors as Record<string, string>;
    expect(Object.keys(errors).sort()).toEqual(
      ["archiveMaxCount", "archiveMaxShare", "matchSuggestScore", "roleRanking", "timeZone"].sort(),
    );
    expect(errors.roleRanking).toContain('"Wizard" is not a Caresmartz360 role');
    expect(errors.roleRanking).toContain("Administrator is listed twice");
    expect(errors.timeZone).toContain("not a time zone");
  });

  it("refuses a threshold that would leave no admin able to approve a bulk archive", async () => {
    const answer = await save({ archiveMaxCount: "0" });
    expect(answer).toEqual({
      response_action: "errors",
      errors: { archiveMaxCount: expect.stringContaining("only one admin: no archive could ever run") },
    });
    expect(await t.runtime.db.prisma.workspaceSettings.count()).toBe(0);
    expect(
      await t.runtime.db.prisma.auditEvent.count({ where: { action: "settings.change", outcome: "refused" } }),
    ).toBe(1);
  });

  it("refuses a share so small that one learner is above it among the live active learners, with one admin", async () => {
    let active = 0;
    for await (const _learner of t.runtime.providers.learnerLms.list({ status: "Active" })) active += 1;
    expect(active).toBeGreaterThan(1);
    // Just under one learner's share of them: archiving anyone would wait for a second admin.
    const tiny = Math.floor((100 / active) * 0.9 * 100) / 100;
    const answer = await save({ archiveMaxShare: String(tiny) });
    expect(answer).toEqual({
      response_action: "errors",
      errors: {
        archiveMaxShare: expect.stringContaining(
          `CACWT has ${active} active learners now, and one learner is more than ${tiny}% of them`,
        ),
      },
    });
    expect(await t.runtime.db.prisma.workspaceSettings.count()).toBe(0);
    // At one learner's share exactly, archiving one learner runs without a second admin: saved.
    const fits = Math.ceil((100 / active) * 100) / 100;
    expect(await save({ archiveMaxShare: String(fits) })).toEqual({});
    // Back to the environment's, as the tests below expect to find it.
    await t.runtime.db.prisma.workspaceSettings.deleteMany();
    await t.runtime.db.prisma.auditEvent.deleteMany({ where: { action: "settings.change", outcome: "ok" } });
  });

  it("lets an agency user create agency users once an admin saves a role ranking, overriding the environment, audited", async () => {
    await t.command("/agency-user", "", TANYA, { channel: "C0AUBEFORE" });
    const refused = await t.waitFor(() => t.slack.visible("C0AUBEFORE", TANYA).at(-1));
    expect(refused.text).toContain("only once an admin sets ROLE_RANKING");
    expect(refused.text).toContain("/carebridge settings");

    const { view } = await openSettings();
    const channel = JSON.parse(view!.private_metadata).c as string;
    const answer = await t.submit(
      { ...view!, id: "V0SAVE" },
      filled({
        roleRanking: "Administrator\nOffice Manager\nscheduler\nCare Coordinator\nHR Specialist",
        archiveMaxCount: "50",
        matchSuggestScore: "0.8",
        digestChannel: "C0DIGEST",
        timeZone: "America/Chicago",
      }),
    );
    expect(answer.status).toBe(200);
    const saved = await t.waitFor(() => t.slack.visible(channel, ADMIN).at(-1));
    expect(saved.ephemeralTo).toBe(ADMIN);
    expect(textOf(saved.blocks)).toContain(
      "Administrator › Office Manager › Scheduler › Care Coordinator › HR Specialist",
    );
    expect(textOf(saved.blocks)).toContain("<#C0DIGEST>");

    // The environment stays the default of what was left blank.
    expect(await t.runtime.services.readSettings(TEAM)).toEqual({
      roleRanking: ["Administrator", "Office Manager", "Scheduler", "Care Coordinator", "HR Specialist"],
      archive: { maxCount: 50, maxShare: 0.2 },
      matchSuggestScore: 0.8,
      digestChannel: "C0DIGEST",
      timeZone: "America/Chicago",
    });
    const audit = await t.runtime.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "settings.change", outcome: "ok" },
    });
    expect(audit.actorId).toBe(ADMIN);
    expect(audit.details).toMatchObject({
      archiveMaxCount: { before: null, after: 50 },
      matchSuggestScore: { before: null, after: 0.8 },
      roleRanking: {
        before: [],
        after: ["Administrator", "Office Manager", "Scheduler", "Care Coordinator", "HR Specialist"],
      },
      timeZone: { before: null, after: "America/Chicago" },
    });

    // Opened again, the modal shows what was saved.
    const again = (await openSettings()).view!;
    expect(again.blocks.find((b) => b.block_id === "archiveMaxCount")!.element).toMatchObject({ initial_value: "50" });
    expect(again.blocks.find((b) => b.block_id === "digestChannel")!.element).toMatchObject({
      initial_conversation: "C0DIGEST",
    });

    const form = await openForm(t, TANYA, "C0AUAFTER");
    expect(optionValues(form, "roleId")).toEqual(["ro-sch", "ro-cc", "ro-hr"]);
    const created = (
      await t.submit(
        { ...form, id: "V0TANYAFORM" },
        stateOf(form, { ...JOSE, username: "jose.cc", officeId: "of-sac", roleId: "ro-cc" }),
        TANYA,
      )
    ).json();
    expect(created.response_action).toBe("update");
    expect(textOf(created.view)).toContain("Created *jose.cc* in Sacramento");
  });

  it("accepts a threshold of 0 once a second admin can approve, and a bulk archive then waits for them", async () => {
    const admin = { workspaceId: TEAM, userId: ADMIN };
    expect((await t.runtime.services.access.grant(admin, { userId: "U0ADMIN2", role: "admin" })).ok).toBe(true);
    const answer = await t.submit(
      { ...(await openSettings()).view!, id: "V0ZERO" },
      filled({ archiveMaxCount: "0", archiveMaxShare: "20" }),
    );
    expect(answer.status).toBe(200);
    expect((await t.runtime.services.readSettings(TEAM)).archive).toEqual({ maxCount: 0, maxShare: 0.2 });
    const preview = await t.runtime.services.learners.bulk.preview(
      admin,
      { status: "Active", emailDomain: "valleypartners.example.org", county: "San Diego" },
      "C0ARCH",
    );
    if (!preview.ok) throw new Error(preview.problems[0]?.message);
    expect(preview.plan).toMatchObject({ needsSecondApproval: true, threshold: { maxCount: 0, maxShare: 0.2 } });
  });
});
