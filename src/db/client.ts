import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { applyMigrations } from "./migrations";

export type { PrismaClient };

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
}

/** A live connection before Prisma sits on it: the adapter for Prisma and the SQL door for pg-boss. */
export interface Connection {
  kind: "pglite" | "postgres";
  factory: SqlMigrationAwareDriverAdapterFactory;
  sql: SqlExecutor;
  close(): Promise<void>;
}

export function postgresConnection(url: string): Connection {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return {
    kind: "postgres",
    factory: new PrismaPg(pool),
    sql: { executeSql: async (text, values) => ({ rows: (await pool.query(text, values)).rows }) },
    close: () => pool.end(),
  };
}

/** DATABASE_URL set → PostgreSQL; unset → PGlite persisted under DATA_DIR ("memory://" keeps it in memory). */
export async function connect(options: DatabaseOptions): Promise<Connection> {
  if (options.databaseUrl) return postgresConnection(options.databaseUrl);
  const inMemory = options.dataDir.startsWith("memory://");
  const location = inMemory ? options.dataDir : resolve(options.dataDir, "pgdata");
  if (!inMemory) mkdirSync(location, { recursive: true });
  // Loaded only in embedded mode: PGlite and its adapter cost about 45 MB of memory once imported.
  const { openPglite } = await import("./pglite");
  return openPglite(location);
}

/** Brings the schema up to date, then puts a Prisma client on the connection. */
export async function openDatabase(connection: Connection): Promise<Database> {
  try {
    await applyMigrations(connection.factory);
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
