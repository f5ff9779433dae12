import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client";
import { type BossQueue, startBoss } from "../../src/jobs/boss";
import { JobRunner } from "../../src/jobs/runner";
import { createJobStore, type JobStore } from "../../src/jobs/store";
import type { Job } from "../../src/jobs/types";
import { silentLogger } from "../../src/logger";
import { testDatabase, testDatabaseKind } from "../support/db";

// Real clocks and short leases, through pg-boss: what a deploy (SIGTERM) or a crash does to a running job.
describe(`jobs resume without a restart (${testDatabaseKind})`, () => {
  let db: Database;
  let store: JobStore;
  const started: BossQueue[] = [];
  beforeAll(async () => {
    db = await testDatabase();
    store = createJobStore(db.prisma);
    await db.prisma.workspace.create({ data: { id: "T1" } });
  });
  afterEach(async () => {
    // One test's instances must not take the next test's jobs.
    for (const queue of started.splice(0)) await queue.stop();
  });
  afterAll(async () => {
    await db.close();
  });

  /** An app instance: a runner whose items append their key to `effects`, and its pg-boss workers. */
  async function instance(effects: string[], leaseMs?: number, itemMs = 25) {
    const runner = new JobRunner({
      store,
      logger: silentLogger,
      describeError: String,
      flushEvery: 2,
      ...(leaseMs ? { leaseMs } : {}),
    });
    runner.register({
      kind: "count",
      concurrency: 2,
      async processItem(item) {
        await new Promise((r) => setTimeout(r, itemMs));
        effects.push(item.key);
        return { status: "done", outcome: "created" };
      },
    });
    const queue = await startBoss(db.sql, runner, silentLogger);
    started.push(queue);
    return { runner, queue };
  }

  async function newJob(n: number): Promise<Job> {
    const { job } = await store.create({
      workspaceId: "T1",
      kind: "count",
      actorSlackId: "U1",
      params: {},
      status: "queued",
      items: Array.from({ length: n }, (_, i) => ({ key: `k${i}`, seq: i, input: {} })),
    });
    return job;
  }

  /** What a runner that crashed leaves: its first `done` items recorded, the job held until `leaseUntil`. */
  async function crashedRunner(job: Job, done: number, leaseUntil: Date): Promise<void> {
    expect(await store.claim(job.id, new Date(), leaseUntil)).not.toBeNull();
    const items = await store.pendingItems(job.id, -1, done);
    await store.record(
      job.id,
      items.map((i) => ({ itemId: i.id, result: { status: "done", outcome: "created" } })),
    );
  }

  async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (ok(value) || Date.now() > deadline) return value;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const keys = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `k${from + i}`);
  const bossStates = async (jobId: string) =>
    (
      await db.sql.executeSql("SELECT state FROM pgboss.job WHERE data->>'jobId' = $1 ORDER BY created_on", [jobId])
    ).rows.map((r) => (r as { state: string }).state);

  it("after a graceful stop, a new instance resumes the job at once, each item done once", async () => {
    const effects: string[] = [];
    const old = await instance(effects); // the usual 60 s lease
    const job = await newJob(40);
    await old.queue.send(job.id);
    await until(
      async () => effects.length,
      (n) => n >= 6,
    );
    await old.queue.stop();

    const paused = (await store.get(job.id))!;
    expect(paused).toMatchObject({ status: "running", leaseUntil: null });
    expect(paused.processed).toBe(effects.length); // the items in hand were finished and recorded
    expect(paused.processed).toBeLessThan(40);
    // The worker threw rather than completing: pg-boss will retry its message. The runner queued
    // the job again as it let go, for another instance to take at once.
    expect(
      await until(
        () => bossStates(job.id),
        (s) => s[0] === "retry",
      ),
    ).toEqual(["retry", "created"]);

    const stoppedAt = Date.now();
    await instance(effects);
    const done = await until(
      () => store.get(job.id),
      (j) => j?.status === "done",
    );
    expect(done).toMatchObject({ status: "done", processed: 40 });
    expect(Date.now() - stoppedAt).toBeLessThan(30_000); // neither the 60 s lease nor pg-boss's retry
    expect(effects.sort()).toEqual(keys(0, 40).sort());
  }, 60_000);

  it("after a crash, a running instance takes the job over once its lease runs out", async () => {
    const effects: string[] = [];
    const job = await newJob(30);
    const leaseUntil = new Date(Date.now() + 1_500);
    await crashedRunner(job, 10, leaseUntil);

    await instance(effects, 500); // up before the lease runs out, and never restarted
    const done = await until(
      () => store.get(job.id),
      (j) => j?.status === "done",
    );
    expect(done).toMatchObject({ status: "done", processed: 30 });
    expect(done!.startedAt!.getTime()).toBeGreaterThanOrEqual(leaseUntil.getTime());
    expect(effects.sort()).toEqual(keys(10, 30).sort());
  }, 60_000);

  it("two instances racing for a job whose lease ran out do each item once", async () => {
    const effects: string[] = [];
    const job = await newJob(30);
    await crashedRunner(job, 5, new Date(Date.now() + 300));

    await Promise.all([instance(effects, 1_000), instance(effects, 1_000)]);
    const done = await until(
      () => store.get(job.id),
      (j) => j?.status === "done",
    );
    expect(done).toMatchObject({ status: "done", processed: 30 });
    expect(effects.sort()).toEqual(keys(5, 30).sort());
  }, 60_000);

  it("a job whose items take longer than the lease keeps it while its runner lives", async () => {
    const effects: string[] = [];
    const slow = await instance(effects, 600, 1_500);
    await instance(effects, 600); // looks for interrupted jobs every 600 ms
    const job = await newJob(4);
    const done = await slow.runner.run(job.id);
    expect(done).toMatchObject({ status: "done", processed: 4 });
    expect(effects.sort()).toEqual(keys(0, 4));
  }, 60_000);

  it("of two runners claiming at the same moment, one runs the job and the other finds it held", async () => {
    const effects: string[] = [];
    const job = await newJob(12);
    const [a, b] = [await instance(effects), await instance(effects)].map((i) => i.runner) as [JobRunner, JobRunner];
    const [first, second] = await Promise.allSettled([a.work(job.id), b.work(job.id)]);
    expect([first.status, second.status].sort()).toEqual(["fulfilled", "rejected"]);
    expect(await store.get(job.id)).toMatchObject({ status: "done", processed: 12 });
    expect(effects.sort()).toEqual(keys(0, 12).sort());
  }, 60_000);
});
