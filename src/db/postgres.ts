import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Connection, SqlExecutor } from "./client";
import { applyMigrations, migrationsUpToDate } from "./migrations";

/** Prisma's schema engine holds this session-level advisory lock while it migrates. */
const PRISMA_MIGRATION_LOCK = 72707369;
/** A server that answers nothing (a dropped route, a stopped VM) fails start-up this soon, not minutes later. */
const CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_MIGRATION_LOCK_TIMEOUT_MS = 60_000;

/** Why the app cannot start on this database, in one line an operator can act on; never the password. */
export class DatabaseStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseStartError";
  }
}

/** host:port/database of a PostgreSQL URL: what to name in a message, without user or password. */
export function describeServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

export interface PostgresOptions {
  /** How long to wait for another instance that is applying migrations. */
  migrationLockTimeoutMs?: number | undefined;
  /** Told when the server closes a session the pool held idle (restart, failover, an operator). */
  onIdleError?: ((error: Error) => void) | undefined;
}

export function postgresConnection(url: string, options: PostgresOptions = {}): Connection {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // Without a listener node-postgres throws this event, and the process dies; the pool has already
  // discarded the session, and the next query opens another (or reports why it cannot).
  pool.on("error", (error) => options.onIdleError?.(error));
  const sql: SqlExecutor = { executeSql: async (text, values) => ({ rows: (await pool.query(text, values)).rows }) };
  return {
    kind: "postgres",
    factory: new PrismaPg(pool),
    sql,
    // Up to date: no lock to take, no engine to open (the common start of a second instance).
    migrate: async () =>
      (await migrationsUpToDate(sql))
        ? []
        : migrateAlone(url, options.migrationLockTimeoutMs ?? DEFAULT_MIGRATION_LOCK_TIMEOUT_MS),
    close: () => pool.end(),
  };
}

/**
 * Applies migrations on a connection of their own, closed when done. On the shared pool the
 * engine's session lock stayed with a pooled connection that pg-boss then kept busy, and every
 * other instance waited on it until it gave up. Closing the session releases the lock whatever
 * the engine did.
 */
async function migrateAlone(url: string, lockTimeoutMs: number): Promise<string[]> {
  // max 1 and no idle timeout: every statement, ours and the engine's, runs in this one session.
  const pool = new pg.Pool({
    connectionString: url,
    max: 1,
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  pool.on("error", () => {}); // a dropped idle session fails the next query, which reports it
  try {
    await reach(pool, url);
    await lockMigrations(pool, url, lockTimeoutMs);
    return await applyMigrations(new PrismaPg(pool));
  } finally {
    await pool.end();
  }
}

async function reach(pool: pg.Pool, url: string): Promise<void> {
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    throw new DatabaseStartError(
      `Cannot connect to PostgreSQL at ${describeServer(url)} (DATABASE_URL): ${reason(error, url)}`,
    );
  }
}

/**
 * Takes the engine's lock first, with a bounded wait: advisory locks are re-entrant within a
 * session, so the engine then gets it at once, and an instance that migrates for longer than
 * the wait is named instead of hanging this one.
 */
async function lockMigrations(pool: pg.Pool, url: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  try {
    await pool.query(
      `SET lock_timeout = ${Math.ceil(timeoutMs)}; SELECT pg_advisory_lock(${PRISMA_MIGRATION_LOCK}); RESET lock_timeout`,
    );
  } catch (error) {
    if ((error as { code?: string }).code !== "55P03") throw error; // lock_not_available
    const waited = Math.round((Date.now() - started) / 1000);
    throw new DatabaseStartError(
      `Another instance is applying migrations to ${describeServer(url)}; waited ${waited} s for it (MIGRATION_LOCK_TIMEOUT_MS). Start this one again once that one is up.`,
    );
  }
}

/** The driver's reason, short: a socket error's code, else its message, with the password blanked. */
function reason(error: unknown, url: string): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = code && /^E[A-Z]+$/.test(code) ? code : message || String(error);
  const password = decodeURIComponent(new URL(url).password);
  return password ? text.split(password).join("***") : text;
}
