import type { Connection } from "../../src/db/client";

/**
 * One migrated database kept for the whole test file: migrating (or loading PGlite's 41 MB
 * template, or copying PostgreSQL's) took about two seconds, most of an app-level test.
 */
export interface KeptDatabase {
  /** A connection for one test; queries through it fail once the test has given it back. */
  lend(): Connection;
  destroy(): Promise<void>;
}

/**
 * The file's databases: given back ones wait in `idle` for the next test. Kept apart from db.ts
 * (which loads Prisma and pg) so that test/setup.ts can close them after every file, also when
 * a worker runs several files with one module cache and db.ts is evaluated only once.
 */
export const idle: KeptDatabase[] = [];
export const kept: KeptDatabase[] = [];

/** After the file's own afterAll hooks have given theirs back: closed (PGlite) or dropped (PostgreSQL). */
export async function destroyKeptDatabases(): Promise<void> {
  idle.length = 0;
  await Promise.all(kept.splice(0).map((d) => d.destroy()));
}
