import { generateTemporaryPassword } from "../../domain/learners/password";
import { learnerPatch, planRow } from "../../domain/learners/preview";
import { newLearnerFrom } from "../../domain/learners/row";
import { createNoteOf } from "../../jobs/store";
import type { CreateNote, ItemResult, JobHandler } from "../../jobs/types";
import { ConflictError, UnavailableError } from "../../providers/http/errors";
import type { Actor } from "../actor";
import { lmsName } from "../lms-name";
import { californiaToday, JOB_IMPORT, LEARNER_JOB_CONCURRENCY, type LearnersDeps } from "./deps";
import type { ImportItemInput } from "./import-preview";

const DONE_WORD = { update: "updated", archive: "archived", reactivate: "reactivated" } as const;
const ACTION = { update: "learner.update", archive: "learner.archive", reactivate: "learner.reactivate" } as const;

/**
 * Applies one row of an import, one LMS call per change (not CACWT's own CSV import): each
 * line gets its own outcome, SCIM works the same, every learner gets a strong password of their
 * own, and a repeat is harmless because the row is planned again against what the LMS has now.
 */
export function importJobHandler(
  deps: Pick<LearnersDeps, "lms" | "lmsVendor" | "audit" | "now" | "randomBytes" | "jobStore">,
): JobHandler {
  const { lms, audit } = deps;
  return {
    kind: JOB_IMPORT,
    concurrency: LEARNER_JOB_CONCURRENCY,
    async processItem(item, job): Promise<ItemResult> {
      const { row, archiveOnly = false } = item.input as unknown as ImportItemInput;
      const actor: Actor = { workspaceId: job.workspaceId, userId: job.approvedBy ?? job.actorSlackId };
      // Noted before the create goes out: a redo after a crash lost this row's result finds the
      // learner as the row wants it, and reports what this job did (created), not "unchanged".
      const create = createNoteOf(deps.jobStore, item);
      const result = await applyRow(row, actor, job.id, false, create, archiveOnly);
      return result ?? (await applyRow(row, actor, job.id, true, create, archiveOnly))!;
    },
  };

  /**
   * Undefined when the create met a learner that appeared since the look-up (another run of
   * this job, say): the caller plans the row again against it.
   */
  async function applyRow(
    row: ImportItemInput["row"],
    actor: Actor,
    jobId: string,
    retried: boolean,
    create: CreateNote,
    archiveOnly: boolean,
  ): Promise<ItemResult | undefined> {
    const current = await lms.findByEmail(row.email);
    // The preview found them; a learner removed from the LMS since is not created by an archival file.
    if (archiveOnly && current === null)
      return {
        status: "failed",
        outcome: "failed",
        message: `${lmsName(deps)} no longer has this learner; nothing was created.`,
      };
    const plan = planRow(row, current ?? undefined);
    const via = { via: "import", jobId, line: row.line };

    if (plan.outcome === "unchanged")
      return { status: "done", outcome: (await create.earlier()) === "create" ? "created" : "unchanged" };
    if (plan.outcome === "create") {
      const learner = newLearnerFrom(row, californiaToday(deps.now()));
      await create.note("create");
      try {
        await lms.create({ ...learner, temporaryPassword: generateTemporaryPassword(deps.randomBytes) });
      } catch (error) {
        // Applied before the answer was lost (never resent)? The email tells; unknown still → the outage.
        const applied =
          error instanceof UnavailableError &&
          error.mayHaveApplied &&
          (await lms.findByEmail(row.email).catch(() => null)) !== null;
        if (applied) return created(row, actor, learner.userId, via);
        if (!(error instanceof ConflictError)) throw error;
        if (!retried) return undefined;
        return {
          status: "failed",
          outcome: "failed",
          message: `${lmsName(deps)} already has a learner with this email or user ID; check it in ${lmsName(deps)}, then retry.`,
        };
      }
      return created(row, actor, learner.userId, via);
    }
    if (current === null) throw new Error("planned a change to a learner the LMS does not have");
    const updated = await lms.update(current.userId, learnerPatch(plan));
    const details = { ...via, fields: [...plan.changes], from: current.status, to: updated.status };
    if (plan.outcome !== "update" && updated.status !== row.status) {
      await audit.record(actor, {
        action: ACTION[plan.outcome],
        targetType: "cacwt-learner",
        targetId: current.userId,
        outcome: "failed",
        details,
      });
      return { status: "failed", outcome: "failed", message: `${lmsName(deps)} kept the learner ${updated.status}.` };
    }
    await audit.record(actor, {
      action: ACTION[plan.outcome],
      targetType: "cacwt-learner",
      targetId: current.userId,
      outcome: "ok",
      details,
    });
    return {
      status: "done",
      outcome: DONE_WORD[plan.outcome],
      ...(plan.changes.length > 0 ? { message: `changed ${plan.changes.join(", ")}` } : {}),
    };
  }

  async function created(
    row: ImportItemInput["row"],
    actor: Actor,
    userId: string,
    via: Record<string, unknown>,
  ): Promise<ItemResult> {
    await audit.record(actor, {
      action: "learner.create",
      targetType: "cacwt-learner",
      targetId: userId,
      outcome: "ok",
      details: { ...via, status: row.status },
    });
    return {
      status: "done",
      outcome: "created",
      ...(row.status === "Archived" ? { message: "created as Archived" } : {}),
    };
  }
}
