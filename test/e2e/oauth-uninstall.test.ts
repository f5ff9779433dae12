import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInstallations } from "../../src/app/installations";
import type { TestApp } from "../support/app";
import { grantFor, install, startOAuthApp, teamEvent } from "../support/oauth";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("uninstall forgets (OAuth)", () => {
  let t: TestApp;
  const prisma = () => t.runtime.db.prisma;

  /** People data of a workspace as carebridge keeps it: a person with an account, a role, settings. */
  async function somePeople(workspaceId: string) {
    await prisma().person.create({
      data: {
        workspaceId,
        kind: "caregiver",
        firstName: "Ada",
        lastName: "Lovelace",
        accounts: { create: { vendor: "teletrack", vendorId: `tt-${workspaceId}` } },
      },
    });
    await prisma().workspaceSettings.create({ data: { workspaceId, roleRanking: [] } });
  }

  const peopleOf = (workspaceId: string) => prisma().person.count({ where: { workspaceId } });

  beforeAll(async () => {
    t = await startOAuthApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("app_uninstalled deletes the token at once and audits it; the people data stays for the retention period", async () => {
    const gone = grantFor("T0GONE");
    const kept = grantFor("T0KEPT");
    await install(t, gone);
    await install(t, kept);
    await somePeople("T0GONE");
    await somePeople("T0KEPT");

    expect((await teamEvent(t, "T0GONE", { type: "app_uninstalled" })).status).toBe(200);
    // The audit row is written last.
    await expectSoon(
      async () =>
        (await prisma().auditEvent.count({ where: { workspaceId: "T0GONE", action: "app.uninstall" } })) === 1,
    );
    expect(await prisma().slackInstallation.count({ where: { id: "T0GONE" } })).toBe(0);
    expect(await prisma().slackInstallation.count({ where: { id: "T0KEPT" } })).toBe(1);
    const workspace = await prisma().workspace.findUniqueOrThrow({ where: { id: "T0GONE" } });
    expect(workspace.uninstalledAt).not.toBeNull();
    const audit = await prisma().auditEvent.findFirstOrThrow({
      where: { workspaceId: "T0GONE", action: "app.uninstall" },
    });
    expect(audit).toMatchObject({ actorId: "slack", outcome: "ok" });
    expect(audit.details).toMatchObject({ reason: "app_uninstalled", retentionDays: 30 });

    // Its requests are refused from now on, and no token is used for them.
    const before = t.slack.calls.length;
    const home = { type: "app_home_opened", user: gone.installerId, channel: "D0HOME", tab: "home" };
    expect((await teamEvent(t, "T0GONE", home)).status).toBe(401);
    expect(t.slack.calls.slice(before)).toEqual([]);

    // Within the retention period, the hourly purge leaves the data (an admin may still want it).
    expect(await t.runtime.services.installations.purgeExpired()).toEqual([]);
    expect(await peopleOf("T0GONE")).toBe(1);

    // After it, the people data goes; the other workspace's and the audit stay.
    const later = createInstallations({
      prisma: prisma(),
      audit: t.runtime.services.audit,
      config: { encryption: undefined, uninstallRetentionDays: 30 },
      now: () => new Date(Date.now() + 31 * DAY_MS),
    });
    expect(await later.purgeExpired()).toEqual(["T0GONE"]);
    expect(await later.purgeExpired()).toEqual([]);
    expect(await peopleOf("T0GONE")).toBe(0);
    expect(await prisma().externalAccount.count({ where: { vendorId: "tt-T0GONE" } })).toBe(0);
    expect(await prisma().workspaceSettings.count({ where: { workspaceId: "T0GONE" } })).toBe(0);
    expect(await prisma().appUser.count({ where: { workspaceId: "T0GONE" } })).toBe(0);
    expect(await peopleOf("T0KEPT")).toBe(1);
    expect(
      await prisma().auditEvent.count({
        where: { workspaceId: "T0GONE", action: { in: ["app.install", "app.uninstall", "workspace.purge"] } },
      }),
    ).toBe(3);
  });

  it("tokens_revoked for the bot forgets the workspace's token too; a reinstall starts it again", async () => {
    const revoked = grantFor("T0REVOKED");
    await install(t, revoked);
    const status = (await teamEvent(t, "T0REVOKED", { type: "tokens_revoked", tokens: { bot: [revoked.botUserId] } }))
      .status;
    expect(status).toBe(200);
    await expectSoon(
      async () =>
        (await prisma().auditEvent.count({ where: { workspaceId: "T0REVOKED", action: "app.uninstall" } })) === 1,
    );
    expect(await prisma().slackInstallation.count({ where: { id: "T0REVOKED" } })).toBe(0);
    expect(
      await prisma().auditEvent.findFirst({ where: { workspaceId: "T0REVOKED", action: "app.uninstall" } }),
    ).toMatchObject({ details: { reason: "tokens_revoked" } });

    await install(t, grantFor("T0REVOKED", revoked.installerId));
    const workspace = await prisma().workspace.findUniqueOrThrow({ where: { id: "T0REVOKED" } });
    expect(workspace.uninstalledAt).toBeNull();
    expect(await prisma().auditEvent.count({ where: { workspaceId: "T0REVOKED", action: "app.install" } })).toBe(2);
  });
});

async function expectSoon(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}
