import { createNoteOf } from "../../jobs/store";
import type { ItemResult, Job, JobItem } from "../../jobs/types";
import type { Actor } from "../actor";
import { fail, type Result } from "../result";
import type { CaregiverDeps } from "./deps";
import type { Guard } from "./guard";
import { CAREGIVER_SYNC_KIND, type SyncItemInput } from "./job-kind";
import type { OneCaregiver } from "./one";
import type { Syncer } from "./sync";

/** A preview older than this lists a TeleTrack that has moved on: run it again. */
const PREVIEW_LIFETIME_MS = 60 * 60_000;

/**
 * Items in flight at once. Each item waits on a few vendor round trips in a row (TeleTrack get,
 * LMS look-up, LMS write, TeleTrack link); 16 keeps both vendors' rate limiters busy at 20
 * requests per second with 50 ms of latency, so the limiter, not the latency, sets the pace.
 */
export const SYNC_CONCURRENCY = 16;

export function createBulkRun(deps: CaregiverDeps, one: OneCaregiver, sync: Syncer, guard: Guard) {
  const { jobStore, audit } = deps;

  async function previewJob(actor: Actor, jobId: string): Promise<Result<{ job: Job }>> {
    const job = await jobStore.get(jobId);
    if (!job || job.workspaceId !== actor.workspaceId || job.kind !== CAREGIVER_SYNC_KIND) {
      return fail("That sync preview no longer exists; run /sync-caregiver all again.");
    }
    // A scheduled run's preview is posted in a channel for any admin; a typed one only for its requester.
    const madeFor = (job.params as { scheduled?: boolean }).scheduled ? undefined : job.actorSlackId;
    const refused = await guard(actor, "caregiver.sync-all", { type: "job", id: jobId }, madeFor);
    return refused ?? { ok: true, job };
  }

  /**
   * Moves the preview to queued unless another caregiver sync of the workspace is queued or
   * running. Confirms of two previews take turns on the workspace's row, locked until the
   * transaction ends: each statement after the lock reads afresh, so the second sees the first's
   * queued job (PostgreSQL's read committed; PGlite runs one transaction at a time anyway). NO KEY
   * UPDATE, so that rows referring to the workspace (people, audit events) are written meanwhile.
   */
  function queueAlone(actor: Actor, jobId: string): Promise<"queued" | "another-runs" | "not-a-preview"> {
    return deps.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${actor.workspaceId} FOR NO KEY UPDATE`;
      const preview = { id: jobId, status: "preview" };
      const another = await tx.job.count({
        where: {
          workspaceId: actor.workspaceId,
          kind: CAREGIVER_SYNC_KIND,
          status: { in: ["queued", "running"] },
          NOT: { id: jobId },
        },
      });
      if (another > 0) return (await tx.job.count({ where: preview })) > 0 ? "another-runs" : "not-a-preview";
      const { count } = await tx.job.updateMany({
        where: preview,
        data: { status: "queued", approvedBy: actor.userId },
      });
      return count === 1 ? "queued" : "not-a-preview";
    });
  }

  const started = (job: Job) =>
    job.status === "cancelled"
      ? fail("That sync was cancelled; run /sync-caregiver all for a new preview.")
      : ({ ok: true, job, started: false } as const);

  async function processItem(item: JobItem, job: Job): Promise<ItemResult> {
    const { caregiverId } = item.input as unknown as SyncItemInput;
    const actor = { workspaceId: job.workspaceId, userId: job.actorSlackId };
    const caregiver = await one.fetchCaregiver(caregiverId);
    if (!caregiver)
      return { status: "failed", outcome: "not-found", message: "Spectrum TeleTrack no longer has this caregiver." };
    const result = await sync(actor, caregiver, createNoteOf(jobStore, item));
    if (result.ok) return { status: "done", outcome: result.synced.outcome };
    return { status: "failed", outcome: "cannot-sync", message: result.problems.map((p) => p.message).join(" ") };
  }

  deps.jobRunner.register({ kind: CAREGIVER_SYNC_KIND, concurrency: SYNC_CONCURRENCY, processItem });

  return {
    /** Confirm: only the first press moves the preview to queued; the caller then launches it. */
    async confirmAll(actor: Actor, jobId: string): Promise<Result<{ job: Job; started: boolean }>> {
      const found = await previewJob(actor, jobId);
      if (!found.ok) return found;
      const { job } = found;
      if (job.status === "preview" && deps.now().getTime() - job.createdAt.getTime() > PREVIEW_LIFETIME_MS) {
        await jobStore.transition(jobId, ["preview"], "cancelled");
        return fail("That preview is over an hour old; run /sync-caregiver all for a fresh one.");
      }
      const queued = await queueAlone(actor, jobId);
      if (queued === "another-runs") {
        return fail("Another caregiver sync is still running; confirm this one when its report is in.");
      }
      if (queued === "not-a-preview") {
        const now = await jobStore.get(jobId);
        return now ? started(now) : fail("That sync preview no longer exists.");
      }
      const params = job.params as { mode?: string };
      await audit.record(actor, {
        action: "caregiver.sync-all",
        targetType: "job",
        targetId: jobId,
        outcome: "ok",
        details: { items: job.total, mode: params.mode ?? "full" },
      });
      return { ok: true, job: (await jobStore.get(jobId)) ?? job, started: true };
    },

    async cancelAll(actor: Actor, jobId: string): Promise<Result<{ cancelled: boolean }>> {
      const found = await previewJob(actor, jobId);
      if (!found.ok) return found;
      const cancelled = await jobStore.transition(jobId, ["preview"], "cancelled");
      if (!cancelled && found.job.status !== "cancelled")
        return fail("That sync has already started; it can't be cancelled now.");
      return { ok: true, cancelled };
    },

    processItem,
  };
}
