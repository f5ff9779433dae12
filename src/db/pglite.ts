import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Connection, SqlExecutor } from "./client";
import { applyMigrations, migrationsUpToDate } from "./migrations";
import { copyTemplate, INITDB_TEMPLATE } from "./pgliteTemplate";

/**
 * Postgres' default 128 MB of shared buffers is sized for a server, not one embedded app, and
 * PGlite touches all of them at start: 8 MB holds about 110 MB less resident than 128 MB (35 MB
 * less than 32 MB) on a warm open. On disk the OS page cache sits behind them, in memory the
 * data is in the process anyway; 3,000 inserts, a 200,000-row insert and 200 scans of it took
 * no longer here than with 32 MB.
 */
export const PGLITE_SETTINGS = ["shared_buffers = 8MB"];

/**
 * A fresh data directory starts as a copy of the install-time template: PGlite's initdb runs a
 * second PostgreSQL in the process, about 850 MB resident at its peak and seconds of work. On
 * disk the template directory is copied in and opened as an existing database (loading the
 * tarball instead unpacks it in memory, about 90 MB more at the peak); in memory the tarball is
 * loaded. Without a template it falls back to initdb, and says so.
 */
async function freshDataDir(location: string, log: (line: string) => void): Promise<Blob | undefined> {
  const inMemory = location.startsWith("memory://");
  if (!inMemory && existsSync(join(location, "PG_VERSION"))) return undefined;
  if (!inMemory && (await copyTemplate(location))) return undefined;
  if (existsSync(INITDB_TEMPLATE)) return new Blob([readFileSync(INITDB_TEMPLATE)]);
  log(
    `No PGlite template at ${INITDB_TEMPLATE} (npm run generate makes it): running initdb, which takes seconds and about 850 MB of memory.`,
  );
  return undefined;
}

/** Embedded mode: PGlite persisted at `location`, or kept in memory for "memory://". */
export async function openPglite(location: string, log: (line: string) => void = console.warn): Promise<Connection> {
  const loadDataDir = await freshDataDir(location, log);
  const db = await PGlite.create(location, {
    postgresqlconf: PGLITE_SETTINGS,
    ...(loadDataDir === undefined ? {} : { loadDataDir }),
  });
  return pgliteConnection(db);
}

export function pgliteConnection(db: PGlite): Connection {
  const factory = new PrismaPGlite(db);
  const sql: SqlExecutor = {
    // pg-boss sends multi-statement scripts without parameters; only exec() runs those.
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await db.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await db.query(text, values);
      return { rows: result.rows };
    },
  };
  return {
    kind: "pglite",
    factory,
    // One process per data directory, one connection: nothing else can hold the migration lock.
    migrate: async () => ((await migrationsUpToDate(sql)) ? [] : applyMigrations(factory)),
    sql,
    close: () => db.close(),
  };
}
