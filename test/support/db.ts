import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { type Connection, type Database, openDatabase, postgresConnection } from "../../src/db/client";

/** Which database the suite runs on: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set. */
export const testDatabaseKind = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

/** A fresh connection to an empty database of its own (not yet migrated). */
export async function freshConnection(): Promise<Connection & { url?: string }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return (await import("../../src/db/pglite")).openPglite("memory://");
  const name = `carebridge_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const connection = postgresConnection(url.toString());
  return {
    ...connection,
    url: url.toString(),
    async close() {
      await connection.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** A migrated database of its own for one test file; close() throws it away. */
export async function testDatabase(): Promise<Database> {
  const template = process.env.CAREBRIDGE_PGLITE_TEMPLATE;
  if (!process.env.TEST_DATABASE_URL && template) {
    // Imported here, not at the top: on PostgreSQL the benchmarks measure the app without PGlite.
    const [{ PGlite }, { pgliteConnection }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("../../src/db/pglite"),
    ]);
    const db = await PGlite.create({ loadDataDir: new Blob([readFileSync(template)]) });
    return openDatabase(pgliteConnection(db));
  }
  return openDatabase(await freshConnection());
}

/** Sessions holding Prisma's migration lock on the current database (others on the server migrate their own). */
export const MIGRATION_LOCKS = `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369 AND granted
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
