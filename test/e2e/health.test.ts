import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app";
import { testDatabaseKind } from "../support/db";

async function get(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Every connection to `database` refused, open ones cut: PostgreSQL gone, as the app sees it. */
async function setReachable(database: string, reachable: boolean): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS ${reachable}`);
    if (!reachable) {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [database]);
    }
  } finally {
    await admin.end();
  }
}

describe(`health endpoints in HTTP mode (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("/healthz answers 200 while the process runs", async () => {
    expect(await get(`${t.origin}/healthz`)).toEqual({ status: 200, body: { ok: true } });
  });

  it("/readyz answers 503 naming the job workers until they run, then 200", async () => {
    const before = await get(`${t.origin}/readyz`);
    expect(before.status).toBe(503);
    expect(before.body).toEqual({
      ready: false,
      checks: { database: "ok", migrations: "ok", jobs: "job workers are not running" },
    });

    await t.runtime.startJobs();
    expect(await get(`${t.origin}/readyz`)).toEqual({
      status: 200,
      body: { ready: true, checks: { database: "ok", migrations: "ok", jobs: "ok" } },
    });
  });

  it("/readyz names a migration the database lacks", async () => {
    await t.runtime.db.sql.executeSql(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`,
    );
    try {
      const answer = await get(`${t.origin}/readyz`);
      expect(answer.status).toBe(503);
      expect((answer.body.checks as Record<string, string>).migrations).toMatch(/^1 not applied, first \d{14}_/);
    } finally {
      await t.runtime.db.sql.executeSql(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL`);
    }
  });

  it("/readyz answers 503 while the database is gone and 200 once it is back", async () => {
    if (testDatabaseKind === "pglite") {
      // Embedded: the database lives and dies with the process; closing it is the only way to lose it.
      const { close } = t.runtime.db;
      t.runtime.db.close = async () => {}; // closed here already, not again by t.close()
      await close();
      const answer = await get(`${t.origin}/readyz`);
      expect(answer.status).toBe(503);
      expect((answer.body.checks as Record<string, string>).database).toMatch(/^unreachable: /);
      return;
    }
    const { rows } = await t.runtime.db.sql.executeSql("SELECT current_database() AS name");
    const database = (rows[0] as { name: string }).name;
    await setReachable(database, false);
    try {
      const answer = await get(`${t.origin}/readyz`);
      expect(answer.status).toBe(503);
      expect(answer.body.ready).toBe(false);
      expect((answer.body.checks as Record<string, string>).database).toMatch(/^unreachable: /);
      expect(JSON.stringify(answer.body)).not.toContain("postgres://");
      expect((await get(`${t.origin}/healthz`)).status).toBe(200);
    } finally {
      await setReachable(database, true);
    }
    expect((await get(`${t.origin}/readyz`)).status).toBe(200);

    // Connected but not answering (a lock stands in for a dropped network): unreachable once the
    // check's 2 s are up, and polls in the meantime share the one query instead of queueing more.
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${database}`;
    const locker = new pg.Client({ connectionString: url.toString() });
    await locker.connect();
    try {
      await locker.query(`BEGIN; LOCK TABLE "_prisma_migrations" IN ACCESS EXCLUSIVE MODE`);
      const polls = Promise.all([1, 2, 3].map(() => get(`${t.origin}/readyz`)));
      await new Promise((r) => setTimeout(r, 500));
      const { rows: waiting } = await locker.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
        [database],
      );
      expect(waiting[0].n).toBe(1);
      for (const answer of await polls) {
        expect(answer.status).toBe(503);
        expect((answer.body.checks as Record<string, string>).database).toBe("unreachable: no answer within 2000 ms");
      }
    } finally {
      await locker.query("ROLLBACK");
      await locker.end();
    }
    expect((await get(`${t.origin}/readyz`)).status).toBe(200);
  });
});
