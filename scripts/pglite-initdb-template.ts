/**
 * Makes the data directory that embedded mode (PGlite) copies into a fresh DATA_DIR instead of
 * running initdb in the app's process, which peaks near 850 MB resident and takes seconds.
 * Run by `npm run generate` (so by `npm ci`), offline: PGlite ships everything initdb needs.
 * The tarball is only initdb's output (databases in memory, e.g. tests, migrate themselves). The
 * directory also holds the migrations of this install, so that a first start on disk finds its
 * schema up to date and never opens the schema engine (migrations added later are applied on
 * start), and pg-boss's schema with carebridge's queue, which a first start would otherwise install.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations } from "../src/db/migrations";
import { pgliteConnection } from "../src/db/pglite";
import { INITDB_TEMPLATE, INITDB_TEMPLATE_DIR } from "../src/db/pgliteTemplate";
import { installQueue } from "../src/jobs/boss";

mkdirSync(dirname(INITDB_TEMPLATE), { recursive: true });
// Both are written beside their place and renamed into it: an install killed mid-write leaves no broken template.
const partialDir = `${INITDB_TEMPLATE_DIR}.${process.pid}.partial`;
const db = await PGlite.create(partialDir);
const dump = await db.dumpDataDir("gzip");
const connection = pgliteConnection(db);
const migrations = await applyMigrations(connection.factory);
await installQueue(connection.sql);
await db.close();
rmSync(INITDB_TEMPLATE_DIR, { recursive: true, force: true });
renameSync(partialDir, INITDB_TEMPLATE_DIR);
const partial = `${INITDB_TEMPLATE}.${process.pid}.partial`;
writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
renameSync(partial, INITDB_TEMPLATE);
console.log(
  `PGlite data directory template: ${INITDB_TEMPLATE_DIR} (${migrations.length} migrations applied, job queue installed), and initdb's alone as a tarball ${INITDB_TEMPLATE} (${Math.round(dump.size / 1024)} KB)`,
);
