// Runs one job in a child process so a test can kill it with SIGKILL mid-run, the way a
// crash or a deploy would, or have it kill itself at the end of the job. Each item's "vendor effect" is a line appended to a file, written
// only after looking for the key there first, as the real handlers look up before creating.
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { connect, openDatabase } from "../../src/db/client";
import { JobRunner } from "../../src/jobs/runner";
import { createJobStore } from "../../src/jobs/store";
import { silentLogger } from "../../src/logger";

const [jobId, effectsFile] = process.argv.slice(2) as [string, string];
const db = await openDatabase(
  await connect({ databaseUrl: process.env.CRASH_DATABASE_URL, dataDir: process.env.CRASH_DATA_DIR ?? "" }),
);
const runner = new JobRunner({
  store: createJobStore(db.prisma),
  logger: silentLogger,
  describeError: String,
  flushEvery: 3,
  leaseMs: Number(process.env.CRASH_LEASE_MS),
});
runner.register({
  kind: "count",
  concurrency: 2,
  async processItem(item) {
    const done = existsSync(effectsFile) ? readFileSync(effectsFile, "utf8").split("\n") : [];
    if (!done.includes(item.key)) appendFileSync(effectsFile, `${item.key}\n`);
    await new Promise((r) => setTimeout(r, 40));
    return { status: "done", outcome: "created" };
  },
});
// CRASH_AT=finished: the instance dies the moment the job has ended, before it can post anything.
if (process.env.CRASH_AT === "finished") {
  runner.observe({ progress: async () => undefined, finished: async () => void process.kill(process.pid, "SIGKILL") });
}
await runner.run(jobId);
await db.close();
