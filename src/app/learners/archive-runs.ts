import { exceedsArchiveThreshold, type ArchiveThreshold } from "../../domain/learners/archive-filter";
import type { Job, JobItem } from "../../jobs/types";
import type { Action } from "../access/policy";
import type { Actor } from "../actor";
import { createFollowUp } from "../follow-up-job";
import { fail, type Result } from "../result";
import type { ArchivePlan } from "./bulk-archive";
import { JOB_ARCHIVE, JOB_IMPORT, JOB_REACTIVATE, type LearnersDeps } from "./deps";
import type { ImportItemInput, ImportParams } from "./import-preview";
import type { StatusItemInput } from "./status-job";

/** What the admins are shown of a run that archives learners, and whether a second admin must approve it. */
export interface ArchiveApproval {
  /** Who gets archived, in words. */
  description: string;
  count: number;
  /** A few names, so people see who the run archives. */
  sample: string[];
  activeTotal: number;
  threshold: ArchiveThreshold;
  /**
   * An import's updates that change a learner's name ("Pat Kim → Ana Garcia"): any rename needs a
   * second admin as archives over the threshold do, for a row with the wrong email overwrites
   * another person's name. Absent when there are none.
   */
  renames?: Renames;
  needsSecondApproval: boolean;
  /** Learners a bulk archive's filter found that the admin left out before confirming. */
  leftOut?: number;
}

/**
 * What starting an archiving run (an import's Import, a bulk archive's Confirm) came to: queued,
 * waiting for another admin's approval, or already decided by an earlier press.
 */
export type RunStart = Result<{ job: Job; state: "queued" | "awaiting-second-approval" | "stale" }>;

export interface Renames {
  count: number;
  /** "Pat Kim → Ana Garcia", the first few. */
  sample: string[];
}

export const SAMPLE = 10;

export function archiveApproval(
  description: string,
  count: number,
  names: string[],
  activeTotal: number,
  threshold: ArchiveThreshold,
  renames?: Renames,
): ArchiveApproval {
  const renamed = renames !== undefined && renames.count > 0;
  return {
    description,
    count,
    sample: names.slice(0, SAMPLE),
    activeTotal,
    threshold,
    ...(renamed ? { renames: { count: renames.count, sample: renames.sample.slice(0, SAMPLE) } } : {}),
    needsSecondApproval: exceedsArchiveThreshold(count, activeTotal, threshold) || renamed,
  };
}

/** Whether the run's archives alone are more than the threshold allows. */
export function archivesOverThreshold(approval: ArchiveApproval): boolean {
  return exceedsArchiveThreshold(approval.count, approval.activeTotal, approval.threshold);
}

/** Why a run waits for a second admin, in words: "archives 30 learners and renames 2 learners". */
export function approvalReasons(approval: ArchiveApproval): string {
  const learners = (n: number) => `${n.toLocaleString("en-US")} learner${n === 1 ? "" : "s"}`;
  const reasons: string[] = [];
  if (archivesOverThreshold(approval)) reasons.push(`archives ${learners(approval.count)}`);
  if (approval.renames) reasons.push(`renames ${learners(approval.renames.count)}`);
  return reasons.join(" and ");
}

/** A kind of job that archives learners: a bulk archive by filter, or an import with Status = Archived rows. */
interface ArchivingRun {
  /** What people call it: "That archive …", "You asked for this import …". */
  noun: "archive" | "import";
  /** Audit actions of its approval: `<prefix>.request`, `.approve`, `.reject`. */
  auditPrefix: string;
  /** Needed to undo it: the action that starts it. */
  undoAction: Action;
  approval(job: Job): ArchiveApproval;
  /** A learner it archived, as an item of the job that reactivates them. */
  archivedLearner(item: JobItem): StatusItemInput;
}

const RUNS: Record<string, ArchivingRun> = {
  [JOB_ARCHIVE]: {
    noun: "archive",
    auditPrefix: "learner.archive-bulk",
    undoAction: "learner.archive-bulk",
    approval: (job) => job.params as unknown as ArchivePlan,
    archivedLearner: (item) => item.input as unknown as StatusItemInput,
  },
  [JOB_IMPORT]: {
    noun: "import",
    auditPrefix: "learner.import",
    undoAction: "learner.import",
    approval: (job) => (job.params as unknown as ImportParams).archive,
    // The import found the learner by the row's email; so does its undo.
    archivedLearner: (item) => {
      const { row } = item.input as unknown as ImportItemInput;
      return { email: row.email, firstName: row.firstName, lastName: row.lastName };
    },
  },
};

function runOf(job: Job): ArchivingRun {
  const run = RUNS[job.kind];
  if (!run) throw new Error(`${job.kind} jobs do not archive learners`);
  return run;
}

