// carebridge as operators run it: several `npm start` processes on one PostgreSQL, the vendor
// sandbox in a process of its own (its state outlives any instance), Slack played by the
// stand-in here. Vendor effects are checked in the sandbox, not in carebridge's tables.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATION_LOCKS } from "../support/db";
import { type AppInstance, until } from "../support/processes";
import { type Cluster, expectOneAccountEach, startCluster } from "./harness";

/** Short, so that a killed instance's job is taken over within seconds. */
const SHORT_LEASE = { JOB_LEASE_MS: "3000" };
const FIRST_CAREGIVERS = 30;

describe.skipIf(!process.env.TEST_DATABASE_URL)(
  "app instances on one PostgreSQL, vendors in their own process (skipped on PGlite: needs TEST_DATABASE_URL)",
  () => {
    let c: Cluster;
    beforeAll(async () => {
      c = await startCluster(["--seed", "empty", "--caregivers", String(FIRST_CAREGIVERS)]);
    });
    afterAll(async () => {
      await c?.close();
    });

    it("two instances started at once on a fresh database both migrate and run", async () => {
      const [a, b] = await Promise.all([c.start("A", SHORT_LEASE), c.start("B", SHORT_LEASE)]);
      expect(a.alive && b.alive).toBe(true);
      // Neither keeps Prisma's migration lock: a third instance would not wait for it.
      const client = new pg.Client({ connectionString: c.databaseUrl });
      await client.connect();
      const { rows } = await client.query(MIGRATION_LOCKS);
      await client.end();
      expect(rows).toEqual([]);
    }, 90_000);

    let firstJob = "";
    let survivor: AppInstance;

    it("a sync-all confirmed on A while B runs: SIGKILL the instance doing it, the other finishes it", async () => {
      await c.confirmHeldSync(c.instances[0]!, "C0KILL");
      const { instance: worker, jobId } = await c.starter();
      firstJob = jobId;
      await c.heldCall();
      await worker.kill("SIGKILL");
      await c.sandbox.admin("resume");

      survivor = c.instances.find((i) => i !== worker)!;
      await survivor.waitForLine((l) => l.msg === "job started" && l.jobId === jobId);
      await until(() => c.reports("C0KILL")[0], "the final report");
      expectOneAccountEach(await c.sandbox.state(), FIRST_CAREGIVERS);
    }, 90_000);

    it("an instance starts on the migrated database while another runs a job; SIGTERM hands that job over at once", async () => {
      await c.sandbox.admin("caregivers?count=10");
      await c.confirmHeldSync(survivor, "C0TERM");
      const { instance: worker, jobId } = await c.starter([firstJob]);
      expect(worker).toBe(survivor);
      await c.heldCall();

      // Its lease is 10 minutes, and so is its look for interrupted jobs: only a hand-over reaches it in time.
      const late = await c.start("C", { JOB_LEASE_MS: "600000" });
      const stopped = worker.kill("SIGTERM");
      await worker.waitForLine((l) => l.msg === "finishing the items in hand, then letting go");
      await c.sandbox.admin("resume");
      expect(await stopped).toBe(0);
      await late.waitForLine((l) => l.msg === "job started" && l.jobId === jobId, 20_000);
      await until(() => c.reports("C0TERM")[0], "the final report");
      expectOneAccountEach(await c.sandbox.state(), FIRST_CAREGIVERS + 10);
      // One final report per job: none from the instance that was killed or the one that let go.
      expect(c.reports("C0KILL")).toHaveLength(1);
      expect(c.reports("C0TERM")).toHaveLength(1);
    }, 90_000);
  },
);
