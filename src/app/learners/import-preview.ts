import { CsvInputError, describeCsvProblem } from "../../domain/csv/errors";
import {
  type AcceptedRow,
  type ChangedField,
  type FileIntent,
  indexLearners,
  isRename,
  type LearnerIndex,
  type Outcome,
  type RowOutcome,
} from "../../domain/learners/preview";
import { describeFileForm, describeIgnoredValues } from "../../domain/learners/report";
import type { LearnerRow } from "../../domain/learners/row";
import { Prisma } from "../../generated/prisma/client";
import type { CacwtLearner } from "../../providers/roles";
import type { Actor } from "../actor";
import { lmsName } from "../lms-name";
import { fail, type Result } from "../result";
import { archiveApproval, type ArchiveApproval, type Renames } from "./archive-runs";
import { JOB_IMPORT, type LearnersDeps } from "./deps";
import { FileDownloadError, looksLikeCsvFile, type IncomingFile } from "./incoming-file";
import { nameOf } from "./one";
import { previewFile, type FilePreview, type NewNamesake } from "./preview-file";

/** The changes whose first rows the preview names (rejected rows are all kept with their problems). */
export const LISTED_CHANGES = ["create", "update", "archive", "reactivate"] as const;
export type ListedChange = (typeof LISTED_CHANGES)[number];
export type PersonRow = {
  line: number;
  email: string;
  firstName: string;
  lastName: string;
  /** For an update that renames the learner: the name the LMS has now. */
  renamedFrom?: string;
};
/** Enough to name the people of each kind in the preview; the rest are in the changes CSV. */
const FIRST_ROWS = 5;

/** A learner the file would create whose name the LMS already has under other emails, and those learners. */
export type NamesakeRow = PersonRow & {
  /** The first few, by email. */
  existing: Array<{ email: string; status: CacwtLearner["status"] }>;
  /** How many more there are than `existing` shows. */
  more?: number;
};

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
  /**
   * The learners it would create whose names the LMS already has under other emails (seed 003: check
   * for an existing account first), the first few; absent from older stored previews.
   */
  namesakes?: { count: number; first: NamesakeRow[] };
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

/** One import job item: a row that passed, normalized; the job plans it again against the LMS when it runs. */
export interface ImportItemInput {
  row: LearnerRow;
  /** From an archival file: the job archives the learner or leaves them be, and never creates one. */
  archiveOnly?: true;
  /** What the preview said importing it would do, for the changes file; absent from older previews. */
  planned?: PlannedChange;
}

/** One row's change as the preview showed it. */
export interface PlannedChange {
  outcome: Exclude<Outcome, "rejected">;
  fields: readonly ChangedField[];
  /** For an update that renames the learner: the name the LMS had. */
  renamedFrom?: string;
  /** For a create: the learners the LMS has under this name and other emails, "email (Status)". */
  namesakes?: string[];
  /** How many namesakes more than those listed. */
  moreNamesakes?: number;
}

