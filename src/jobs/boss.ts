import PgBoss from "pg-boss";
import type { SqlExecutor } from "../db/client";
import type { Logger } from "../logger";
import type { JobQueue, JobRunner } from "./runner";

const QUEUE = "carebridge-jobs";
/** Jobs at once in one app instance; each job paces itself against its vendor's rate limit. */
const WORKERS = 2;

export interface BossQueue extends JobQueue {
  stop(): Promise<void>;
}

/**
 * pg-boss on the app's own database (PGlite or PostgreSQL) carries job ids to workers.
 * Our lease (JobRunner) resumes a dead runner's job at start-up; pg-boss's own expiry
 * and retry are the backstop for a runner that hangs.
 */
export async function startBoss(sql: SqlExecutor, runner: JobRunner, logger: Logger): Promise<BossQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => sql.executeSql(text, values) },
    schema: "pgboss",
    schedule: false,
  });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 3, retryDelay: 30, expireInSeconds: 4 * 60 * 60 });
  for (let i = 0; i < WORKERS; i += 1) {
    await boss.work<{ jobId: string }>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await runner.run(job.data.jobId);
    });
  }
  const queue: BossQueue = {
    async send(jobId) {
      await boss.send(QUEUE, { jobId });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
  runner.useQueue(queue);
  return queue;
}
