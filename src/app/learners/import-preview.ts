import { CsvInputError, describeCsvProblem } from "../../domain/csv/errors";
import {
  type ChangedField,
  type FileIntent,
  indexLearners,
  isRename,
  type Outcome,
  type RowOutcome,
} from "../../domain/learners/preview";
import { describeFileForm, describeIgnoredValues } from "../../domain/learners/report";
import type { LearnerRow } from "../../domain/learners/row";
import { Prisma } from "../../generated/prisma/client";
import type { CacwtLearner } from "../../providers/roles";
import type { Actor } from "../actor";
import { fail, type Result } from "../result";
import { archiveApproval, type ArchiveApproval } from "./archive-runs";
import { JOB_IMPORT, type LearnersDeps } from "./deps";
import { FileDownloadError, looksLikeCsvFile, type IncomingFile } from "./incoming-file";
import { nameOf } from "./one";
import { previewFile, type FilePreview } from "./preview-file";

/** The changes whose first rows the preview names (rejected rows are all kept with their problems). */
export const LISTED_CHANGES = ["create", "update", "archive", "reactivate"] as const;
export type ListedChange = (typeof LISTED_CHANGES)[number];
export type PersonRow = {
  line: number;
  email: string;
  firstName: string;
  lastName: string;
  /** For an update that renames the learner: the name CACWT has now. */
  renamedFrom?: string;
};
/** Enough to name the people of each kind in the preview; the rest are in the changes CSV. */
const FIRST_ROWS = 5;

/** What an upload's preview keeps (Upload.preview): enough for the message, the errors file and the log. */
export interface StoredPreview {
  filename: string;
  /** "archive" for a file in the vendor's archival layout: it archives the learners it lists, nothing else. */
  intent?: FileIntent;
  counts: Record<Outcome, number>;
  createdArchived: number;
  /** How many of the updates change a name; absent from previews stored before renames were counted. */
  renamed?: number;
  /** The first rows of each change, for the preview to name the people; absent from older stored previews. */
  firstRows?: Record<ListedChange, PersonRow[]>;
  /** Every rejected row with all its problems; the names are absent from previews stored before they were kept. */
  rejected: Array<{ line: number; email: string; firstName?: string; lastName?: string; problems: string[] }>;
  /** Sentences about how the file was read (encoding, delimiter, title lines); absent from older stored previews. */
  fileNotes?: string[];
  /** Sentences about template columns the file filled that are not used. */
  ignored: string[];
  unknownColumns: string[];
}

export interface ImportPreview extends StoredPreview {
  uploadId: string;
  jobId: string;
  /** The learners it would archive, and whether that needs a second admin's approval before it runs. */
  archive: ArchiveApproval;
  /** When the same bytes were imported before, and who pressed Import. */
  previousImport: { at: Date; by: string } | null;
}

/** What an import job carries besides its items. */
export interface ImportParams {
  filename: string;
  fileId: string;
  archive: ArchiveApproval;
}

/** One import job item: a row that passed, normalized; the job plans it again against CACWT when it runs. */
export interface ImportItemInput {
  row: LearnerRow;
  /** From an archival file: the job archives the learner or leaves them be, and never creates one. */
  archiveOnly?: true;
}

