import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { type Connection, DatabaseStartError, postgresConnection } from "../../src/db/client";
import { applyMigrations, migrationsUpToDate, readMigrationList } from "../../src/db/migrations";
import { freshConnection, MIGRATION_LOCKS, testDatabaseKind } from "../support/db";

describe(`migrations on ${testDatabaseKind}`, () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await freshConnection();
  });
  afterAll(async () => {
    await connection.close();
  });

  it("applies every migration to an empty database, records it, and applies nothing the second time", async () => {
    const names = readMigrationList().migrationDirectories.map((m) => m.path);
    expect(names.length).toBeGreaterThan(0);

    expect(await applyMigrations(connection.factory)).toEqual(names);
    expect(await applyMigrations(connection.factory)).toEqual([]);

    const recorded = await connection.sql.executeSql(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
      [],
    );
    expect(recorded.rows.map((r) => (r as { migration_name: string }).migration_name)).toEqual(names);

    const tables = await connection.sql.executeSql(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      [],
    );
    const tableNames = tables.rows.map((r) => (r as { table_name: string }).table_name);
    for (const model of [
      "AppUser",
      "AuditEvent",
      "ExternalAccount",
      "Job",
      "JobItem",
      "Person",
      "Upload",
      "Workspace",
    ]) {
      expect(tableNames).toContain(model);
    }
  });

  it("knows a database is up to date without the schema engine, and sends anything else to it", async () => {
    const fresh = await freshConnection();
    try {
      expect(await migrationsUpToDate(fresh.sql)).toBe(false); // no table yet
      await fresh.migrate();
      expect(await migrationsUpToDate(fresh.sql)).toBe(true);
      const list = readMigrationList();
      const [first] = list.migrationDirectories;
      const edited = {
        ...list,
        migrationDirectories: [
          { ...first!, migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: "-- edited" } } },
          ...list.migrationDirectories.slice(1),
        ],
      };
      expect(await migrationsUpToDate(fresh.sql, edited)).toBe(false);
      const added = {
        ...list,
        migrationDirectories: [...list.migrationDirectories, { ...first!, path: "29990101000000_next" }],
      };
      expect(await migrationsUpToDate(fresh.sql, added)).toBe(false);
      await fresh.sql.executeSql(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
          VALUES ('failed', 'x', '29990101000000_failed', now(), 0)`,
        [],
      );
      expect(await migrationsUpToDate(fresh.sql)).toBe(false); // a failed migration: the engine says what to do
    } finally {
      await fresh.close();
    }
  });
});

describe.skipIf(testDatabaseKind !== "postgres")(
  "migrations on PostgreSQL, beside other instances (needs TEST_DATABASE_URL)",
  () => {
    let connection: Connection & { url?: string };
    beforeAll(async () => {
      connection = await freshConnection();
    });
    afterAll(async () => {
      await connection.close();
    });

    const migrationLocks = async () => (await connection.sql.executeSql(MIGRATION_LOCKS, [])).rows.length;

    it("two instances migrating one fresh database at once both succeed, and no session keeps the lock", async () => {
      const other = postgresConnection(connection.url!);
      const applied = await Promise.all([connection.migrate(), other.migrate()]);
      await other.close();
      expect(applied.flat().sort()).toEqual(readMigrationList().migrationDirectories.map((m) => m.path));
      expect(await migrationLocks()).toBe(0);
      // The pooled connections the app goes on with hold nothing either.
      await connection.sql.executeSql("SELECT 1", []);
      expect(await migrationLocks()).toBe(0);
    });

    it("waits a bounded time for an instance that holds the migration lock, then says so in one line", async () => {
      // Only a database not as this instance's migrations say goes through the lock: here one
      // migration reads as edited since it was applied.
      await connection.sql.executeSql(`UPDATE "_prisma_migrations" SET checksum = 'edited' WHERE migration_name = $1`, [
        readMigrationList().migrationDirectories[0]!.path,
      ]);
      const holder = new pg.Client({ connectionString: connection.url });
      await holder.connect();
      await holder.query("SELECT pg_advisory_lock(72707369)");
      try {
        const waiting = postgresConnection(connection.url!, { migrationLockTimeoutMs: 300 });
        const error = await waiting.migrate().catch((e: unknown) => e);
        await waiting.close();
        expect(error).toBeInstanceOf(DatabaseStartError);
        expect((error as Error).message).toMatch(
          /^Another instance is applying migrations to 127\.0\.0\.1:\d+\/\w+; waited 0 s/,
        );
        expect((error as Error).message).not.toContain("\n");
      } finally {
        await holder.end();
      }
      // Once the holder is gone, the same wait is enough.
      const after = postgresConnection(connection.url!, { migrationLockTimeoutMs: 300 });
      expect(await after.migrate()).toEqual([]);
      await after.close();
    });
  },
);
