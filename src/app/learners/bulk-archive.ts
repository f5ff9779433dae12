import {
  describeFilter,
  exceedsArchiveThreshold,
  matchesFilter,
  type ArchiveFilter,
} from "../../domain/learners/archive-filter";
import { LEFT_OUT } from "../../jobs/store";
import type { Job, JobItem } from "../../jobs/types";
import type { CacwtLearner } from "../../providers/roles";
import type { Actor } from "../actor";
import { fail, type Result } from "../result";
import { archiveApproval, SAMPLE, type ArchiveApproval, type RunStart } from "./archive-runs";
import { JOB_ARCHIVE, type LearnersDeps } from "./deps";
import { nameOf } from "./one";
import type { StatusItemInput } from "./status-job";

/** What a bulk archive job carries besides its items, for the preview, the approval and the report. */
export interface ArchivePlan extends ArchiveApproval {
  filter: ArchiveFilter;
}

/** Candidates shown on one page of a bulk archive's preview. */
export const ARCHIVE_PAGE_SIZE = 10;

/** One learner the filter found, as the preview lists them; `seq` says which to leave out or put back. */
export interface ArchiveCandidate {
  seq: number;
  name: string;
  email: string;
  leftOut: boolean;
}

/** A page of the preview: who the filter found, who is left out, and what Confirm would archive. */
export interface ArchiveSelection {
  job: Job;
  plan: ArchivePlan;
  /** 0-based, within 0..pages-1. */
  page: number;
  pages: number;
  /** How many candidates come before this page's first. */
  offset: number;
  rows: ArchiveCandidate[];
  leftOut: number;
  /** What Confirm archives: the filter's learners less those left out. */
  remaining: number;
  /** For what is left, not for what the filter found. */
  needsSecondApproval: boolean;
}

/** What the preview's buttons answer: the page again, or what became of the job meanwhile. */
export type SelectionAnswer = { open: true; selection: ArchiveSelection } | { open: false; job: Job };

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

  async function selection(job: Job, page: number): Promise<ArchiveSelection> {
    const plan = planOf(job);
    const pages = Math.max(1, Math.ceil(job.total / ARCHIVE_PAGE_SIZE));
    const at = Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1);
    const [items, leftOut] = await Promise.all([
      jobStore.itemPage(job.id, at * ARCHIVE_PAGE_SIZE, ARCHIVE_PAGE_SIZE),
      jobStore.countLeftOut(job.id),
    ]);
    const remaining = job.total - leftOut;
    return {
      job,
      plan,
      page: at,
      pages,
      offset: at * ARCHIVE_PAGE_SIZE,
      rows: items.map(candidateOf),
      leftOut,
      remaining,
      needsSecondApproval: exceedsArchiveThreshold(remaining, plan.activeTotal, plan.threshold),
    };
  }

  /** The preview's own buttons are the asker's: it is shown to them only, and so is the choice of who to leave out. */
  async function loadOwn(actor: Actor, jobId: string): Promise<Result<{ job: Job }>> {
    const loaded = await load(actor, jobId);
    if (!loaded.ok) return loaded;
    if (loaded.job.actorSlackId !== actor.userId)
      return fail("Only the admin who previewed this archive can change it.");
    return loaded;
  }

  return {
    async preview(actor: Actor, filter: ArchiveFilter, channelId: string): Promise<Result<ArchiveSelection>> {
      const allowed = await access.check(actor, "learner.archive-bulk");
      if (!allowed.allowed) return fail(allowed.reason);
      // Every active learner, not only the filter's: the threshold is a share of all of them.
      const active: CacwtLearner[] = [];
      for await (const learner of deps.lms.list({ status: "Active" })) active.push(learner);
      const chosen = active.filter((l) => l.status === "Active" && matchesFilter(l, filter));
      chosen.sort(
        (a, b) =>
          a.lastName.localeCompare(b.lastName) ||
          a.firstName.localeCompare(b.firstName) ||
          a.email.localeCompare(b.email),
      );
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
      return { ok: true, ...(await selection(job, 0)) };
    },

    /** A page of the preview, e.g. after Next. */
    async show(actor: Actor, jobId: string, page: number): Promise<Result<SelectionAnswer>> {
      const loaded = await loadOwn(actor, jobId);
      if (!loaded.ok) return loaded;
      const { job } = loaded;
      if (job.status !== "preview") return { ok: true, open: false, job };
      return { ok: true, open: true, selection: await selection(job, page) };
    },

    /**
     * Leaves one learner the filter found out of the archive, or puts them back, while it is a
     * preview; kept with the job, so Confirm (on any instance) archives what is left.
     */
    async leaveOut(
      actor: Actor,
      jobId: string,
      seq: number,
      leftOut: boolean,
      page: number,
    ): Promise<Result<SelectionAnswer>> {
      const loaded = await loadOwn(actor, jobId);
      if (!loaded.ok) return loaded;
      const applied = await jobStore.setLeftOut(jobId, seq, leftOut);
      const job = await reread(loaded.job);
      if (!applied && job.status !== "preview") return { ok: true, open: false, job };
      if (!applied) return fail("That learner is not in this archive; run /learner archive-bulk again.");
      return { ok: true, open: true, selection: await selection(job, page) };
    },

    /** Queues the run, or, above the threshold, waits for another admin: nothing changes before that. */
    async confirm(actor: Actor, jobId: string): Promise<RunStart> {
      const loaded = await load(actor, jobId);
      if (!loaded.ok) return loaded;
      const { job } = loaded;
      if (job.actorSlackId !== actor.userId) return fail("Only the admin who previewed this archive can confirm it.");
      if (job.total === 0) return fail("No active learner matches that filter, so there is nothing to archive.");
      const asked = planOf(job);
      let plan: ArchivePlan | undefined;
      const confirmed = await jobStore.confirmSelection(jobId, SAMPLE, (remaining, first) => {
        if (remaining === 0) return null;
        plan = {
          ...asked,
          ...archiveApproval(
            asked.description,
            remaining,
            first.map((item) => nameOf(item.input as unknown as StatusItemInput)),
            asked.activeTotal,
            asked.threshold,
          ),
          leftOut: asked.count - remaining,
        };
        return { status: plan.needsSecondApproval ? "awaiting-second-approval" : "queued", params: plan };
      });
      if (!confirmed || !plan) {
        const now = await reread(job);
        if (now.status === "preview")
          return fail("You left out everyone, so there is nothing to archive; put someone back, or Cancel.");
        return { ok: true, job: now, state: "stale" };
      }
      const next = plan.needsSecondApproval ? "awaiting-second-approval" : "queued";
      await audit.record(actor, {
        action: plan.needsSecondApproval ? "learner.archive-bulk.request" : "learner.archive-bulk",
        targetType: "job",
        targetId: jobId,
        outcome: "ok",
        details: { count: plan.count, leftOut: plan.leftOut ?? 0, activeTotal: plan.activeTotal },
      });
      return { ok: true, job: confirmed, state: next };
    },

    /** Cancel on the preview: drops it; nothing was asked of the LMS. */
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

function candidateOf(item: JobItem): ArchiveCandidate {
  const input = item.input as unknown as StatusItemInput;
  return { seq: item.seq, name: nameOf(input), email: input.email, leftOut: item.outcome === LEFT_OUT };
}
