import { count } from "../plural";
import { rejectedRowsCsv } from "../../domain/learners/report";
import type { Job } from "../../jobs/types";
import type { Actor } from "../actor";
import { mention } from "../mention";
import { fail, type Result } from "../result";
import { approvalOf } from "./archive-runs";
import { JOB_IMPORT, type LearnersDeps } from "./deps";
import type { ImportParams, StoredPreview } from "./import-preview";
import { importLogRows, type ImportLog } from "./import-log";
import type { CsvFile } from "./one";

interface Located {
  channelId: string;
  threadTs: string;
}

/** Import, Cancel and Download errors on a preview, and the log at the end. */
export function createImportRun(deps: Pick<LearnersDeps, "access" | "audit" | "prisma" | "jobStore">) {
  const { access, prisma, jobStore } = deps;

  async function load(actor: Actor | null, jobId: string) {
    const job = await jobStore.get(jobId);
    if (!job || job.kind !== JOB_IMPORT || (actor && job.workspaceId !== actor.workspaceId)) return null;
    const upload = await prisma.upload.findFirst({ where: { jobId } });
    return upload ? { job, upload, preview: upload.preview as unknown as StoredPreview } : null;
  }

  const gone = () => fail("That import preview no longer exists; upload the file again.");

  return {
    /**
     * Import pressed: starts the import once, whoever presses first. An import that archives more
     * learners than the threshold allows waits for another admin instead (archive-runs.ts); only
     * the uploader can ask for that, as only the admin who previews a bulk archive can.
     */
    async start(
      actor: Actor,
      jobId: string,
    ): Promise<Result<{ job: Job; state: "queued" | "awaiting-second-approval" | "stale" }>> {
      const allowed = await access.check(actor, "learner.import", { type: "job", id: jobId });
      if (!allowed.allowed) return fail(allowed.reason);
      const found = await load(actor, jobId);
      if (!found) return gone();
      // A preview stored before imports counted their archives cannot be weighed against the threshold.
      if (!(found.job.params as Partial<ImportParams> | null)?.archive) {
        return fail("That preview was made by an earlier version of carebridge; share the file again for a new one.");
      }
      const archive = approvalOf(found.job);
      if (archive.needsSecondApproval && found.job.status === "preview" && found.job.actorSlackId !== actor.userId) {
        return fail(
          `Importing this file archives ${count(archive.count, "learner")}, so another admin has to approve it; only ${mention(found.job.actorSlackId)}, who shared it, can ask for that.`,
        );
      }
      const next = archive.needsSecondApproval ? "awaiting-second-approval" : "queued";
      const moved = await jobStore.transition(
        jobId,
        ["preview"],
        next,
        next === "queued" ? { approvedBy: actor.userId } : {},
      );
      const job = (await jobStore.get(jobId)) ?? found.job;
      if (!moved) return { ok: true, job, state: "stale" };
      if (next === "awaiting-second-approval") {
        await deps.audit.record(actor, {
          action: "learner.import.request",
          targetType: "job",
          targetId: jobId,
          outcome: "ok",
          details: { rows: job.total, count: archive.count, activeTotal: archive.activeTotal },
        });
        return { ok: true, job, state: next };
      }
      await prisma.upload.update({ where: { id: found.upload.id }, data: { status: "imported" } });
      await deps.audit.record(actor, {
        action: "learner.import",
        targetType: "upload",
        targetId: found.upload.id,
        outcome: "ok",
        details: { jobId, rows: job.total },
      });
      return { ok: true, job, state: next };
    },

    async cancel(actor: Actor, jobId: string): Promise<Result<{ job: Job; cancelled: boolean }>> {
      const allowed = await access.check(actor, "learner.import", { type: "job", id: jobId });
      if (!allowed.allowed) return fail(allowed.reason);
      const found = await load(actor, jobId);
      if (!found) return gone();
      const cancelled = await jobStore.transition(jobId, ["preview"], "cancelled", { approvedBy: actor.userId });
      if (cancelled) {
        await prisma.upload.update({ where: { id: found.upload.id }, data: { status: "cancelled" } });
        await deps.audit.record(actor, {
          action: "learner.import.cancel",
          targetType: "upload",
          targetId: found.upload.id,
          outcome: "ok",
        });
      }
      return { ok: true, job: (await jobStore.get(jobId)) ?? found.job, cancelled };
    },

    /** The rejected rows with every problem, as a CSV to fix in the spreadsheet. */
    async errors(actor: Actor, jobId: string): Promise<Result<{ file: CsvFile } & Located>> {
      const allowed = await access.check(actor, "learner.import", { type: "job", id: jobId });
      if (!allowed.allowed) return fail(allowed.reason);
      const found = await load(actor, jobId);
      if (!found) return gone();
      const { preview, upload } = found;
      if (preview.rejected.length === 0) return fail("No row of that file was rejected.");
      const rows = preview.rejected.map((r) => ({
        line: r.line,
        email: r.email,
        firstName: r.firstName ?? "",
        lastName: r.lastName ?? "",
        outcome: "rejected" as const,
        details: r.problems,
      }));
      return {
        ok: true,
        file: { filename: `errors-${baseName(preview.filename)}.csv`, content: rejectedRowsCsv({ rows }) },
        channelId: upload.channelId,
        threadTs: upload.threadTs ?? "",
      };
    },

    /** Every line of the file with what happened to it, once the import job has ended. */
    async log(jobId: string): Promise<(ImportLog & Located) | null> {
      const found = await load(null, jobId);
      if (!found) return null;
      const { preview, upload, job } = found;
      const { counts, rows } = importLogRows(await jobStore.items(jobId), preview.rejected);
      return {
        filename: preview.filename,
        job,
        counts,
        file: { filename: `import-log-${baseName(preview.filename)}.csv`, content: rows },
        channelId: upload.channelId,
        threadTs: upload.threadTs ?? job.messageTs ?? "",
      };
    },
  };
}

function baseName(filename: string): string {
  return filename.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "-");
}
