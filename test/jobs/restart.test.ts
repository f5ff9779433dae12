import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { connect, openDatabase, type Database } from "../../src/db/client";
import { JobRunner } from "../../src/jobs/runner";
import { createJobStore } from "../../src/jobs/store";
import { silentLogger } from "../../src/logger";
import { freshConnection, testDatabaseKind } from "../support/db";

const LEASE_MS = 2_000;
const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : []);

describe(`a job killed mid-run is resumed once its lease runs out (${testDatabaseKind})`, () => {
  const dir = mkdtempSync(join(tmpdir(), "carebridge-restart-"));
  const effects = join(dir, "effects.txt");
  let dropPostgres: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await dropPostgres?.();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(databaseUrl: string | undefined): Promise<Database> {
    return openDatabase(await connect({ databaseUrl, dataDir: join(dir, "data") }));
  }

  it("finishes every item exactly once", async () => {
    let databaseUrl: string | undefined;
    if (testDatabaseKind === "postgres") {
      const fresh = await freshConnection();
      databaseUrl = fresh.url;
      await fresh.factory.connect().then((a) => a.dispose());
      dropPostgres = () => fresh.close();
    }
    let db = await open(databaseUrl);
    await db.prisma.workspace.create({ data: { id: "T1" } });
    const { job } = await createJobStore(db.prisma).create({
      workspaceId: "T1",
      kind: "count",
      actorSlackId: "U1",
      params: {},
      status: "queued",
      items: Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, seq: i, input: {} })),
    });
    if (testDatabaseKind === "pglite") await db.close(); // one process at a time on a PGlite directory

    const child = spawn(process.execPath, ["--import", "tsx", "test/support/crash-child.ts", job.id, effects], {
      env: {
        ...process.env,
        CRASH_DATABASE_URL: databaseUrl ?? "",
        CRASH_DATA_DIR: join(dir, "data"),
        CRASH_LEASE_MS: String(LEASE_MS),
      },
      stdio: "inherit",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    while (lines(effects).length < 10) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await exited;
    const before = lines(effects).length;
    expect(before).toBeLessThan(30);

    if (testDatabaseKind === "pglite") db = await open(databaseUrl);
    const store = createJobStore(db.prisma);
    const interrupted = await store.get(job.id);
    expect(interrupted?.status).toBe("running");

    // A new runner, real clock: it takes the job over once the dead runner's lease runs out.
    const runner = new JobRunner({ store, logger: silentLogger, describeError: String, leaseMs: LEASE_MS });
    runner.register({
      kind: "count",
      concurrency: 2,
      async processItem(item) {
        if (lines(effects).includes(item.key)) return { status: "done", outcome: "unchanged" };
        const { appendFileSync } = await import("node:fs");
        appendFileSync(effects, `${item.key}\n`);
        return { status: "done", outcome: "created" };
      },
    });
    await runner.startResuming();
    const deadline = Date.now() + 30_000;
    while ((await store.get(job.id))?.status !== "done" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await runner.stop();

    const done = await store.get(job.id);
    expect(done?.status).toBe("done");
    expect(done?.processed).toBe(30);
    const written = lines(effects);
    expect(written).toHaveLength(30);
    expect(new Set(written).size).toBe(30);
    await db.close();
  }, 120_000);
});
