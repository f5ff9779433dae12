import { createHash } from "node:crypto";
import { existsSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { postgresConnection } from "../src/db/client";
import { PGLITE_SETTINGS, pgliteConnection } from "../src/db/pglite";
import { applyMigrations, readMigrationList } from "../src/db/migrations";

/**
 * Migrating takes seconds: each test file copies a database migrated once per migrations folder
 * (its names and contents), PGlite's as a data directory, PostgreSQL's as a template database.
 */
export default async function setup(): Promise<void> {
  const hash = createHash("sha256")
    .update(JSON.stringify(readMigrationList().migrationDirectories))
    .digest("hex")
    .slice(0, 16);
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) process.env.CAREBRIDGE_PG_TEMPLATE = await postgresTemplate(adminUrl, `carebridge_template_${hash}`);
  else process.env.CAREBRIDGE_PGLITE_TEMPLATE = await pgliteTemplate(join(tmpdir(), `carebridge-pglite-${hash}.tar`));
}

async function pgliteTemplate(file: string): Promise<string> {
  if (existsSync(file)) return file;
  const db = await PGlite.create("memory://", { postgresqlconf: PGLITE_SETTINGS });
  await applyMigrations(pgliteConnection(db).factory);
  const dump = await db.dumpDataDir("none");
  // Written beside the template and renamed into place: a run killed mid-write leaves no broken cache.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  await db.close();
  return file;
}

/**
 * Made under another name and renamed when migrated, as the PGlite file is: other runs on the
 * same server (other clones, other migrations) only ever see a finished template.
 */
async function postgresTemplate(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return name;
    const partial = `${name}_${process.pid}`;
    await admin.query(`CREATE DATABASE ${partial}`);
    const url = new URL(adminUrl);
    url.pathname = `/${partial}`;
    const connection = postgresConnection(url.toString());
    try {
      await connection.migrate();
    } finally {
      await connection.close();
    }
    try {
      await admin.query(`ALTER DATABASE ${partial} RENAME TO ${name}`);
    } catch (error) {
      if ((error as { code?: string }).code !== "42P04") throw error; // another run made it meanwhile
      await admin.query(`DROP DATABASE ${partial}`);
    }
    return name;
  } finally {
    await admin.end();
  }
}
