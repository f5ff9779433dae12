import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../src/db/client";
import { applyMigrations, readMigrationList } from "../../src/db/migrations";
import { freshConnection, testDatabaseKind } from "../support/db";

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
});
