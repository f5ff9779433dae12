// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes a database from
// the existing migrations to prisma/schema.prisma. Offline, through the WebAssembly schema engine
// and an in-memory PGlite as the shadow database.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { NO_FILTERS, readMigrationList } from "../src/db/migrations";
import { MIGRATIONS_DIR, openSchemaEngine, readDatamodel } from "../src/db/schema-engine";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run migrate:new -- <name>   (e.g. add_upload_hash)");
  process.exit(2);
}

const dir = fileURLToPath(MIGRATIONS_DIR);
const engine = await openSchemaEngine(new PrismaPGlite(new PGlite()));
const existing = readMigrationList(dir);
const diff = await engine.diff({
  from: existing.migrationDirectories.length ? { tag: "migrations", ...existing } : { tag: "empty" },
  to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: readDatamodel() }] },
  script: true,
  exitCode: null,
  filters: NO_FILTERS,
});
engine.free();

const sql = diff.stdout ?? "";
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.log("The schema matches the migrations; nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = join(dir, `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, "migration.sql"), sql);
writeFileSync(join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
console.log(`Wrote ${folder}/migration.sql`);
