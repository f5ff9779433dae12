import { randomBytes } from "node:crypto";
import type { Config } from "../../config";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type { Audit } from "../audit";
import { createSecretBox, type SecretBox } from "./secret-box";

/** One installation as the store keeps it: Bolt's Installation as JSON, sealed before it is written. */
export interface InstallationRecord {
  /** The team id, or the enterprise id for an org-wide install. */
  id: string;
  teamId: string | undefined;
  enterpriseId: string | undefined;
  isEnterpriseInstall: boolean;
  installerId: string;
  json: string;
}

/** Who the audit names for what Slack did on its own (an uninstall, a revoked token, a deletion). */
const SLACK_ACTOR = "slack";

const DAY_MS = 24 * 60 * 60 * 1000;

export type Installations = ReturnType<typeof createInstallations>;

/**
 * Installations in OAuth mode: stored sealed, looked up per request, forgotten on uninstall; the
 * workspace's people data follows after `uninstallRetentionDays`. Audit rows stay: they record
 * that it all happened.
 */
export function createInstallations(deps: {
  prisma: PrismaClient;
  audit: Audit;
  config: Pick<Config, "encryption" | "uninstallRetentionDays">;
  now: () => Date;
}) {
  const { prisma, audit } = deps;
  let box: SecretBox | undefined;
  const secrets = (): SecretBox => {
    if (!deps.config.encryption) throw new Error("CAREBRIDGE_ENCRYPTION_KEY is not set");
    box ??= createSecretBox(deps.config.encryption);
    return box;
  };

  return {
    /** Stores (or replaces) an installation; a first install makes the installer the workspace's admin. */
    async save(record: InstallationRecord): Promise<void> {
      const sealed = secrets().seal(record.json);
      const workspaceId = record.teamId ?? record.id;
      const fresh = await prisma.$transaction(async (tx) => {
        await tx.workspace.upsert({
          where: { id: workspaceId },
          create: { id: workspaceId },
          update: { uninstalledAt: null, dataPurgedAt: null },
        });
        const columns = {
          teamId: record.teamId ?? null,
          enterpriseId: record.enterpriseId ?? null,
          isEnterpriseInstall: record.isEnterpriseInstall,
          installerId: record.installerId,
          sealed,
        };
        const before = await tx.slackInstallation.findUnique({ where: { id: record.id }, select: { id: true } });
        await tx.slackInstallation.upsert({
          where: { id: record.id },
          create: { id: record.id, ...columns },
          update: columns,
        });
        const admins = await tx.appUser.count({ where: { workspaceId, role: "admin" } });
        if (admins === 0) {
          await tx.appUser.upsert({
            where: { workspaceId_slackUserId: { workspaceId, slackUserId: record.installerId } },
            create: { workspaceId, slackUserId: record.installerId, role: "admin", grantedBy: SLACK_ACTOR },
            update: { role: "admin", office: null, grants: [] },
          });
        }
        return { installed: before === null, firstAdmin: admins === 0 };
      });
      await audit.record(
        { workspaceId, userId: record.installerId },
        {
          action: fresh.installed ? "app.install" : "app.reinstall",
          targetType: "workspace",
          targetId: workspaceId,
          outcome: "ok",
          details: { firstAdmin: fresh.firstAdmin ? record.installerId : null },
        },
      );
    },

    /** The installation's JSON, or undefined; one sealed with the previous key is resealed with the current one. */
    async find(id: string): Promise<string | undefined> {
      const row = await prisma.slackInstallation.findUnique({ where: { id }, select: { sealed: true } });
      if (!row) return undefined;
      const json = secrets().open(row.sealed);
      if (secrets().isStale(row.sealed)) {
        await prisma.slackInstallation.updateMany({
          where: { id, sealed: row.sealed },
          data: { sealed: secrets().seal(json) },
        });
      }
      return json;
    },

    /** A new OAuth state, kept until it is used or `ttlMs` has passed. */
    async issueState(installOptions: unknown, ttlMs: number): Promise<string> {
      const id = randomBytes(24).toString("base64url");
      const now = deps.now();
      await prisma.oAuthState.deleteMany({ where: { expiresAt: { lt: now } } });
      await prisma.oAuthState.create({
        data: {
          id,
          installOptions: installOptions as Prisma.InputJsonValue,
          expiresAt: new Date(now.getTime() + ttlMs),
        },
      });
      return id;
    },

    /** The install options an unexpired state was issued with, once: a second use finds nothing. */
    async takeState(id: string): Promise<unknown> {
      const row = await prisma.oAuthState.findUnique({ where: { id } });
      if (!row) return undefined;
      const { count } = await prisma.oAuthState.deleteMany({ where: { id, expiresAt: { gt: deps.now() } } });
      return count === 1 ? row.installOptions : undefined;
    },

    /** Whether carebridge holds an installation for this team (or org). */
    async has(id: string): Promise<boolean> {
      return (await prisma.slackInstallation.count({ where: { id } })) > 0;
    },

    /** Reseals every installation still sealed with the previous key; returns how many. */
    async reseal(): Promise<number> {
      const rows = await prisma.slackInstallation.findMany({ select: { id: true, sealed: true } });
      let resealed = 0;
      for (const row of rows.filter((r) => secrets().isStale(r.sealed))) {
        const { count } = await prisma.slackInstallation.updateMany({
          where: { id: row.id, sealed: row.sealed },
          data: { sealed: secrets().seal(secrets().open(row.sealed)) },
        });
        resealed += count;
      }
      return resealed;
    },

    /** The app was uninstalled or its token revoked: the token goes now, people data after the retention period. */
    async forget(workspaceId: string, reason: "app_uninstalled" | "tokens_revoked"): Promise<void> {
      const { count } = await prisma.slackInstallation.deleteMany({
        where: { OR: [{ id: workspaceId }, { teamId: workspaceId }] },
      });
      await prisma.vendorAccount.deleteMany({ where: { workspaceId } });
      await prisma.workspace.updateMany({
        where: { id: workspaceId, uninstalledAt: null },
        data: { uninstalledAt: deps.now() },
      });
      await audit.record(
        { workspaceId, userId: SLACK_ACTOR },
        {
          action: "app.uninstall",
          targetType: "workspace",
          targetId: workspaceId,
          outcome: count > 0 ? "ok" : "noop",
          details: { reason, retentionDays: deps.config.uninstallRetentionDays },
        },
      );
    },

    /** Deletes the people data of workspaces uninstalled longer ago than the retention period; returns their ids. */
    async purgeExpired(): Promise<string[]> {
      const cutoff = new Date(deps.now().getTime() - deps.config.uninstallRetentionDays * DAY_MS);
      const due = await prisma.workspace.findMany({
        where: { uninstalledAt: { lte: cutoff }, dataPurgedAt: null },
        select: { id: true },
      });
      const purged: string[] = [];
      for (const { id: workspaceId } of due) {
        const where = { workspaceId };
        // Claimed with the deletions: of several instances ticking at once, one purges and audits.
        const claimed = await prisma.$transaction(async (tx) => {
          const { count } = await tx.workspace.updateMany({
            where: { id: workspaceId, dataPurgedAt: null, uninstalledAt: { lte: cutoff } },
            data: { dataPurgedAt: deps.now() },
          });
          if (count === 0) return false;
          await tx.person.deleteMany({ where });
          await tx.job.deleteMany({ where });
          await tx.upload.deleteMany({ where });
          await tx.linkSuggestion.deleteMany({ where });
          await tx.linkIgnore.deleteMany({ where });
          await tx.syncSchedule.deleteMany({ where });
          await tx.syncRefusal.deleteMany({ where });
          await tx.workspaceSettings.deleteMany({ where });
          await tx.appUser.deleteMany({ where });
          return true;
        });
        if (!claimed) continue;
        purged.push(workspaceId);
        await audit.record(
          { workspaceId, userId: SLACK_ACTOR },
          {
            action: "workspace.purge",
            targetType: "workspace",
            targetId: workspaceId,
            outcome: "ok",
            details: { retentionDays: deps.config.uninstallRetentionDays },
          },
        );
      }
      return purged;
    },
  };
}
