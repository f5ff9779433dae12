import PgBoss from "pg-boss";
import type { SqlExecutor } from "../db/client";
import type { Logger } from "../logger";
import type { JobQueue, JobRunner } from "./runner";

const QUEUE = "carebridge-jobs";
/** Jobs at once in one app instance; each job paces itself against its vendor's rate limit. */
const WORKERS = 3;
/**
 * Workers one workspace may hold in an instance: at least one stays for the others, so one
 * agency's jobs crawling behind its vendor's 429s or outage never keep another's from starting.
 * A job over the limit goes back to the queue (pg-boss retries it; the runner re-sends it).
 */
export const WORKERS_PER_WORKSPACE = WORKERS - 1;

export interface BossQueue extends JobQueue {
  stop(): Promise<void>;
}

/** pg-boss on `sql`, started: its schema installed (or brought up to this version) and our queue made. */
async function openBoss(sql: SqlExecutor, onError: (error: Error) => void): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => sql.executeSql(text, values) },
    schema: "pgboss",
    schedule: false,
  });
  boss.on("error", onError);
  await boss.start();
  // "short": one waiting message per job id, however often the runner re-sends a job that waits for a worker.
  const settings = {
    name: QUEUE,
    policy: "short",
    retryLimit: 3,
    retryDelay: 30,
    expireInSeconds: 4 * 60 * 60,
  } as const;
  await boss.createQueue(QUEUE, settings);
  await boss.updateQueue(QUEUE, settings); // createQueue leaves a queue made by an older version as it was
  return boss;
}

/**
 * pg-boss's schema and our queue on a database, no worker started: the install-time PGlite
 * template holds them, so that a first start on a fresh data directory need not create them
 * (pg-boss's install script took about a third of a second there).
 */
export async function installQueue(sql: SqlExecutor): Promise<void> {
  let failure: Error | undefined;
  const boss = await openBoss(sql, (error) => (failure ??= error));
  await boss.stop({ graceful: false, wait: true });
  if (failure) throw failure;
}

/**
 * pg-boss on the app's own database (PGlite or PostgreSQL) carries job ids to workers. Our lease
 * (JobRunner) decides who runs a job: a worker that cannot finish one throws so that pg-boss tries
 * again later, and every lease period the runner re-sends jobs whose runner died or let go.
 * pg-boss's own expiry is the backstop for a runner that hangs.
 */
export async function startBoss(sql: SqlExecutor, runner: JobRunner, logger: Logger): Promise<BossQueue> {
  const boss = await openBoss(sql, (error) => logger.error({ err: error }, "job queue error"));
  for (let i = 0; i < WORKERS; i += 1) {
    await boss.work<{ jobId: string }>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await runner.work(job.data.jobId, { maxPerWorkspace: WORKERS_PER_WORKSPACE });
    });
  }
  const queue: BossQueue = {
    async send(jobId) {
      await boss.send(QUEUE, { jobId }, { singletonKey: jobId });
    },
    async stop() {
      // The runner lets go of its jobs while pg-boss waits for its workers, which then fail them for a retry.
      await Promise.all([runner.stop(), boss.stop({ graceful: true, wait: true, timeout: 10_000 })]);
    },
  };
  runner.useQueue(queue);
  await runner.startResuming();
  return queue;
}
