import { changesCsv, rejectedRowsCsv, type ChangeEntry } from "../../domain/learners/report";
import type { Job } from "../../jobs/types";
import type { Actor } from "../actor";
import { mention } from "../mention";
import { fail, type Result } from "../result";
import { approvalOf, approvalReasons, type RunStart } from "./archive-runs";
import { JOB_IMPORT, type LearnersDeps } from "./deps";
import type { ImportItemInput, ImportParams, StoredPreview } from "./import-preview";
import { importLogRows, type ImportLog } from "./import-log";
import type { CsvFile } from "./one";

interface Located {
  channelId: string;
  threadTs: string;
}

/** Import, Cancel, Download errors and Download changes on a preview, and the log at the end. */
export function createImportRun(deps: Pick<LearnersDeps, "access" | "audit" | "prisma" | "jobStore">) {
  const { access, prisma, jobStore } = deps;

  async function load(actor: Actor | null, jobId: string) {
    const job = await jobStore.get(jobId);
    if (!job || job.kind !== JOB_IMPORT || (actor && job.workspaceId !== actor.workspaceId)) return null;
    const upload = await prisma.upload.findFirst({ where: { jobId } });
    return upload ? { job, upload, preview: upload.preview as unknown as StoredPreview } : null;
  }

  const gone = () => fail("That import preview no longer exists; upload the file again.");

  /** The preview a button acts on, for an admin who may import: access first, then the job and its upload. */
  async function loadPressed(actor: Actor, jobId: string) {
    const allowed = await access.check(actor, "learner.import", { type: "job", id: jobId });
    if (!allowed.allowed) return fail(allowed.reason);
    const found = await load(actor, jobId);
    return found ? { ok: true as const, ...found } : gone();
  }

  /** A CSV about the preview, for the file's thread. */
  const inThread = (upload: { channelId: string; threadTs: string | null }, file: CsvFile) => ({
    ok: true as const,
    file,
    channelId: upload.channelId,
    threadTs: upload.threadTs ?? "",
  });

  /** Import or Cancel decided the preview: its upload says so, and the decision is audited on it. */
  async function settleUpload(
    actor: Actor,
    uploadId: string,
    decided: { status: "imported" | "cancelled"; action: string; details?: Record<string, unknown> },
  ): Promise<void> {
    await prisma.upload.update({ where: { id: uploadId }, data: { status: decided.status } });
    await deps.audit.record(actor, {
      action: decided.action,
      targetType: "upload",
      targetId: uploadId,
      outcome: "ok",
      ...(decided.details ? { details: decided.details } : {}),
    });
  }

  return {
    /**
     * Import pressed: starts the import once, whoever presses first. An import that archives more
     * learners than the threshold allows waits for another admin instead (archive-runs.ts); only
     * the uploader can ask for that, as only the admin who previews a bulk archive can.
     */
    async start(actor: Actor, jobId: string): Promise<RunStart> {
      const found = await loadPressed(actor, jobId);
      if (!found.ok) return found;
      // A preview stored before imports counted their archives cannot be weighed against the threshold.
      if (!(found.job.params as Partial<ImportParams> | null)?.archive) {
        return fail("That preview was made by an earlier version of carebridge; share the file again for a new one.");
      }
      const archive = approvalOf(found.job);
      if (archive.needsSecondApproval && found.job.status === "preview" && found.job.actorSlackId !== actor.userId) {
        return fail(
          `Importing this file ${approvalReasons(archive)}, so another admin has to approve it; only ${mention(found.job.actorSlackId)}, who shared it, can ask for that.`,
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
      await settleUpload(actor, found.upload.id, {
        status: "imported",
        action: "learner.import",
        details: { jobId, rows: job.total },
      });
      return { ok: true, job, state: next };
    },

    async cancel(actor: Actor, jobId: string): Promise<Result<{ job: Job; cancelled: boolean }>> {
      const found = await loadPressed(actor, jobId);
      if (!found.ok) return found;
      const cancelled = await jobStore.transition(jobId, ["preview"], "cancelled", { approvedBy: actor.userId });
      if (cancelled)
        await settleUpload(actor, found.upload.id, { status: "cancelled", action: "learner.import.cancel" });
      return { ok: true, job: (await jobStore.get(jobId)) ?? found.job, cancelled };
    },

    /** The rejected rows with every problem, as a CSV to fix in the spreadsheet. */
    async errors(actor: Actor, jobId: string): Promise<Result<{ file: CsvFile } & Located>> {
      const found = await loadPressed(actor, jobId);
      if (!found.ok) return found;
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
      return inThread(upload, {
        filename: `errors-${baseName(preview.filename)}.csv`,
        content: rejectedRowsCsv({ rows }),
      });
    },

    /**
     * Every row the preview would change or rejected, with what changes, as a CSV beside the
     * errors file: the message names only the first few of each kind.
     */
    async changes(actor: Actor, jobId: string): Promise<Result<{ file: CsvFile } & Located>> {
      const found = await loadPressed(actor, jobId);
      if (!found.ok) return found;
      const { preview, upload } = found;
      const entries: ChangeEntry[] = [];
      for (const item of await jobStore.items(jobId)) {
        const { row, planned } = item.input as unknown as ImportItemInput;
        if (!planned)
          return fail("That preview was made by an earlier version of carebridge; share the file again for a new one.");
        if (planned.outcome === "unchanged") continue;
        const { line, email, firstName, lastName } = row;
        entries.push({
          outcome: planned.outcome,
          line,
          email,
          firstName,
          lastName,
          fields: planned.fields,
          ...(planned.renamedFrom === undefined ? {} : { renamedFrom: planned.renamedFrom }),
          createdArchived: planned.outcome === "create" && row.status === "Archived",
          ...(planned.namesakes ? { namesakes: planned.namesakes, moreNamesakes: planned.moreNamesakes ?? 0 } : {}),
        });
      }
      for (const r of preview.rejected) {
        const { line, email, problems } = r;
        entries.push({
          outcome: "rejected",
          line,
          email,
          firstName: r.firstName ?? "",
          lastName: r.lastName ?? "",
          problems,
        });
      }
      if (entries.length === 0) return fail("Importing that file changes nothing.");
      return inThread(upload, { filename: `changes-${baseName(preview.filename)}.csv`, content: changesCsv(entries) });
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
