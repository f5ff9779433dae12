// The network to PostgreSQL fails under a running app instance, then comes back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { until } from "../support/processes";
import { type Cluster, expectOneAccountEach, startCluster } from "./harness";

const CAREGIVERS = 20;

describe.skipIf(!process.env.TEST_DATABASE_URL)(
  "PostgreSQL out of reach under a running instance (skipped on PGlite: needs TEST_DATABASE_URL)",
  () => {
    let c: Cluster;
    let proxy: TcpProxy;
    beforeAll(async () => {
      c = await startCluster(["--seed", "empty", "--caregivers", String(CAREGIVERS)]);
      const database = new URL(c.databaseUrl);
      proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 5432) });
    });
    afterAll(async () => {
      await c?.close();
      await proxy?.close();
    });

    it("a job waits while the database is unreachable and finishes once it is back: nothing lost, nothing twice", async () => {
      const viaProxy = new URL(c.databaseUrl);
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      const app = await c.start("A", { DATABASE_URL: viaProxy.toString(), JOB_LEASE_MS: "2000" });
      await c.confirmHeldSync(app, "C0DOWN");
      await c.starter();
      await c.heldCall();

      proxy.cut();
      await c.sandbox.admin("resume");
      await app.waitForLine((l) => l.msg === "database out of reach: the job waits for it");
      proxy.restore();

      await until(() => c.reports("C0DOWN")[0], "the final report", 45_000);
      expect(app.alive).toBe(true);
      expectOneAccountEach(await c.sandbox.state(), CAREGIVERS);
      const [, processed, total] = /finished: (\d+) of (\d+)/.exec(c.reports("C0DOWN")[0]!.text) ?? [];
      expect(processed).toBe(String(CAREGIVERS));
      expect(total).toBe(String(CAREGIVERS));
      expect(c.reports("C0DOWN")).toHaveLength(1);
    }, 90_000);
  },
);
