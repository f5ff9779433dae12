import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client";
import { type BossQueue, startBoss } from "../../src/jobs/boss";
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
