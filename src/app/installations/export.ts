import type { Config } from "../../config";
import type { PrismaClient } from "../../generated/prisma/client";
import type { AccessService } from "../access/service";
import type { Actor } from "../actor";
import type { Audit } from "../audit";
import { fail, type Result } from "../result";

/** What an export holds: everything the retention purge deletes, by table. */
export interface WorkspaceExportCounts {
  people: number;
  accounts: number;
  appUsers: number;
  linkSuggestions: number;
  linkIgnores: number;
  jobs: number;
  jobItems: number;
  uploads: number;
  syncRefusals: number;
}

export interface WorkspaceExport {
  filename: string;
  /** The file's text: JSON, one object with a section per kind of record. */
  json: string;
  counts: WorkspaceExportCounts;
}

/**
 * `/carebridge export` (admins): the workspace's people data as carebridge keeps it — people with
 * their vendor accounts and last synced fields, who has access, link decisions, jobs with each
 * item's outcome, CSV uploads, the LMS's last refusals of syncs, the schedule and settings — as one JSON file. What an uninstall's
 * retention purge deletes, so an admin can keep it first. Vendor keys and Slack tokens are never
 * in it; the audit stays in carebridge and has its own export.
 */
export function createWorkspaceExport(deps: {
  prisma: Pick<
    PrismaClient,
    | "person"
    | "appUser"
    | "linkSuggestion"
    | "linkIgnore"
    | "job"
    | "upload"
    | "syncRefusal"
    | "syncSchedule"
    | "workspaceSettings"
  >;
  access: Pick<AccessService, "check">;
  audit: Audit;
  config: Pick<Config, "uninstallRetentionDays">;
  now: () => Date;
}) {
  const { prisma } = deps;
  return async function exportWorkspace(actor: Actor): Promise<Result<WorkspaceExport>> {
    const allowed = await deps.access.check(actor, "settings.manage", { type: "workspace", id: actor.workspaceId });
    if (!allowed.allowed) return fail(allowed.reason);
    const where = { workspaceId: actor.workspaceId };
    const [people, appUsers, linkSuggestions, linkIgnores, jobs, uploads, syncRefusals, schedule, settings] =
      await Promise.all([
        prisma.person.findMany({
          where,
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            kind: true,
            firstName: true,
            lastName: true,
            createdAt: true,
            updatedAt: true,
            accounts: {
              select: { vendor: true, vendorId: true, status: true, lastSyncAt: true, data: true },
              orderBy: { vendor: "asc" },
            },
          },
        }),
        prisma.appUser.findMany({
          where,
          orderBy: { createdAt: "asc" },
          select: { slackUserId: true, role: true, office: true, grants: true, grantedBy: true, createdAt: true },
        }),
        prisma.linkSuggestion.findMany({
          where,
          orderBy: { createdAt: "asc" },
          select: {
            kind: true,
            motivityId: true,
            calmanacId: true,
            score: true,
            reasons: true,
            status: true,
            decidedBy: true,
            decidedAt: true,
            createdAt: true,
          },
        }),
        prisma.linkIgnore.findMany({
          where,
          orderBy: { createdAt: "asc" },
          select: { kind: true, side: true, recordId: true, ignoredBy: true, createdAt: true },
        }),
        prisma.job.findMany({
          where,
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            kind: true,
            status: true,
            actorSlackId: true,
            approvedBy: true,
            total: true,
            processed: true,
            failed: true,
            summary: true,
            error: true,
            createdAt: true,
            finishedAt: true,
            // What each item was and what became of it; the input rows stay out (a file's rows, again).
            items: { orderBy: { seq: "asc" }, select: { key: true, status: true, outcome: true, message: true } },
          },
        }),
        prisma.upload.findMany({
          where,
          orderBy: { createdAt: "asc" },
          select: { filename: true, uploaderId: true, channelId: true, status: true, jobId: true, createdAt: true },
        }),
        prisma.syncRefusal.findMany({
          where,
          orderBy: { at: "asc" },
          select: { vendor: true, caregiverId: true, message: true, at: true },
        }),
        prisma.syncSchedule.findUnique({ where }),
        prisma.workspaceSettings.findUnique({ where }),
      ]);
    const exportedAt = deps.now();
    const counts: WorkspaceExportCounts = {
      people: people.length,
      accounts: people.reduce((n, p) => n + p.accounts.length, 0),
      appUsers: appUsers.length,
      linkSuggestions: linkSuggestions.length,
      linkIgnores: linkIgnores.length,
      jobs: jobs.length,
      jobItems: jobs.reduce((n, j) => n + j.items.length, 0),
      uploads: uploads.length,
      syncRefusals: syncRefusals.length,
    };
    const json = JSON.stringify(
      {
        workspaceId: actor.workspaceId,
        exportedAt: exportedAt.toISOString(),
        exportedBy: actor.userId,
        note: `What carebridge deletes ${deps.config.uninstallRetentionDays} days after the app is uninstalled. The audit is kept; /carebridge audit exports it.`,
        counts,
        people,
        appUsers,
        linkSuggestions,
        linkIgnores,
        jobs,
        uploads,
        syncRefusals,
        schedule,
        settings,
      },
      null,
      2,
    );
    await deps.audit.record(actor, {
      action: "workspace.export",
      targetType: "workspace",
      targetId: actor.workspaceId,
      outcome: "ok",
      details: { ...counts },
    });
    const day = exportedAt.toISOString().slice(0, 10);
    return { ok: true, filename: `carebridge-${actor.workspaceId}-${day}.json`, json, counts };
  };
}
