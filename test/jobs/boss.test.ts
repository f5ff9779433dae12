import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client";
import { type BossQueue, startBoss, WORKERS_PER_WORKSPACE } from "../../src/jobs/boss";
import { JobRunner } from "../../src/jobs/runner";
import { createJobStore, type JobStore } from "../../src/jobs/store";
import { silentLogger } from "../../src/logger";
import { testDatabase, testDatabaseKind } from "../support/db";

describe(`pg-boss carries jobs on ${testDatabaseKind}`, () => {
  let db: Database;
  let store: JobStore;
  let boss: BossQueue;
  const seen: string[] = [];
  beforeAll(async () => {
    db = await testDatabase();
    store = createJobStore(db.prisma);
    await db.prisma.workspace.create({ data: { id: "T1" } });
    const runner = new JobRunner({ store, logger: silentLogger, describeError: String });
    runner.register({
      kind: "echo",
      concurrency: 2,
      async processItem(item) {
        seen.push(item.key);
        return { status: "done", outcome: "echoed" };
      },
    });
    boss = await startBoss(db.sql, runner, silentLogger);
  });
  afterAll(async () => {
    await boss.stop();
    await db.close();
  });

  it("runs a sent job in a worker to the end", async () => {
    const { job } = await store.create({
      workspaceId: "T1",
      kind: "echo",
      actorSlackId: "U1",
      params: {},
      status: "queued",
      items: [0, 1, 2].map((i) => ({ key: `k${i}`, seq: i, input: {} })),
    });
    await boss.send(job.id);
    const deadline = Date.now() + 20_000;
    let status = "";
    while (Date.now() < deadline) {
      status = (await store.get(job.id))?.status ?? "";
      if (status === "done") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe("done");
    expect(seen.sort()).toEqual(["k0", "k1", "k2"]);
  });
});

describe(`pg-boss workers on ${testDatabaseKind}: one workspace never holds them all`, () => {
  let db: Database;
  let store: JobStore;
  let boss: BossQueue;
  let runner: JobRunner;
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const started: string[] = [];

  beforeAll(async () => {
    db = await testDatabase();
    store = createJobStore(db.prisma);
    await db.prisma.workspace.createMany({ data: [{ id: "TSLOW" }, { id: "TFAST" }] });
    runner = new JobRunner({ store, logger: silentLogger, describeError: String });
    runner.register({
      kind: "vendor-call",
      concurrency: 1,
      async processItem(_item, job) {
        started.push(job.id);
        // TSLOW's vendor answers only when the test lets it (its 429s, its outage).
        if (job.workspaceId === "TSLOW") await released;
        return { status: "done", outcome: "called" };
      },
    });
    boss = await startBoss(db.sql, runner, silentLogger);
  });
  afterAll(async () => {
    release();
    await boss.stop();
    await db.close();
  });

  const queue = async (workspaceId: string) => {
    const { job } = await store.create({
      workspaceId,
      kind: "vendor-call",
      actorSlackId: "U1",
      params: {},
      status: "queued",
      items: [{ key: "k", seq: 0, input: {} }],
    });
    await boss.send(job.id);
    return job.id;
  };
  const statusOf = async (jobId: string) => (await store.get(jobId))?.status;
  async function until(check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it("a stuck workspace's jobs take at most WORKERS_PER_WORKSPACE workers; another workspace's job runs meanwhile", async () => {
    const slow = [await queue("TSLOW"), await queue("TSLOW"), await queue("TSLOW")];
    await until(async () => started.filter((id) => slow.includes(id)).length >= WORKERS_PER_WORKSPACE);
    const fast = await queue("TFAST");
    await until(async () => (await statusOf(fast)) === "done");
    // The slow workspace is still stuck, and never held more than its share.
    const running = await Promise.all(slow.map(statusOf));
    expect(running.filter((s) => s === "running")).toHaveLength(WORKERS_PER_WORKSPACE);
    expect(new Set(started.filter((id) => slow.includes(id))).size).toBe(WORKERS_PER_WORKSPACE);
    release();
    const waiting = slow.find((id) => !started.includes(id))!;
    await until(async () =>
      (await Promise.all(slow.filter((id) => id !== waiting).map(statusOf))).every((s) => s === "done"),
    );
    // The one sent back waits for pg-boss's retry or the runner's re-send; run it now.
    expect(await statusOf(waiting)).toBe("queued");
    await runner.run(waiting);
    expect(await statusOf(waiting)).toBe("done");
  });
});
