import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createJobs } from "../../src/app/jobs";
import type { Services } from "../../src/app/services";
import { connect, openDatabase, type Database } from "../../src/db/client";
import { JobRunner } from "../../src/jobs/runner";
import { createJobStore, type JobStore } from "../../src/jobs/store";
import { silentLogger } from "../../src/logger";
import { attachJobMessages } from "../../src/slack/job-messages";
import { oneClient } from "../../src/slack/clients";
import { freshConnection, testDatabase, testDatabaseKind } from "../support/db";

const T = "T0OUTBOX";

/** A Slack client that records what was posted and can be told to refuse the next call of a kind. */
function slack() {
  const refuse = (method: string) =>
    Object.assign(new Error(`An API error occurred: ${method}`), { data: { ok: false } });
  const client = {
    chat: {
      update: vi.fn(async () => ({ ok: true })),
      postMessage: vi.fn(async () => ({ ok: true, ts: "2.000001", channel: "C0JOBS" })),
    },
    filesUploadV2: vi.fn(async () => ({ ok: true })),
  };
  return {
    client,
    refuseNext(method: "update" | "postMessage" | "filesUploadV2") {
      const fn = method === "filesUploadV2" ? client.filesUploadV2 : client.chat[method];
      (fn as ReturnType<typeof vi.fn>).mockRejectedValueOnce(refuse(method));
    },
    reports: () => client.chat.postMessage.mock.calls.length,
    csvs: () => client.filesUploadV2.mock.calls.length,
  };
}

/**
 * One carebridge instance as far as reports go: a runner, the use-cases' clock, and the job
 * observer on a Slack client. Items fail when their key starts with "bad".
 */
function instance(
  db: Database,
  clock: { now: number },
  client: ReturnType<typeof slack>["client"],
  { diesAtTheEnd = false } = {},
) {
  const store = createJobStore(db.prisma);
  const runner = new JobRunner({ store, logger: silentLogger, describeError: String, leaseMs: 60_000 });
  runner.register({
    kind: "count",
    concurrency: 2,
    async processItem(item) {
      return item.key.startsWith("bad")
        ? { status: "failed", outcome: "failed", message: "No email" }
        : { status: "done", outcome: "created" };
    },
  });
  const jobs = createJobs({
    store,
    runner,
    access: { check: async () => ({ allowed: true }) } as never,
    audit: { record: async () => undefined } as never,
    now: () => new Date(clock.now),
  });
  // An instance that dies as the job ends never gets to its observers.
  if (!diesAtTheEnd) attachJobMessages(oneClient(client as unknown as WebClient), { jobs } as unknown as Services, 0);
  /** What a runner does at start and every lease period: resume jobs, post reports owed. */
  const sweep = async () => {
    await runner.startResuming();
    await runner.stop();
  };
  return { store, runner, jobs, sweep };
}

async function newJob(store: JobStore, keys: string[], withMessage = true) {
  const { job } = await store.create({
    workspaceId: T,
    kind: "count",
    actorSlackId: "U0ADMIN",
    params: {},
    status: "queued",
    items: keys.map((key, seq) => ({ key, seq, input: {} })),
  });
  return withMessage ? store.setMessage(job.id, "C0JOBS", "1.000001") : job;
}

