import { mkdirSync } from "node:fs";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client";
import { pgliteLocation } from "./pgliteTemplate";
import { postgresConnection } from "./postgres";

export type { PrismaClient };
export { DatabaseStartError, postgresConnection } from "./postgres";

/** What pg-boss needs to run its SQL on the same database as Prisma. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  sql: SqlExecutor;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** PostgreSQL: how long to wait for another instance that is applying migrations. */
  migrationLockTimeoutMs?: number | undefined;
  /** PostgreSQL: told when the server closes an idle pooled session. */
  onIdleError?: ((error: Error) => void) | undefined;
}

/** A live connection before Prisma sits on it: the adapter for Prisma and the SQL door for pg-boss. */
export interface Connection {
  kind: "pglite" | "postgres";
  factory: SqlMigrationAwareDriverAdapterFactory;
  sql: SqlExecutor;
  /** Applies the migrations not yet applied; returns their names. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

/** DATABASE_URL set → PostgreSQL; unset → PGlite persisted under DATA_DIR ("memory://" keeps it in memory). */
export async function connect(options: DatabaseOptions): Promise<Connection> {
  if (options.databaseUrl) {
    return postgresConnection(options.databaseUrl, {
      migrationLockTimeoutMs: options.migrationLockTimeoutMs,
      onIdleError: options.onIdleError,
    });
  }
  const inMemory = options.dataDir.startsWith("memory://");
  const location = inMemory ? options.dataDir : pgliteLocation(options.dataDir);
  if (!inMemory) mkdirSync(location, { recursive: true });
  // Loaded only in embedded mode: PGlite and its adapter cost about 45 MB of memory once imported.
  const { openPglite } = await import("./pglite");
  return openPglite(location);
}

/** Brings the schema up to date, then puts a Prisma client on the connection. */
export async function openDatabase(connection: Connection): Promise<Database> {
  try {
    await connection.migrate();
  } catch (error) {
    await connection.close();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: connection.factory });
  return {
    prisma,
    kind: connection.kind,
    sql: connection.sql,
    async close() {
      await prisma.$disconnect();
      await connection.close();
    },
  };
}
