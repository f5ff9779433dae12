import type { LearnerStatus } from "../../domain/learners/learner";
import type { ItemResult, JobHandler } from "../../jobs/types";
import type { Actor } from "../actor";
import { lmsName } from "../lms-name";
import { JOB_ARCHIVE, JOB_REACTIVATE, LEARNER_JOB_CONCURRENCY, type LearnersDeps } from "./deps";

/** One learner of a bulk archive or of an undo: who, and their name for the report. */
export interface StatusItemInput {
  /** The LMS's user ID; absent in an import's undo, which finds the learner by email, as the import did. */
  userId?: string;
  email: string;
  firstName: string;
  lastName: string;
}

/**
 * Archives (or reactivates) one learner, looking first: a learner already there is left alone,
 * so a repeat is harmless; the status the LMS answers with is checked.
 */
export function statusJobHandler(
  target: LearnerStatus,
  deps: Pick<LearnersDeps, "lms" | "lmsVendor" | "audit">,
): JobHandler {
  const archive = target === "Archived";
  return {
    kind: archive ? JOB_ARCHIVE : JOB_REACTIVATE,
    concurrency: LEARNER_JOB_CONCURRENCY,
    async processItem(item, job): Promise<ItemResult> {
      const { userId, email } = item.input as unknown as StatusItemInput;
      const actor: Actor = { workspaceId: job.workspaceId, userId: job.approvedBy ?? job.actorSlackId };
      const current = userId === undefined ? await deps.lms.findByEmail(email) : await deps.lms.findByUserId(userId);
      if (!current)
        return { status: "failed", outcome: "failed", message: `${lmsName(deps)} no longer has this learner.` };
      if (current.status === target) return { status: "skipped", outcome: "unchanged", message: `already ${target}` };
      const updated = await deps.lms.update(current.userId, { status: target });
      const ok = updated.status === target;
      await deps.audit.record(actor, {
        action: archive ? "learner.archive" : "learner.reactivate",
        targetType: "cacwt-learner",
        targetId: current.userId,
        outcome: ok ? "ok" : "failed",
        details: { via: job.kind, jobId: job.id, from: current.status, to: updated.status },
      });
      if (!ok)
        return { status: "failed", outcome: "failed", message: `${lmsName(deps)} kept the learner ${updated.status}.` };
      return { status: "done", outcome: archive ? "archived" : "reactivated" };
    },
  };
}