export function createImportPreview(
  deps: Pick<LearnersDeps, "lms" | "lmsVendor" | "access" | "audit" | "prisma" | "jobStore" | "csvLimits" | "settings">,
) {
  const { access, prisma, jobStore, csvLimits } = deps;

  async function readFile(file: IncomingFile, known: CacwtLearner[]): Promise<Result<FilePreview>> {
    try {
      return { ok: true, ...(await previewFile(await file.open(), known, csvLimits, lmsName(deps))) };
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
     * the LMS and keeps the plan as a job waiting for Import.
     */
    async preview(actor: Actor, file: IncomingFile): Promise<Result<{ preview: ImportPreview }>> {
      const allowed = await access.check(actor, "learner.import", { type: "file", id: file.id });
      if (!allowed.allowed) return fail(allowed.reason);
      if (!looksLikeCsvFile(file)) {
        return fail(
          `${file.name} is not a CSV file; carebridge imports learners from the ${lmsName(deps)} import template (/learner template) saved as "CSV UTF-8".`,
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
      const { preview, accepted, namesakes, sha256 } = read;
      const index = indexLearners(known);
      const stored: StoredPreview = {
        filename: file.name,
        intent: preview.intent,
        counts: preview.counts,
        createdArchived: preview.createdArchived,
        renamed: preview.renamed,
        firstRows: firstRowsOf(preview.rows, index),
        namesakes: { count: namesakes.length, first: namesakes.slice(0, FIRST_ROWS).map(namesakeRow) },
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
        accepted.filter((c) => archivedLines.has(c.line)).map((c) => nameOf(c.row)),
        known.filter((l) => l.status === "Active").length,
        (await deps.settings(actor.workspaceId)).archive,
        renamesOf(accepted, index),
      );
      const namesakesByLine = new Map(namesakes.map((n) => [n.row.line, n]));
      const { job } = await jobStore.create({
        workspaceId: actor.workspaceId,
        kind: JOB_IMPORT,
        actorSlackId: actor.userId,
        params: { filename: file.name, fileId: file.id, archive } satisfies ImportParams,
        status: "preview",
        items: accepted.map((c) => {
          const planned = plannedChange(c, index, namesakesByLine.get(c.line));
          const input: ImportItemInput =
            preview.intent === "archive" ? { row: c.row, archiveOnly: true, planned } : { row: c.row, planned };
          return { key: c.email, seq: c.line, input };
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
        details: {
          ...stored.counts,
          createdArchived: stored.createdArchived,
          renamed: preview.renamed,
          namesakes: namesakes.length,
        },
      });
      return { ok: true, preview: { ...stored, uploadId, jobId: job.id, archive, previousImport: before } };
    },
  };
}

function firstRowsOf(rows: readonly RowOutcome[], index: LearnerIndex): Record<ListedChange, PersonRow[]> {
  const first = Object.fromEntries(LISTED_CHANGES.map((o) => [o, [] as PersonRow[]])) as Record<
    ListedChange,
    PersonRow[]
  >;
  for (const { outcome, line, email, firstName, lastName, details } of rows) {
    if (outcome === "unchanged" || outcome === "rejected" || first[outcome].length >= FIRST_ROWS) continue;
    const was = outcome === "update" && isRename(details as ChangedField[]) ? index.get(email) : undefined;
    first[outcome].push({ line, email, firstName, lastName, ...(was ? { renamedFrom: nameOf(was) } : {}) });
  }
  return first;
}

/** The name the LMS has now for a row that renames its learner, else undefined. */
function renamedFrom(c: AcceptedRow, index: LearnerIndex): string | undefined {
  if (c.outcome !== "update" || !isRename(c.changes)) return undefined;
  const was = index.get(c.email);
  return was ? nameOf(was) : undefined;
}

function renamesOf(accepted: readonly AcceptedRow[], index: LearnerIndex): Renames {
  const sample: string[] = [];
  let count = 0;
  for (const c of accepted) {
    const from = renamedFrom(c, index);
    if (from === undefined) continue;
    count += 1;
    if (sample.length < FIRST_ROWS * 2) sample.push(`${from} → ${nameOf(c.row)}`);
  }
  return { count, sample };
}

function namesakeRow({ row, existing, total }: NewNamesake): NamesakeRow {
  const { line, email, firstName, lastName } = row;
  return {
    line,
    email,
    firstName,
    lastName,
    existing: existing.map((l) => ({ email: l.email, status: l.status })),
    ...(total > existing.length ? { more: total - existing.length } : {}),
  };
}

function plannedChange(c: AcceptedRow, index: LearnerIndex, namesake: NewNamesake | undefined): PlannedChange {
  const from = renamedFrom(c, index);
  return {
    outcome: c.outcome,
    fields: c.changes,
    ...(from === undefined ? {} : { renamedFrom: from }),
    ...(namesake === undefined
      ? {}
      : {
          namesakes: namesake.existing.map((l) => `${l.email} (${l.status})`),
          ...(namesake.total > namesake.existing.length
            ? { moreNamesakes: namesake.total - namesake.existing.length }
            : {}),
        }),
  };
}