/** The archive part of a bulk archive or an import, for the approval request. */
export function approvalOf(job: Job): ArchiveApproval {
  return runOf(job).approval(job);
}

export function runNoun(job: Job): ArchivingRun["noun"] {
  return runOf(job).noun;
}

/**
 * The safeguards of every run that archives learners: above the threshold it waits for a second
 * admin (never the one who asked), and once it has run, Reactivate all undoes exactly its archives.
 */
export function createArchiveRuns(deps: Pick<LearnersDeps, "access" | "audit" | "jobStore" | "prisma">) {
  const { access, audit, jobStore } = deps;

  async function load(actor: Actor, jobId: string): Promise<Result<{ job: Job; run: ArchivingRun }>> {
    const job = await jobStore.get(jobId);
    const run = job ? RUNS[job.kind] : undefined;
    if (!job || !run || job.workspaceId !== actor.workspaceId) return fail("That run no longer exists.");
    return { ok: true, job, run };
  }

  /** Deciding on a run waiting for approval is an admin's: the same right as archiving in bulk. */
  async function loadForDecision(actor: Actor, jobId: string): Promise<Result<{ job: Job; run: ArchivingRun }>> {
    const allowed = await access.check(actor, "learner.archive-bulk", { type: "job", id: jobId });
    if (!allowed.allowed) return fail(allowed.reason);
    return load(actor, jobId);
  }

  /** An import's upload follows its job: imported once approved, cancelled once rejected. */
  async function settleUpload(job: Job, status: "imported" | "cancelled"): Promise<void> {
    if (job.kind === JOB_IMPORT) await deps.prisma.upload.updateMany({ where: { jobId: job.id }, data: { status } });
  }

  const reread = async (job: Job) => (await jobStore.get(job.id)) ?? job;

  return {
    /** The second admin's yes; the one who asked cannot give it. */
    async approve(actor: Actor, jobId: string): Promise<Result<{ job: Job; approved: boolean }>> {
      const loaded = await loadForDecision(actor, jobId);
      if (!loaded.ok) return loaded;
      const { job, run } = loaded;
      const action = `${run.auditPrefix}.approve`;
      if (job.actorSlackId === actor.userId) {
        await audit.record(actor, { action, targetType: "job", targetId: jobId, outcome: "refused" });
        return fail(`You asked for this ${run.noun}, so another admin has to approve it.`);
      }
      const approved = await jobStore.transition(jobId, ["awaiting-second-approval"], "queued", {
        approvedBy: actor.userId,
      });
      if (approved) {
        await settleUpload(job, "imported");
        await audit.record(actor, {
          action,
          targetType: "job",
          targetId: jobId,
          outcome: "ok",
          details: { count: run.approval(job).count },
        });
      }
      return { ok: true, job: await reread(job), approved };
    },

    /** Turns down a run waiting for approval; the admin who asked may withdraw it too. */
    async reject(actor: Actor, jobId: string): Promise<Result<{ job: Job; rejected: boolean }>> {
      const loaded = await loadForDecision(actor, jobId);
      if (!loaded.ok) return loaded;
      const { job, run } = loaded;
      const rejected = await jobStore.transition(jobId, ["awaiting-second-approval"], "cancelled", {
        approvedBy: actor.userId,
      });
      if (rejected) {
        await settleUpload(job, "cancelled");
        await audit.record(actor, {
          action: `${run.auditPrefix}.reject`,
          targetType: "job",
          targetId: jobId,
          outcome: "ok",
        });
      }
      return { ok: true, job: await reread(job), rejected };
    },

    /** Undo: reactivates exactly the learners that run archived; pressing twice starts one job. */
    async reactivateAll(actor: Actor, jobId: string): Promise<Result<{ job: Job; created: boolean }>> {
      const loaded = await load(actor, jobId);
      if (!loaded.ok) return loaded;
      const { job: original, run } = loaded;
      const allowed = await access.check(actor, run.undoAction, { type: "job", id: jobId });
      if (!allowed.allowed) return fail(allowed.reason);
      if (original.status === "queued" || original.status === "running")
        return fail(`That ${run.noun} is still running; undo it when it has finished.`);
      const archived = (await jobStore.items(jobId)).filter((item) => item.outcome === "archived");
      if (archived.length === 0) return fail("That run archived nobody, so there is nothing to reactivate.");
      const { job, created } = await createFollowUp({ store: jobStore, audit }, actor, {
        kind: JOB_REACTIVATE,
        idempotencyKey: `undo:${jobId}`,
        params: { undoOf: jobId },
        items: archived.map((item) => ({ key: item.key, seq: item.seq, input: run.archivedLearner(item) })),
        place: original,
        audit: { action: "learner.reactivate-all", details: { undoOf: jobId, count: archived.length } },
      });
      return { ok: true, job, created };
    },
  };
}
