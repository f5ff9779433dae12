import type { SyncSchedule } from "../../generated/prisma/client";
import { type Cadence, nextRunAfter } from "../../domain/caregivers/schedule";
import { exceedsArchiveThreshold } from "../../domain/learners/archive-filter";
import type { Job } from "../../jobs/types";
import type { Actor } from "../actor";
import { describeError } from "../errors";
import { fail, type Result } from "../result";
import type { BulkPreview } from "./bulk-preview";
import type { CaregiverDeps } from "./deps";
import type { Guard } from "./guard";
import { CAREGIVER_SYNC_KIND, type SyncItemInput } from "./job-kind";
import { channelLink } from "../mention";

export type { SyncSchedule };

export interface ScheduleChange {
  cadence: Cadence;
  time: string | null;
  /** Named in the command; otherwise the settings' digest channel, then `context.typedIn`. */
  channelId: string | null;
  /**
   * Named in the command; otherwise the schedule's own if it named one, then the workspace's
   * (which the schedule then follows), then `fallbackTimeZone`.
   */
  timeZone: string | null;
  quiet: boolean;
}

/** One caregiver the run could not sync, and why; `fixable` when staff can fill in what is missing. */
export interface DigestProblem {
  caregiverId: string;
  name: string;
  reason: string;
  fixable: boolean;
}

/** What one caregiver sync changed, caregiver by caregiver, for the channel's digest. */
export interface SyncDigest {
  jobId: string;
  status: string;
  finishedAt: Date | null;
  scheduled: boolean;
  changed: { created: string[]; linked: string[]; updated: string[]; reactivated: string[] };
  /** Caregivers inactive in TeleTrack, left as they are (the preview counts them, without names). */
  inactive: number;
  problems: DigestProblem[];
}

export type ScheduledRun = { schedule: SyncSchedule } & (
  | { kind: "started"; job: Job }
  | { kind: "held"; preview: BulkPreview; changes: number }
  | { kind: "nothing" }
  /** `error`: what a run threw, for the log; `problems` says it in words. */
  | { kind: "refused"; problems: Array<{ message: string }>; error?: unknown }
);

const CHANGED: Record<string, keyof SyncDigest["changed"]> = {
  created: "created",
  linked: "linked",
  updated: "updated",
  reactivated: "reactivated",
};

/**
 * After the workspace's zone changed in settings: a schedule that took the workspace's zone moves
 * to the new one (UTC when cleared), its next run recomputed in it.
 */
export async function followWorkspaceZone(
  prisma: Pick<CaregiverDeps["prisma"], "syncSchedule">,
  workspaceId: string,
  timeZone: string,
  now: Date,
): Promise<void> {
  const schedule = await prisma.syncSchedule.findUnique({ where: { workspaceId } });
  if (!schedule?.followsWorkspaceZone || schedule.timeZone === timeZone) return;
  const nextRunAt = nextRunAfter({ cadence: schedule.cadence as Cadence, time: schedule.time, timeZone }, now);
  await prisma.syncSchedule.updateMany({
    where: { workspaceId, followsWorkspaceZone: true },
    data: { timeZone, nextRunAt },
  });
}

/** The workspace's schedule, or null. */
export const currentSchedule =
  (prisma: Pick<CaregiverDeps["prisma"], "syncSchedule">) =>
  (workspaceId: string): Promise<SyncSchedule | null> =>
    prisma.syncSchedule.findUnique({ where: { workspaceId } });

/**
 * `/sync-caregiver schedule`: an incremental sync of everyone at a set time, in the name of the
 * admin who set it, without a preview (the schedule was the confirmation) unless it would change
 * more caregivers than the bulk threshold (the archive thresholds' rule: more than maxCount, or
 * more than maxShare of the caregivers carebridge keeps linked): then it stops at the preview for
 * an admin to confirm in the channel.
 */
