import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type Connection, type Database, postgresConnection } from "../../src/db/client";
import { PrismaClient } from "../../src/generated/prisma/client";
import { idle, type KeptDatabase, kept } from "./kept";

/** Which database the suite runs on: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set. */
export const testDatabaseKind = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

/** The admin URL with another database name in its path. */
function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A new database on the TEST_DATABASE_URL server, copied from `template` (or empty); close() drops it. */
async function createServerDatabase(adminUrl: string, template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `carebridge_test_${randomBytes(6).toString("hex")}`;
  await onServer(adminUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  return {
    url: databaseUrl(adminUrl, name),
    drop: () => onServer(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A fresh connection to an empty database of its own (not yet migrated). */
export async function freshConnection(): Promise<Connection & { url?: string }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return (await import("../../src/db/pglite")).openPglite("memory://");
  const database = await createServerDatabase(adminUrl);
  const connection = postgresConnection(database.url);
  return {
    ...connection,
    url: database.url,
    async close() {
      await connection.close();
      await database.drop();
    },
  };
}

const FORGOTTEN = () => Promise.reject(new Error("This test database was closed (given back for the next test)."));

/** PGlite seen through a door that shuts: what a test left running after close() fails as on a closed database. */
function shuttable(db: PGlite): { client: PGlite; shut(): void } {
  let shut = false;
  const client = new Proxy(db, {
    get(target, property) {
      if (shut && (property === "query" || property === "exec" || property === "transaction")) return FORGOTTEN;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { client, shut: () => (shut = true) };
}

/** The migrated template test/global-setup.ts made for this run (named in an environment variable). */
function template(variable: "CAREBRIDGE_PGLITE_TEMPLATE" | "CAREBRIDGE_PG_TEMPLATE"): string {
  const value = process.env[variable];
  if (!value) throw new Error(`${variable} is unset: run the tests through vitest.config.ts, whose global setup makes it.`);
  return value;
}

async function keepPglite(): Promise<KeptDatabase> {
  // Imported here, not at the top: on PostgreSQL the benchmarks measure the app without PGlite.
  const [{ PGlite }, { pgliteConnection, PGLITE_SETTINGS }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("../../src/db/pglite"),
  ]);
  // The app's settings: with Postgres' default 128 MB of shared buffers a test database held
  // about 126 MB more than the app's own, and the caregiver bench measured that.
  const db = await PGlite.create({
    loadDataDir: new Blob([readFileSync(template("CAREBRIDGE_PGLITE_TEMPLATE"))]),
    postgresqlconf: PGLITE_SETTINGS,
  });
  return {
    lend() {
      const door = shuttable(db);
      return { ...pgliteConnection(door.client), close: async () => door.shut() };
    },
    destroy: () => db.close(),
  };
}

async function keepPostgres(adminUrl: string): Promise<KeptDatabase> {
  const database = await createServerDatabase(adminUrl, template("CAREBRIDGE_PG_TEMPLATE"));
  return {
    // A pool of its own per test: ending it is what makes a straggling query fail.
    lend: () => postgresConnection(database.url),
    destroy: () => database.drop(),
  };
}

/**
 * pg-boss as it stands just after installing itself, without installing it again for every test:
 * its tables emptied, then its queues and their job partitions dropped, and its
 * maintenance clock cleared so that the next boss maintains and monitors as a first one does.
 */
const EMPTY_PGBOSS = `DO $$ BEGIN IF to_regnamespace('pgboss') IS NOT NULL THEN
  TRUNCATE pgboss.job, pgboss.archive, pgboss.schedule, pgboss.subscription;
  PERFORM pgboss.delete_queue(name) FROM pgboss.queue;
  UPDATE pgboss.version SET maintained_on = NULL, cron_on = NULL, monitored_on = NULL;
END IF; END $$`;

/** Every table as the migrations left it (app tables emptied), and pg-boss's as it installed them. */
async function empty(connection: Connection): Promise<void> {
  const { rows } = await connection.sql.executeSql(
    `SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') AS tables FROM pg_tables
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    [],
  );
  const tables = (rows[0] as { tables: string | null }).tables;
  await connection.sql.executeSql(
    `${tables ? `TRUNCATE ${tables} RESTART IDENTITY CASCADE; ` : ""}${EMPTY_PGBOSS}`,
  );
}

/**
 * A migrated, empty database for one test (or one file); close() gives it back. Databases are
 * kept for the test file and emptied before each reuse, so a test sees no rows but its own.
 */
export async function testDatabase(): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const reused = idle.pop();
  const database = reused ?? (await (adminUrl ? keepPostgres(adminUrl) : keepPglite()));
  if (!reused) kept.push(database);
  const connection = database.lend();
  if (reused) await empty(connection);
  const prisma = new PrismaClient({ adapter: connection.factory });
  let open = true;
  return {
    prisma,
    kind: connection.kind,
    sql: connection.sql,
    async close() {
      if (!open) return;
      open = false;
      await prisma.$disconnect();
      await connection.close();
      idle.push(database);
    },
  };
}

/** Sessions holding Prisma's migration lock on the current database (others on the server migrate their own). */
export const MIGRATION_LOCKS = `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369 AND granted
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