describe(`a job's report and failures CSV, through the outbox (${testDatabaseKind})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
    await db.prisma.workspace.create({ data: { id: T } });
  });
  afterAll(async () => {
    await db.close();
  });

  it("are posted once when the job finishes, and a later sweep posts nothing more", async () => {
    const clock = { now: Date.now() };
    const s = slack();
    const a = instance(db, clock, s.client);
    const job = await newJob(a.store, ["a", "bad1"]);
    await a.runner.run(job.id);
    expect([s.reports(), s.csvs()]).toEqual([1, 1]);
    expect(await db.prisma.jobReportOutbox.findUnique({ where: { jobId: job.id } })).toMatchObject({
      deliveredAt: expect.any(Date),
      reportTs: "2.000001",
    });

    clock.now += 10 * 60_000;
    await instance(db, clock, s.client).sweep();
    expect([s.reports(), s.csvs()]).toEqual([1, 1]);
  });

  it("are owed from the transaction that ends the job: an instance that died before posting leaves them to the next", async () => {
    const clock = { now: Date.now() };
    const dead = slack();
    const a = instance(db, clock, dead.client, { diesAtTheEnd: true });
    const job = await newJob(a.store, ["a", "bad1", "bad2"]);
    await a.runner.run(job.id);
    expect(dead.reports()).toBe(0);
    expect((await a.store.get(job.id))?.status).toBe("done");

    const s = slack();
    await instance(db, clock, s.client).sweep();
    expect([s.reports(), s.csvs()]).toEqual([1, 1]);
    expect(s.client.filesUploadV2.mock.calls[0]).toMatchObject([{ content: expect.stringContaining("bad2") }]);
    await instance(db, clock, s.client).sweep();
    expect([s.reports(), s.csvs()]).toEqual([1, 1]);
  });

  it("are tried again, once the lease runs out, when Slack refuses the report; then not again", async () => {
    const clock = { now: Date.now() };
    const s = slack();
    const a = instance(db, clock, s.client);
    const job = await newJob(a.store, ["bad1"]);
    s.refuseNext("postMessage");
    await a.runner.run(job.id);
    expect([s.reports(), s.csvs()]).toEqual([1, 0]);
    expect(await db.prisma.jobReportOutbox.findUnique({ where: { jobId: job.id } })).toMatchObject({
      deliveredAt: null,
      lastError: expect.stringContaining("postMessage"),
    });

    // Another instance sweeps while the first still holds the report: it leaves it alone.
    await instance(db, clock, s.client).sweep();
    expect(s.reports()).toBe(1);

    clock.now += 61_000;
    await instance(db, clock, s.client).sweep();
    expect([s.reports(), s.csvs()]).toEqual([2, 1]);
    clock.now += 61_000;
    await instance(db, clock, s.client).sweep();
    expect([s.reports(), s.csvs()]).toEqual([2, 1]);
  });

  it("when the report went out but the CSV did not, the retry sends only the CSV", async () => {
    const clock = { now: Date.now() };
    const s = slack();
    const a = instance(db, clock, s.client);
    const job = await newJob(a.store, ["bad1"]);
    s.refuseNext("filesUploadV2");
    await a.runner.run(job.id);
    expect([s.reports(), s.csvs()]).toEqual([1, 1]);

    clock.now += 61_000;
    await instance(db, clock, s.client).sweep();
    expect([s.reports(), s.csvs()]).toEqual([1, 2]);
    expect((await db.prisma.jobReportOutbox.findUnique({ where: { jobId: job.id } }))?.deliveredAt).not.toBeNull();
  });

  it("when the final progress update fails, the report and the CSV still go out, once", async () => {
    const clock = { now: Date.now() };
    const s = slack();
    const a = instance(db, clock, s.client);
    const job = await newJob(a.store, ["a", "bad1"]);
    s.refuseNext("update");
    s.refuseNext("update");
    await a.runner.run(job.id);
    expect([s.reports(), s.csvs()]).toEqual([1, 1]);
    clock.now += 61_000;
    await instance(db, clock, s.client).sweep();
    expect([s.reports(), s.csvs()]).toEqual([1, 1]);
  });

  it("a job with no progress message owes no report", async () => {
    const clock = { now: Date.now() };
    const s = slack();
    const a = instance(db, clock, s.client);
    const job = await newJob(a.store, ["a"], false);
    await a.runner.run(job.id);
    expect(await db.prisma.jobReportOutbox.findUnique({ where: { jobId: job.id } })).toBeNull();
    expect(s.reports()).toBe(0);
  });
});

describe(`an instance killed (SIGKILL) right after a job ended (${testDatabaseKind})`, () => {
  const dir = mkdtempSync(join(tmpdir(), "carebridge-outbox-"));
  let dropPostgres: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await dropPostgres?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it("leaves its report to the next instance, which posts it once", async () => {
    let databaseUrl: string | undefined;
    if (testDatabaseKind === "postgres") {
      const fresh = await freshConnection();
      databaseUrl = fresh.url;
      await fresh.factory.connect().then((a) => a.dispose());
      dropPostgres = () => fresh.close();
    }
    const open = async () => openDatabase(await connect({ databaseUrl, dataDir: join(dir, "data") }));
    let db = await open();
    await db.prisma.workspace.create({ data: { id: T } });
    const job = await newJob(createJobStore(db.prisma), ["a", "b", "c"]);
    if (testDatabaseKind === "pglite") await db.close(); // one process at a time on a PGlite directory

    const child = spawn(
      process.execPath,
      ["--import", "tsx", "test/support/crash-child.ts", job.id, join(dir, "effects.txt")],
      {
        env: {
          ...process.env,
          CRASH_DATABASE_URL: databaseUrl ?? "",
          CRASH_DATA_DIR: join(dir, "data"),
          CRASH_LEASE_MS: "60000",
          CRASH_AT: "finished",
        },
        stdio: "inherit",
      },
    );
    const signal = await new Promise((resolve) => child.on("exit", (_code, sig) => resolve(sig)));
    expect(signal).toBe("SIGKILL");

    if (testDatabaseKind === "pglite") db = await open();
    expect((await createJobStore(db.prisma).get(job.id))?.status).toBe("done");
    const s = slack();
    const clock = { now: Date.now() };
    await instance(db, clock, s.client).sweep();
    expect([s.reports(), s.csvs()]).toEqual([1, 0]);
    expect(s.client.chat.postMessage.mock.calls[0]).toMatchObject([{ channel: "C0JOBS", thread_ts: "1.000001" }]);
    await instance(db, clock, s.client).sweep();
    expect(s.reports()).toBe(1);
    await db.close();
  }, 120_000);
});