export function createSchedules(
  deps: CaregiverDeps,
  guard: Guard,
  bulk: {
    previewAll: (
      actor: Actor,
      options: { full: boolean; channelId?: string; scheduled?: boolean },
    ) => Promise<Result<{ preview: BulkPreview }>>;
    confirmAll: (actor: Actor, jobId: string) => Promise<Result<{ job: Job; started: boolean }>>;
  },
) {
  const { prisma } = deps;
  // Each slot runs as its workspace, on that workspace's vendor accounts.
  const within = deps.within ?? ((_workspaceId, work) => work());

  const current = currentSchedule(prisma);

  async function digestOf(job: Job): Promise<SyncDigest> {
    const items = await prisma.jobItem.findMany({ where: { jobId: job.id }, orderBy: { seq: "asc" } });
    const changed: SyncDigest["changed"] = { created: [], linked: [], updated: [], reactivated: [] };
    const problems: DigestProblem[] = [];
    for (const item of items) {
      const input = item.input as Partial<SyncItemInput> | null;
      const name = input?.name || item.key;
      const bucket = CHANGED[item.outcome ?? ""];
      if (item.status === "done" && bucket) changed[bucket].push(name);
      if (item.status === "failed") {
        problems.push({
          caregiverId: input?.caregiverId ?? item.key,
          name,
          reason: item.message ?? "failed",
          fixable: item.outcome === "cannot-sync",
        });
      }
    }
    const params = (job.params ?? {}) as { summary?: { counts?: { inactive?: number } }; scheduled?: boolean };
    return {
      jobId: job.id,
      status: job.status,
      finishedAt: job.finishedAt,
      scheduled: params.scheduled === true,
      changed,
      inactive: params.summary?.counts?.inactive ?? 0,
      problems,
    };
  }

  async function exceedsThreshold(workspaceId: string, changes: number): Promise<boolean> {
    const linked = await prisma.externalAccount.count({
      where: { vendor: deps.lmsVendor, person: { workspaceId } },
    });
    // Before anything is linked there is no share to compare with: the count alone decides.
    return linked === 0
      ? changes > deps.bulkThreshold.maxCount
      : exceedsArchiveThreshold(changes, linked, deps.bulkThreshold);
  }

  /** Runs one claimed schedule's slot. */
  async function runOne(schedule: SyncSchedule): Promise<ScheduledRun> {
    const actor = { workspaceId: schedule.workspaceId, userId: schedule.setBy };
    const previewed = await bulk.previewAll(actor, { full: false, channelId: schedule.channelId, scheduled: true });
    if (!previewed.ok) return { schedule, kind: "refused", problems: previewed.problems };
    const { preview } = previewed;
    if (preview.jobId === null) return { schedule, kind: "nothing" };
    await prisma.syncSchedule.updateMany({
      where: { workspaceId: schedule.workspaceId },
      data: { lastJobId: preview.jobId },
    });
    const { counts } = preview.summary;
    const changes = counts.create + counts.link + counts.update + counts.reactivate;
    if (await exceedsThreshold(schedule.workspaceId, changes)) return { schedule, kind: "held", preview, changes };
    const confirmed = await bulk.confirmAll(actor, preview.jobId);
    if (!confirmed.ok) return { schedule, kind: "refused", problems: confirmed.problems };
    return { schedule, kind: "started", job: confirmed.job };
  }

  return {
    current,

    /** Sets or replaces the workspace's schedule (admins). */
    async set(
      actor: Actor,
      change: ScheduleChange,
      context: {
        /** The channel the command was typed in. */
        typedIn: string;
        /** Whether carebridge can post in the channel; asked after access is granted. */
        channelReachable: (channelId: string) => Promise<boolean>;
        /** The zone to use when neither the command nor an earlier schedule names one. */
        fallbackTimeZone: () => Promise<string | undefined>;
      },
    ): Promise<Result<{ schedule: SyncSchedule }>> {
      const refused = await guard(actor, "caregiver.sync-all", { type: "schedule", id: actor.workspaceId });
      if (refused) return refused;
      // The row, not the effective settings: only a zone an admin chose is one to follow.
      const settings = await prisma.workspaceSettings.findUnique({ where: { workspaceId: actor.workspaceId } });
      const channelId = change.channelId ?? settings?.digestChannel ?? context.typedIn;
      if (!(await context.channelReachable(channelId))) {
        return fail(
          `carebridge is not in ${channelLink(channelId)}, so it could not post the digest there. Type \`/invite @carebridge\` in that channel, then set the schedule again.`,
        );
      }
      const before = await current(actor.workspaceId);
      const own = change.timeZone ?? (before && !before.followsWorkspaceZone ? before.timeZone : null);
      const followsWorkspaceZone = own === null && Boolean(settings?.timeZone);
      const timeZone = own ?? settings?.timeZone ?? (await context.fallbackTimeZone()) ?? "UTC";
      const data = {
        channelId,
        cadence: change.cadence,
        time: change.cadence === "daily" ? change.time : null,
        timeZone,
        followsWorkspaceZone,
        allQuiet: change.quiet,
        setBy: actor.userId,
        nextRunAt: nextRunAfter({ cadence: change.cadence, time: change.time, timeZone }, deps.now()),
      };
      const schedule = await prisma.syncSchedule.upsert({
        where: { workspaceId: actor.workspaceId },
        create: { workspaceId: actor.workspaceId, ...data },
        update: data,
      });
      await deps.audit.record(actor, {
        action: "caregiver.schedule",
        targetType: "schedule",
        targetId: actor.workspaceId,
        outcome: "ok",
        details: { cadence: data.cadence, time: data.time, timeZone, channelId: data.channelId, quiet: data.allQuiet },
      });
      return { ok: true, schedule };
    },

    /** Turns the schedule off (admins); `removed` is false when there was none. */
    async off(actor: Actor): Promise<Result<{ removed: boolean }>> {
      const refused = await guard(actor, "caregiver.sync-all", { type: "schedule", id: actor.workspaceId });
      if (refused) return refused;
      const { count } = await prisma.syncSchedule.deleteMany({ where: { workspaceId: actor.workspaceId } });
      if (count > 0) {
        await deps.audit.record(actor, {
          action: "caregiver.schedule",
          targetType: "schedule",
          targetId: actor.workspaceId,
          outcome: "ok",
          details: { cadence: "off" },
        });
      }
      return { ok: true, removed: count > 0 };
    },

    /** The schedule, for anyone who may look caregivers up. */
    async show(actor: Actor): Promise<Result<{ schedule: SyncSchedule | null }>> {
      const refused = await guard(actor, "caregiver.view", { type: "schedule", id: actor.workspaceId });
      return refused ?? { ok: true, schedule: await current(actor.workspaceId) };
    },

    /**
     * Runs every schedule due at `now`. Each instance calls this every minute; a slot is taken by
     * moving nextRunAt on only where it still holds the value read, so exactly one caller wins it.
     */
    async runDue(now: Date): Promise<ScheduledRun[]> {
      const due = await prisma.syncSchedule.findMany({ where: { nextRunAt: { lte: now } } });
      const runs: ScheduledRun[] = [];
      for (const schedule of due) {
        const next = nextRunAfter(
          { cadence: schedule.cadence as Cadence, time: schedule.time, timeZone: schedule.timeZone },
          now,
        );
        const { count } = await prisma.syncSchedule.updateMany({
          where: { workspaceId: schedule.workspaceId, nextRunAt: schedule.nextRunAt },
          data: { nextRunAt: next, lastRunAt: now, lastJobId: null },
        });
        if (count !== 1) continue;
        const claimed = { ...schedule, nextRunAt: next, lastRunAt: now, lastJobId: null };
        // A vendor outage in one workspace's run must not keep the others from theirs.
        runs.push(
          await within(claimed.workspaceId, () => runOne(claimed)).catch((error: unknown): ScheduledRun => ({
            schedule: claimed,
            kind: "refused",
            problems: [{ message: describeError(error) }],
          })),
        );
      }
      return runs;
    },

    digestOf,

    /** The digest of the workspace's last finished caregiver sync, scheduled or not. */
    async lastDigest(actor: Actor): Promise<Result<{ digest: SyncDigest | null }>> {
      const refused = await guard(actor, "caregiver.view", { type: "job", id: "digest" });
      if (refused) return refused;
      const job = await prisma.job.findFirst({
        where: { workspaceId: actor.workspaceId, kind: CAREGIVER_SYNC_KIND, status: { in: ["done", "failed"] } },
        orderBy: { finishedAt: "desc" },
      });
      return { ok: true, digest: job ? await digestOf(job) : null };
    },
  };
}

export type Schedules = ReturnType<typeof createSchedules>;