export function createImportPreview(
  deps: Pick<LearnersDeps, "lms" | "access" | "audit" | "prisma" | "jobStore" | "csvLimits" | "settings">,
) {
  const { access, prisma, jobStore, csvLimits } = deps;

  async function readFile(file: IncomingFile, known: CacwtLearner[]): Promise<Result<FilePreview>> {
    try {
      return { ok: true, ...(await previewFile(await file.open(), known, csvLimits)) };
    } catch (error) {
      if (error instanceof CsvInputError || error instanceof FileDownloadError) return fail(error.message);
      throw error;
    }
  }

  async function previousImport(workspaceId: string, sha256: string): Promise<ImportPreview["previousImport"]> {
    const earlier = await prisma.upload.findFirst({
      where: { workspaceId, sha256, status: "imported" },
      orderBy: { createdAt: "desc" },
    });
    const job = earlier?.jobId ? await jobStore.get(earlier.jobId) : null;
    if (!earlier || !job) return null;
    return { at: job.startedAt ?? job.updatedAt, by: job.approvedBy ?? job.actorSlackId };
  }

  return {
    /**
     * Checks who uploaded and what before downloading anything, then previews the file against
     * CACWT and keeps the plan as a job waiting for Import.
     */
    async preview(actor: Actor, file: IncomingFile): Promise<Result<{ preview: ImportPreview }>> {
      const allowed = await access.check(actor, "learner.import", { type: "file", id: file.id });
      if (!allowed.allowed) return fail(allowed.reason);
      if (!looksLikeCsvFile(file)) {
        return fail(
          `${file.name} is not a CSV file; carebridge imports learners from the CACWT template saved as "CSV UTF-8".`,
        );
      }
      if (file.size > csvLimits.maxBytes)
        return fail(describeCsvProblem({ code: "too_large", maxBytes: csvLimits.maxBytes }));
      const where = { workspaceId_slackFileId: { workspaceId: actor.workspaceId, slackFileId: file.id } };
      if (await prisma.upload.findUnique({ where }))
        return fail("carebridge has already previewed this file; use the buttons on that preview.");

      const known: CacwtLearner[] = [];
      for await (const learner of deps.lms.list({})) known.push(learner);
      const read = await readFile(file, known);
      if (!read.ok) return read;
      const { preview, accepted, sha256 } = read;
      const stored: StoredPreview = {
        filename: file.name,
        intent: preview.intent,
        counts: preview.counts,
        createdArchived: preview.createdArchived,
        renamed: preview.renamed,
        firstRows: firstRowsOf(preview.rows, known),
        rejected: preview.rows.flatMap((r) =>
          r.outcome === "rejected"
            ? [{ line: r.line, email: r.email, firstName: r.firstName, lastName: r.lastName, problems: [...r.details] }]
            : [],
        ),
        fileNotes: describeFileForm(preview.form, preview.rows),
        ignored: describeIgnoredValues(preview.ignoredValues),
        unknownColumns: preview.unknownColumns,
      };
      const before = await previousImport(actor.workspaceId, sha256);
      const archivedLines = new Set(preview.rows.flatMap((r) => (r.outcome === "archive" ? [r.line] : [])));
      const archive = archiveApproval(
        preview.intent === "archive"
          ? `the learners listed in the archival file ${file.name}`
          : `rows with Status Archived in ${file.name}`,
        preview.counts.archive,
        accepted.filter((row) => archivedLines.has(row.line)).map(nameOf),
        known.filter((l) => l.status === "Active").length,
        (await deps.settings(actor.workspaceId)).archive,
      );
      const { job } = await jobStore.create({
        workspaceId: actor.workspaceId,
        kind: JOB_IMPORT,
        actorSlackId: actor.userId,
        params: { filename: file.name, fileId: file.id, archive } satisfies ImportParams,
        status: "preview",
        items: accepted.map((row) => {
          const input: ImportItemInput = preview.intent === "archive" ? { row, archiveOnly: true } : { row };
          return { key: row.email, seq: row.line, input };
        }),
        channelId: file.channelId,
        threadTs: file.threadTs,
      });
      let uploadId: string;
      try {
        const upload = await prisma.upload.create({
          data: {
            workspaceId: actor.workspaceId,
            slackFileId: file.id,
            sha256,
            filename: file.name,
            uploaderId: actor.userId,
            channelId: file.channelId,
            threadTs: file.threadTs,
            status: "previewed",
            preview: stored as unknown as Prisma.InputJsonValue,
            jobId: job.id,
          },
        });
        uploadId = upload.id;
      } catch (error) {
        // The same file shared twice at once: the first preview stands.
        if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
        await jobStore.transition(job.id, ["preview"], "cancelled");
        return fail("carebridge has already previewed this file; use the buttons on that preview.");
      }
      await deps.audit.record(actor, {
        action: "learner.import.preview",
        targetType: "upload",
        targetId: uploadId,
        outcome: "ok",
        details: { ...stored.counts, createdArchived: stored.createdArchived },
      });
      return { ok: true, preview: { ...stored, uploadId, jobId: job.id, archive, previousImport: before } };
    },
  };
}

function firstRowsOf(rows: readonly RowOutcome[], known: readonly CacwtLearner[]): Record<ListedChange, PersonRow[]> {
  const first = Object.fromEntries(LISTED_CHANGES.map((o) => [o, [] as PersonRow[]])) as Record<
    ListedChange,
    PersonRow[]
  >;
  const index = indexLearners(known);
  for (const { outcome, line, email, firstName, lastName, details } of rows) {
    if (outcome === "unchanged" || outcome === "rejected" || first[outcome].length >= FIRST_ROWS) continue;
    const was = outcome === "update" && isRename(details as ChangedField[]) ? index.get(email) : undefined;
    first[outcome].push({ line, email, firstName, lastName, ...(was ? { renamedFrom: nameOf(was) } : {}) });
  }
  return first;
}
