import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInstallations } from "../../src/app/installations";
import type { StandInGrant } from "../../src/console/slack-standin";
import type { TestApp } from "../support/app";
import { grantFor, install, startOAuthApp, teamCommand, teamEvent } from "../support/oauth";

const DAY_MS = 24 * 60 * 60 * 1000;

/** An admin keeps the workspace's people data before an uninstall's retention purge deletes it. */
describe("/carebridge export (OAuth)", () => {
  let t: TestApp;
  let agency: StandInGrant;
  let other: StandInGrant;
  const prisma = () => t.runtime.db.prisma;

  async function somePeople(workspaceId: string, name: string) {
    await prisma().person.create({
      data: {
        workspaceId,
        kind: "caregiver",
        firstName: name,
        lastName: "Lovelace",
        accounts: {
          create: [
            { vendor: "teletrack", vendorId: `tt-${workspaceId}` },
            {
              vendor: "careacademy",
              vendorId: `ca-${workspaceId}`,
              status: "active",
              data: { email: "ada@example.org" },
            },
          ],
        },
      },
    });
    await prisma().linkIgnore.create({
      data: { workspaceId, kind: "members", side: "motivity", recordId: `m-${workspaceId}`, ignoredBy: "U0X" },
    });
    await prisma().workspaceSettings.create({ data: { workspaceId, roleRanking: [], timeZone: "America/Chicago" } });
    await prisma().syncRefusal.create({
      data: {
        workspaceId,
        vendor: "careacademy",
        caregiverId: `tt-${workspaceId}`,
        message: "Refused.",
        at: new Date(),
      },
    });
  }

  beforeAll(async () => {
    t = await startOAuthApp({ env: { CAREBRIDGE_ADMINS: "", UNINSTALL_RETENTION_DAYS: "14" } });
    agency = grantFor("T0EXPORT");
    other = grantFor("T0OTHER");
    await install(t, agency);
    await install(t, other);
    await somePeople("T0EXPORT", "Ada");
    await somePeople("T0OTHER", "Grace");
  });
  afterAll(async () => {
    await t.close();
  });

  it("is for admins only: anyone else gets a refusal and no file", async () => {
    const files = t.slack.files.size;
    await prisma().appUser.create({
      data: { workspaceId: "T0EXPORT", slackUserId: "U0VIEWER", role: "viewer", grantedBy: agency.installerId },
    });
    await teamCommand(t, "T0EXPORT", "U0VIEWER", "/carebridge", "export", "C0EXP1");
    const answer = await t.waitFor(() => t.slack.visible("C0EXP1", "U0VIEWER").at(-1));
    expect(answer.text).not.toMatch(/direct messages/);
    expect(t.slack.files.size).toBe(files);
    expect(await prisma().auditEvent.count({ where: { action: "workspace.export", outcome: "ok" } })).toBe(0);
  });

  it("sends the admin a JSON file of the workspace's people data in their DM, audited, with nothing of another workspace", async () => {
    await teamCommand(t, "T0EXPORT", agency.installerId, "/carebridge", "export", "C0EXP2");
    const said = await t.waitFor(() => t.slack.visible("C0EXP2", agency.installerId).at(-1));
    expect(said.text).toMatch(/in your direct messages with carebridge/);
    const file = await t.waitFor(() =>
      [...t.slack.files.values()].find((f) => f.name.startsWith("carebridge-T0EXPORT")),
    );
    expect(file.channels.some((c) => c.startsWith("D"))).toBe(true);
    expect(file.channels).not.toContain("C0EXP2");
    const text = file.content.toString("utf8");
    const data = JSON.parse(text) as {
      workspaceId: string;
      counts: Record<string, number>;
      people: Array<{ firstName: string; accounts: Array<{ vendor: string; data: unknown }> }>;
      appUsers: Array<{ slackUserId: string; role: string }>;
      linkIgnores: unknown[];
      syncRefusals: Array<{ caregiverId: string; message: string }>;
      settings: { timeZone: string };
    };
    expect(data.workspaceId).toBe("T0EXPORT");
    expect(data.people.map((p) => p.firstName)).toEqual(["Ada"]);
    expect(data.people[0]!.accounts).toContainEqual(
      expect.objectContaining({ vendor: "careacademy", data: { email: "ada@example.org" } }),
    );
    expect(data.appUsers).toContainEqual(expect.objectContaining({ slackUserId: agency.installerId, role: "admin" }));
    expect(data.linkIgnores).toHaveLength(1);
    expect(data.settings.timeZone).toBe("America/Chicago");
    expect(data.syncRefusals).toEqual([expect.objectContaining({ caregiverId: "tt-T0EXPORT", message: "Refused." })]);
    expect(data.counts).toMatchObject({ people: 1, accounts: 2, linkIgnores: 1, syncRefusals: 1 });
    expect(text).not.toContain("Grace");
    expect(text).not.toContain("T0OTHER");
    expect(text).not.toContain(agency.botToken);
    const comment = t.slack.callsTo("files.completeUploadExternal").at(-1)?.args.initial_comment;
    expect(String(comment)).toMatch(/deleted in 14 days/);
    expect(
      await prisma().auditEvent.findFirst({ where: { workspaceId: "T0EXPORT", action: "workspace.export" } }),
    ).toMatchObject({ actorId: agency.installerId, outcome: "ok", details: expect.objectContaining({ people: 1 }) });
  });

  it("what was exported is deleted after the retention period of an uninstall; the audit records export, uninstall and deletion", async () => {
    expect((await teamEvent(t, "T0EXPORT", { type: "app_uninstalled" })).status).toBe(200);
    // The audit row is the uninstall's last write.
    for (let i = 0; ; i += 1) {
      if ((await prisma().auditEvent.count({ where: { workspaceId: "T0EXPORT", action: "app.uninstall" } })) > 0) break;
      if (i > 250) throw new Error("the uninstall was not recorded");
      await new Promise((r) => setTimeout(r, 20));
    }
    const at = (days: number) =>
      createInstallations({
        prisma: prisma(),
        audit: t.runtime.services.audit,
        config: { encryption: undefined, uninstallRetentionDays: 14 },
        now: () => new Date(Date.now() + days * DAY_MS),
      });
    expect(await at(13).purgeExpired()).toEqual([]);
    expect(await prisma().person.count({ where: { workspaceId: "T0EXPORT" } })).toBe(1);
    expect(await at(15).purgeExpired()).toEqual(["T0EXPORT"]);
    expect(await prisma().person.count({ where: { workspaceId: "T0EXPORT" } })).toBe(0);
    expect(await prisma().linkIgnore.count({ where: { workspaceId: "T0EXPORT" } })).toBe(0);
    expect(await prisma().syncRefusal.count({ where: { workspaceId: "T0EXPORT" } })).toBe(0);
    expect(await prisma().syncRefusal.count({ where: { workspaceId: "T0OTHER" } })).toBe(1);
    expect(await prisma().person.count({ where: { workspaceId: "T0OTHER" } })).toBe(1);
    const actions = (await prisma().auditEvent.findMany({ where: { workspaceId: "T0EXPORT" } })).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["app.install", "workspace.export", "app.uninstall", "workspace.purge"]),
    );
  });
});
