import { describeFilter, matchesFilter, type ArchiveFilter } from "../../domain/learners/archive-filter";
import type { Job } from "../../jobs/types";
import type { CacwtLearner } from "../../providers/roles";
import type { Actor } from "../actor";
import { fail, type Result } from "../result";
import { archiveApproval, type ArchiveApproval } from "./archive-runs";
import { JOB_ARCHIVE, type LearnersDeps } from "./deps";
import { nameOf } from "./one";
import type { StatusItemInput } from "./status-job";

/** What a bulk archive job carries besides its items, for the preview, the approval and the report. */
export interface ArchivePlan extends ArchiveApproval {
  filter: ArchiveFilter;
}

function planOf(job: Job): ArchivePlan {
  return job.params as unknown as ArchivePlan;
}

/**
 * Bulk archive by filter: preview → confirm → job; above the threshold the job waits for a second
 * admin, and its report offers Reactivate all (both in archive-runs.ts, shared with imports).
 */
export function createBulkArchive(deps: Pick<LearnersDeps, "lms" | "access" | "audit" | "jobStore" | "settings">) {
  const { access, audit, jobStore } = deps;

  async function load(actor: Actor, jobId: string): Promise<Result<{ job: Job }>> {
    const allowed = await access.check(actor, "learner.archive-bulk", { type: "job", id: jobId });
    if (!allowed.allowed) return fail(allowed.reason);
    const job = await jobStore.get(jobId);
    if (!job || job.kind !== JOB_ARCHIVE || job.workspaceId !== actor.workspaceId)
      return fail("That archive no longer exists.");
    return { ok: true, job };
  }

  const reread = async (job: Job) => (await jobStore.get(job.id)) ?? job;

  return {
    async preview(
      actor: Actor,
      filter: ArchiveFilter,
      channelId: string,
    ): Promise<Result<{ job: Job; plan: ArchivePlan }>> {
      const allowed = await access.check(actor, "learner.archive-bulk");
      if (!allowed.allowed) return fail(allowed.reason);
      // Every active learner, not only the filter's: the threshold is a share of all of them.
      const active: CacwtLearner[] = [];
      for await (const learner of deps.lms.list({ status: "Active" })) active.push(learner);
      const chosen = active.filter((l) => l.status === "Active" && matchesFilter(l, filter));
      chosen.sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
      const plan: ArchivePlan = {
        filter,
        ...archiveApproval(
          describeFilter(filter),
          chosen.length,
          chosen.map(nameOf),
          active.length,
          (await deps.settings(actor.workspaceId)).archive,
        ),
      };
      const { job } = await jobStore.create({
        workspaceId: actor.workspaceId,
        kind: JOB_ARCHIVE,
        actorSlackId: actor.userId,
        params: plan,
        status: "preview",
        channelId,
        items: chosen.map((l, seq) => ({
          key: l.userId,
          seq,
          input: {
            userId: l.userId,
            email: l.email,
            firstName: l.firstName,
            lastName: l.lastName,
          } satisfies StatusItemInput,
        })),
      });
      return { ok: true, job, plan };
    },

    /** Queues the run, or, above the threshold, waits for another admin: nothing changes before that. */
    async confirm(
      actor: Actor,
      jobId: string,
    ): Promise<Result<{ job: Job; state: "queued" | "awaiting-second-approval" | "stale" }>> {
      const loaded = await load(actor, jobId);
      if (!loaded.ok) return loaded;
      const { job } = loaded;
      if (job.actorSlackId !== actor.userId) return fail("Only the admin who previewed this archive can confirm it.");
      if (job.total === 0) return fail("No active learner matches that filter, so there is nothing to archive.");
      const plan = planOf(job);
      const next = plan.needsSecondApproval ? "awaiting-second-approval" : "queued";
      if (!(await jobStore.transition(jobId, ["preview"], next)))
        return { ok: true, job: await reread(job), state: "stale" };
      await audit.record(actor, {
        action: plan.needsSecondApproval ? "learner.archive-bulk.request" : "learner.archive-bulk",
        targetType: "job",
        targetId: jobId,
        outcome: "ok",
        details: { count: plan.count, activeTotal: plan.activeTotal },
      });
      return { ok: true, job: await reread(job), state: next };
    },

    /** Cancel on the preview: drops it; nothing was asked of CACWT. */
    async cancel(actor: Actor, jobId: string): Promise<Result<{ job: Job; cancelled: boolean }>> {
      const loaded = await load(actor, jobId);
      if (!loaded.ok) return loaded;
      const cancelled = await jobStore.transition(jobId, ["preview"], "cancelled", { approvedBy: actor.userId });
      if (cancelled) {
        await audit.record(actor, {
          action: "learner.archive-bulk.cancel",
          targetType: "job",
          targetId: jobId,
          outcome: "ok",
        });
      }
      return { ok: true, job: await reread(loaded.job), cancelled };
    },
  };
}
