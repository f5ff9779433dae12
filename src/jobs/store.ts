import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { CreateNote, ItemResult, Job, JobItem, JobReportOutbox, JobStatus, NewJob } from "./types";

const INSERT_BATCH = 5_000;

/** The outcome of an item a person left out of a job while it was still a preview. */
export const LEFT_OUT = "left-out";

/**
 * A report Slack keeps refusing (the channel archived, the bot removed) is given up on after this
 * many tries, about a day of sweeps, rather than tried for ever; a Slack outage is shorter.
 */
const MAX_REPORT_ATTEMPTS = 1_440;

export type JobStore = ReturnType<typeof createJobStore>;

export function createJobStore(prisma: PrismaClient) {
  return {
    /** Creates the job and its items, or returns the job already made under the same idempotency key. */
    async create(spec: NewJob): Promise<{ job: Job; created: boolean }> {
      if (spec.idempotencyKey) {
        const existing = await prisma.job.findUnique({ where: { idempotencyKey: spec.idempotencyKey } });
        if (existing) return { job: existing, created: false };
      }
      try {
        const job = await prisma.$transaction(
          async (tx) => {
            const row = await tx.job.create({
              data: {
                workspaceId: spec.workspaceId,
                kind: spec.kind,
                status: spec.status,
                actorSlackId: spec.actorSlackId,
                params: spec.params as Prisma.InputJsonValue,
                idempotencyKey: spec.idempotencyKey ?? null,
                total: spec.items.length,
                channelId: spec.channelId ?? null,
                threadTs: spec.threadTs ?? null,
              },
            });
            // One statement per batch of arrays: a 100,000-row CSV import is 20 statements, not 100,000.
            for (let i = 0; i < spec.items.length; i += INSERT_BATCH) {
              const batch = spec.items.slice(i, i + INSERT_BATCH);
              await tx.$executeRaw`
              INSERT INTO "JobItem" ("id", "jobId", "key", "seq", "input", "updatedAt")
              SELECT gen_random_uuid()::text, ${row.id}, t.key, t.seq, t.input::jsonb, now()
              FROM unnest(${batch.map((b) => b.key)}::text[], ${batch.map((b) => b.seq)}::int[],
                          ${batch.map((b) => JSON.stringify(b.input ?? null))}::text[]) AS t(key, seq, input)`;
            }
            return row;
          },
          { timeout: 10 * 60_000, maxWait: 30_000 },
        );
        return { job, created: true };
      } catch (error) {
        // Two requests raced past the look-up: the loser takes the winner's job.
        if (spec.idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
          const job = await prisma.job.findUniqueOrThrow({ where: { idempotencyKey: spec.idempotencyKey } });
          return { job, created: false };
        }
        throw error;
      }
    },

    get(jobId: string): Promise<Job | null> {
      return prisma.job.findUnique({ where: { id: jobId } });
    },

    /** Moves a job from one status to another only if it is still in the first: one click wins. */
    async transition(
      jobId: string,
      from: JobStatus[],
      to: JobStatus,
      data: Partial<Pick<Job, "approvedBy" | "error">> = {},
    ): Promise<boolean> {
      const { count } = await prisma.job.updateMany({
        where: { id: jobId, status: { in: from } },
        data: { status: to, ...data },
      });
      return count === 1;
    },

    /**
     * Leaves one item of a job still in preview out of it, or puts it back. The job's row is
     * locked meanwhile, so a press that races the Confirm either lands before it or is refused:
     * false once the job has moved on (or has no such item).
     */
    async setLeftOut(jobId: string, seq: number, leftOut: boolean): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const open = await tx.$queryRaw<Array<{ id: string }>>`
          SELECT "id" FROM "Job" WHERE "id" = ${jobId} AND "status" = 'preview' FOR UPDATE`;
        if (open.length === 0) return false;
        const { count } = await tx.jobItem.updateMany({
          where: leftOut ? { jobId, seq, status: "pending" } : { jobId, seq, outcome: LEFT_OUT },
          data: leftOut ? { status: "skipped", outcome: LEFT_OUT } : { status: "pending", outcome: null },
        });
        if (count === 1) return true;
        // Pressed twice: already as asked.
        return (await tx.jobItem.count({ where: { jobId, seq } })) === 1;
      });
    },

    /** A page of a job's items in order, left-out ones among them. */
    itemPage(jobId: string, offset: number, limit: number): Promise<JobItem[]> {
      return prisma.jobItem.findMany({ where: { jobId }, orderBy: { seq: "asc" }, skip: offset, take: limit });
    },

    /** How many of a job's items a person left out. */
    countLeftOut(jobId: string): Promise<number> {
      return prisma.jobItem.count({ where: { jobId, outcome: LEFT_OUT } });
    },

    /**
     * Confirms a preview on what is left of it, in one transaction: the left-out items are
     * dropped, so the job holds exactly the confirmed set (whichever instance runs it, after any
     * restart); `decide` sees how many are left and the first `sample` of them, and gives the
     * job's next status and params. Null when the job is no longer a preview, or `decide` says no.
     */
    async confirmSelection(
      jobId: string,
      sample: number,
      decide: (
        remaining: number,
        first: JobItem[],
      ) => { status: Extract<JobStatus, "queued" | "awaiting-second-approval">; params: unknown } | null,
    ): Promise<Job | null> {
      return prisma.$transaction(async (tx) => {
        const open = await tx.$queryRaw<Array<{ id: string }>>`
          SELECT "id" FROM "Job" WHERE "id" = ${jobId} AND "status" = 'preview' FOR UPDATE`;
        if (open.length === 0) return null;
        const remaining = await tx.jobItem.count({ where: { jobId, status: "pending" } });
        const first = await tx.jobItem.findMany({
          where: { jobId, status: "pending" },
          orderBy: { seq: "asc" },
          take: sample,
        });
        const next = decide(remaining, first);
        if (next === null) return null;
        await tx.jobItem.deleteMany({ where: { jobId, outcome: LEFT_OUT } });
        return tx.job.update({
          where: { id: jobId },
          data: { status: next.status, params: next.params as Prisma.InputJsonValue, total: remaining },
        });
      });
    },

    setMessage(jobId: string, channelId: string, messageTs: string, threadTs?: string): Promise<Job> {
      return prisma.job.update({
        where: { id: jobId },
        data: { channelId, messageTs, ...(threadTs ? { threadTs } : {}) },
      });
    },

    /** Takes the job for one runner until `until`, unless another runner holds a live lease. */
    async claim(jobId: string, now: Date, until: Date): Promise<Job | null> {
      const { count } = await prisma.job.updateMany({
        where: {
          id: jobId,
          status: { in: ["queued", "running"] },
          OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
        },
        data: { status: "running", leaseUntil: until, startedAt: now },
      });
      return count === 1 ? prisma.job.findUnique({ where: { id: jobId } }) : null;
    },

    /**
     * Extends the lease to `until` if it is still the one this runner holds (`held`, the last
     * value it wrote): false means another runner took the job over or it ended.
     */
    async renew(jobId: string, held: Date, until: Date): Promise<boolean> {
      const { count } = await prisma.job.updateMany({
        where: { id: jobId, status: "running", leaseUntil: held },
        data: { leaseUntil: until },
      });
      return count === 1;
    },

    /** Lets go of a lease still held, so another runner can take the job at once (graceful shutdown). */
    async release(jobId: string, held: Date): Promise<void> {
      await prisma.job.updateMany({
        where: { id: jobId, status: "running", leaseUntil: held },
        data: { leaseUntil: null },
      });
    },

    pendingItems(jobId: string, afterSeq: number, limit: number): Promise<JobItem[]> {
      return prisma.jobItem.findMany({
        where: { jobId, status: "pending", seq: { gt: afterSeq } },
        orderBy: { seq: "asc" },
        take: limit,
      });
    },

    /** Writes a batch of outcomes and the job's counts, in one transaction. */
    async record(jobId: string, results: Array<{ itemId: string; result: ItemResult }>): Promise<Job> {
      return prisma.$transaction(async (tx) => {
        if (results.length > 0) {
          const rows = results.map(
            ({ itemId, result }) =>
              Prisma.sql`(${itemId}, ${result.status}, ${result.outcome}, ${result.message ?? null})`,
          );
          await tx.$executeRaw`
            UPDATE "JobItem" AS j
            SET "status" = v.status, "outcome" = v.outcome, "message" = v.message,
                "attempts" = j."attempts" + 1, "updatedAt" = now()
            FROM (VALUES ${Prisma.join(rows)}) AS v(id, status, outcome, message)
            WHERE j."id" = v.id`;
        }
        const [processed, failed] = await Promise.all([
          tx.jobItem.count({ where: { jobId, status: { not: "pending" } } }),
          tx.jobItem.count({ where: { jobId, status: "failed" } }),
        ]);
        return tx.job.update({ where: { id: jobId }, data: { processed, failed } });
      });
    },

    /**
     * Ends the job if this runner still holds it (`held`); null when another runner took it over.
     * A job with a progress message owes its report from the same transaction on (the outbox):
     * no crash can fall between the end of the job and the record that its report is due.
     */
    async finish(
      jobId: string,
      held: Date,
      status: Extract<JobStatus, "done" | "failed">,
      error?: string,
    ): Promise<Job | null> {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.job.updateMany({
          where: { id: jobId, status: "running", leaseUntil: held },
          data: { status, finishedAt: new Date(), leaseUntil: null, error: error ?? null },
        });
        if (count !== 1) return null;
        const job = await tx.job.findUniqueOrThrow({ where: { id: jobId } });
        if (job.channelId && job.messageTs) {
          await tx.jobReportOutbox.createMany({ data: [{ jobId }], skipDuplicates: true });
        }
        return job;
      });
    },

    /**
     * Takes a job's report for one instance until `until`, counting the attempt; null when it was
     * delivered, given up on, or another instance holds it.
     */
    async claimReport(jobId: string, now: Date, until: Date): Promise<JobReportOutbox | null> {
      const { count } = await prisma.jobReportOutbox.updateMany({
        where: {
          jobId,
          deliveredAt: null,
          attempts: { lt: MAX_REPORT_ATTEMPTS },
          OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
        },
        data: { leaseUntil: until, attempts: { increment: 1 } },
      });
      return count === 1 ? prisma.jobReportOutbox.findUnique({ where: { jobId } }) : null;
    },

    async reportPosted(jobId: string, reportTs: string): Promise<void> {
      await prisma.jobReportOutbox.update({ where: { jobId }, data: { reportTs } });
    },

    async reportDelivered(jobId: string, at: Date): Promise<void> {
      await prisma.jobReportOutbox.update({
        where: { jobId },
        data: { deliveredAt: at, leaseUntil: null, lastError: null },
      });
    },

    /** Keeps the lease: the report is tried again once it runs out, by this instance or another. */
    async reportFailed(jobId: string, error: string): Promise<void> {
      await prisma.jobReportOutbox.update({ where: { jobId }, data: { lastError: error.slice(0, 1_000) } });
    },

    /** Jobs whose report is owed and no instance holds, oldest first. */
    async reportsOwed(now: Date, limit: number): Promise<string[]> {
      const rows = await prisma.jobReportOutbox.findMany({
        where: {
          deliveredAt: null,
          attempts: { lt: MAX_REPORT_ATTEMPTS },
          OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
        },
        orderBy: { createdAt: "asc" },
        take: limit,
        select: { jobId: true },
      });
      return rows.map((r) => r.jobId);
    },

    async pendingEffect(itemId: string): Promise<string | null> {
      const item = await prisma.jobItem.findUnique({ where: { id: itemId }, select: { pendingEffect: true } });
      return item?.pendingEffect ?? null;
    },

    /** Notes a vendor write an item is about to send or has made (see JobItem.pendingEffect). */
    async notePendingEffect(itemId: string, effect: string): Promise<void> {
      await prisma.jobItem.update({ where: { id: itemId }, data: { pendingEffect: effect } });
    },

    /** Jobs whose runner is gone or let go: queued or running with no live lease. */
    interrupted(now: Date, queuedBefore: Date): Promise<Job[]> {
      return prisma.job.findMany({
        where: {
          OR: [
            { status: "running", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
            { status: "queued", leaseUntil: null, updatedAt: { lt: queuedBefore } },
          ],
        },
      });
    },

    items(jobId: string, status?: ItemResult["status"]): Promise<JobItem[]> {
      return prisma.jobItem.findMany({ where: { jobId, ...(status ? { status } : {}) }, orderBy: { seq: "asc" } });
    },

    /** Outcome counts, e.g. { created: 10, updated: 3 }. */
    async outcomes(jobId: string): Promise<Record<string, number>> {
      const groups = await prisma.jobItem.groupBy({ by: ["outcome"], where: { jobId }, _count: { _all: true } });
      return Object.fromEntries(groups.map((g) => [g.outcome ?? "pending", g._count._all]));
    },

    recent(workspaceId: string, limit: number): Promise<Job[]> {
      return prisma.job.findMany({
        where: { workspaceId, status: { not: "preview" } },
        orderBy: { createdAt: "desc" },
        take: limit,
      });
    },
  };
}

/** The create note of one item of a job, kept through the store. */
export function createNoteOf(store: Pick<JobStore, "notePendingEffect" | "pendingEffect">, item: JobItem): CreateNote {
  return {
    earlier: async () => item.pendingEffect ?? (await store.pendingEffect(item.id)),
    note: (effect) => store.notePendingEffect(item.id, effect),
  };
}
