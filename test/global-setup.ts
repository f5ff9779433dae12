import { createHash } from "node:crypto";
import { existsSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgliteConnection } from "../src/db/pglite";
import { applyMigrations, readMigrationList } from "../src/db/migrations";

/**
 * PGlite's initdb takes seconds; a migrated data directory, made once per migrations folder
 * and loaded by each test file, takes about one.
 */
export default async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const hash = createHash("sha256")
    .update(JSON.stringify(readMigrationList().migrationDirectories))
    .digest("hex")
    .slice(0, 16);
  const file = join(tmpdir(), `carebridge-pglite-${hash}.tar`);
  process.env.CAREBRIDGE_PGLITE_TEMPLATE = file;
  if (existsSync(file)) return;
  const db = await PGlite.create("memory://");
  await applyMigrations(pgliteConnection(db).factory);
  const dump = await db.dumpDataDir("none");
  // Written beside the template and renamed into place: a run killed mid-write leaves no broken cache.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  await db.close();
}
