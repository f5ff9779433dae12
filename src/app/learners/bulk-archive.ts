import {
  describeFilter,
  exceedsArchiveThreshold,
  matchesFilter,
  type ArchiveFilter,
  type ArchiveThreshold,
} from "../../domain/learners/archive-filter";
import type { Job } from "../../jobs/types";
import type { CacwtLearner } from "../../providers/roles";
import type { Actor } from "../actor";
import { fail, type Result } from "../result";
import { JOB_ARCHIVE, JOB_REACTIVATE, type LearnersDeps } from "./deps";
import { nameOf } from "./one";
import type { StatusItemInput } from "./status-job";

/** What a bulk archive job carries besides its items, for the preview, the approval and the report. */
export interface ArchivePlan {
  filter: ArchiveFilter;
  /** The filter in words. */
  description: string;
  count: number;
  /** A few names, so people see who the filter caught. */
  sample: string[];
  activeTotal: number;
  threshold: ArchiveThreshold;
  needsSecondApproval: boolean;
}

const SAMPLE = 10;

export function planOf(job: Job): ArchivePlan {
  return job.params as unknown as ArchivePlan;
}

/**
 * Bulk archive by filter: preview → confirm → job, with a second admin's approval above the
 * threshold (no learner changes before it), and a "Reactivate all" that undoes one run.
 */
export function createBulkArchive(
  deps: Pick<LearnersDeps, "lms" | "access" | "audit" | "jobStore" | "archiveThreshold">,
) {
  const { access, audit, jobStore } = deps;

  async function load(actor: Actor, jobId: string, kind = JOB_ARCHIVE): Promise<Result<{ job: Job }>> {
    const allowed = await access.check(actor, "learner.archive-bulk", { type: "job", id: jobId });
    if (!allowed.allowed) return fail(allowed.reason);
    const job = await jobStore.get(jobId);
    if (!job || job.kind !== kind || job.workspaceId !== actor.workspaceId)
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
      const activeTotal = active.length;
      const chosen = active.filter((l) => l.status === "Active" && matchesFilter(l, filter));
      chosen.sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
      const plan: ArchivePlan = {
        filter,
        description: describeFilter(filter),
        count: chosen.length,
        sample: chosen.slice(0, SAMPLE).map(nameOf),
        activeTotal,
        threshold: deps.archiveThreshold,
        needsSecondApproval: exceedsArchiveThreshold(chosen.length, activeTotal, deps.archiveThreshold),
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

    /** The second admin's yes; the admin who asked cannot give it. */
    async approve(actor: Actor, jobId: string): Promise<Result<{ job: Job; approved: boolean }>> {
      const loaded = await load(actor, jobId);
      if (!loaded.ok) return loaded;
      const { job } = loaded;
      if (job.actorSlackId === actor.userId) {
        await audit.record(actor, {
          action: "learner.archive-bulk.approve",
          targetType: "job",
          targetId: jobId,
          outcome: "refused",
        });
        return fail("You asked for this archive, so another admin has to approve it.");
      }
      const approved = await jobStore.transition(jobId, ["awaiting-second-approval"], "queued", {
        approvedBy: actor.userId,
      });
      if (approved) {
        await audit.record(actor, {
          action: "learner.archive-bulk.approve",
          targetType: "job",
          targetId: jobId,
          outcome: "ok",
          details: { count: job.total },
        });
      }
      return { ok: true, job: await reread(job), approved };
    },

    /** Turns down a run waiting for approval (the requester may withdraw it too), or drops a preview. */
    async reject(actor: Actor, jobId: string): Promise<Result<{ job: Job; rejected: boolean }>> {
      const loaded = await load(actor, jobId);
      if (!loaded.ok) return loaded;
      const rejected = await jobStore.transition(jobId, ["preview", "awaiting-second-approval"], "cancelled", {
        approvedBy: actor.userId,
      });
      if (rejected) {
        await audit.record(actor, {
          action: "learner.archive-bulk.reject",
          targetType: "job",
          targetId: jobId,
          outcome: "ok",
        });
      }
      return { ok: true, job: await reread(loaded.job), rejected };
    },

    /** Undo: reactivates exactly the learners that run archived; pressing twice starts one job. */
    async reactivateAll(actor: Actor, jobId: string): Promise<Result<{ job: Job; created: boolean }>> {
      const loaded = await load(actor, jobId);
      if (!loaded.ok) return loaded;
      const original = loaded.job;
      if (original.status !== "done" && original.status !== "failed")
        return fail("That archive is still running; undo it when it has finished.");
      const archived = (await jobStore.items(jobId)).filter((item) => item.outcome === "archived");
      if (archived.length === 0) return fail("That run archived nobody, so there is nothing to reactivate.");
      const { job, created } = await jobStore.create({
        workspaceId: actor.workspaceId,
        kind: JOB_REACTIVATE,
        actorSlackId: actor.userId,
        params: { undoOf: jobId },
        status: "queued",
        idempotencyKey: `undo:${jobId}`,
        items: archived.map((item) => ({ key: item.key, seq: item.seq, input: item.input })),
        ...(original.channelId ? { channelId: original.channelId } : {}),
      });
      if (created) {
        await audit.record(actor, {
          action: "learner.reactivate-all",
          targetType: "job",
          targetId: job.id,
          outcome: "ok",
          details: { undoOf: jobId, count: archived.length },
        });
      }
      return { ok: true, job, created };
    },
  };
}
