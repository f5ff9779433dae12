import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client";
import { JobRunner } from "../../src/jobs/runner";
import { createJobStore, type JobStore } from "../../src/jobs/store";
import type { ItemResult, JobHandler, JobItem } from "../../src/jobs/types";
import { silentLogger } from "../../src/logger";
import { testDatabase } from "../support/db";

const describeError = (e: unknown) => (e instanceof Error ? e.message : String(e));

describe("job runner", () => {
  let db: Database;
  let store: JobStore;
  beforeAll(async () => {
    db = await testDatabase();
    store = createJobStore(db.prisma);
    await db.prisma.workspace.create({ data: { id: "T1" } });
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await db.prisma.job.deleteMany();
  });

  const newJob = (n: number, idempotencyKey?: string) =>
    store.create({
      workspaceId: "T1",
      kind: "count",
      actorSlackId: "U1",
      params: {},
      status: "queued",
      items: Array.from({ length: n }, (_, i) => ({ key: `k${i}`, seq: i, input: { n: i } })),
      idempotencyKey,
    });

  function countingHandler(effects: string[]): JobHandler {
    return {
      kind: "count",
      concurrency: 3,
      async processItem(item: JobItem): Promise<ItemResult> {
        effects.push(item.key);
        if ((item.input as { n: number }).n % 10 === 7)
          return { status: "failed", outcome: "failed", message: "no email" };
        return { status: "done", outcome: "created" };
      },
    };
  }

  it("processes every item once, counts outcomes and failures", async () => {
    const effects: string[] = [];
    const runner = new JobRunner({ store, logger: silentLogger, describeError, flushEvery: 7 });
    runner.register(countingHandler(effects));
    const progress: number[] = [];
    runner.observe({ progress: async (j) => void progress.push(j.processed), finished: async () => {} });

    const { job } = await newJob(40);
    const done = await runner.run(job.id);

    expect(done?.status).toBe("done");
    expect(done?.processed).toBe(40);
    expect(done?.failed).toBe(4);
    expect(effects).toHaveLength(40);
    expect(await store.outcomes(job.id)).toEqual({ created: 36, failed: 4 });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(40);
  });

  it("keeps every result when items finish out of order across flushes", async () => {
    const runner = new JobRunner({ store, logger: silentLogger, describeError, flushEvery: 3, flushMs: 0 });
    runner.register({
      kind: "count",
      concurrency: 4,
      async processItem(item) {
        await new Promise((r) => setTimeout(r, (item.seq * 7) % 11));
        return { status: "done", outcome: "created" };
      },
    });
    const { job } = await newJob(50);
    const done = await runner.run(job.id);
    expect(done?.processed).toBe(50);
    expect(await db.prisma.jobItem.count({ where: { jobId: job.id, status: "pending" } })).toBe(0);
  });

  it("creates a job with tens of thousands of items in one piece", async () => {
    const { job } = await newJob(30_000);
    expect(await db.prisma.jobItem.count({ where: { jobId: job.id } })).toBe(30_000);
    expect((await store.pendingItems(job.id, 29_997, 10)).map((i) => i.key)).toEqual(["k29998", "k29999"]);
  });

  it("returns the same job for the same idempotency key (a double click starts one job)", async () => {
    const [a, b] = await Promise.all([newJob(3, "confirm:abc"), newJob(3, "confirm:abc")]);
    expect(a.job.id).toBe(b.job.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await db.prisma.job.count()).toBe(1);
  });

  it("a live lease keeps a second runner out; once stale, the job resumes with only its pending items", async () => {
    const effects: string[] = [];
    let clock = new Date("2026-11-23T10:00:00Z");
    const { job } = await newJob(30);
    // What a killed runner leaves behind: ten items done, the job running under its lease.
    const firstTen = await db.prisma.jobItem.findMany({ where: { jobId: job.id, seq: { lt: 10 } } });
    await store.record(
      job.id,
      firstTen.map((i) => ({ itemId: i.id, result: { status: "done", outcome: "created" } })),
    );
    await db.prisma.job.update({
      where: { id: job.id },
      data: { status: "running", leaseUntil: new Date(clock.getTime() + 60_000) },
    });

    const restarted = new JobRunner({ store, logger: silentLogger, describeError, now: () => clock });
    restarted.register(countingHandler(effects));
    expect(await restarted.resumeInterrupted()).toEqual([]);
    expect(await restarted.run(job.id)).toBeNull();

    clock = new Date(clock.getTime() + 61_000);
    expect(await restarted.resumeInterrupted()).toEqual([job.id]); // no queue: it runs here
    const finished = await store.get(job.id);
    expect(finished?.status).toBe("done");
    expect(finished?.processed).toBe(30);
    expect(effects.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `k${i + 10}`).sort());
  });
});
