import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { MIGRATIONS_DIR, openSchemaEngine } from "./schema-engine";

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** The migrations folder in the shape the schema engine expects, as `prisma migrate` reads it. */
export function readMigrationList(dir: string = fileURLToPath(MIGRATIONS_DIR)): MigrationList {
  const lockPath = join(dir, "migration_lock.toml");
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "migration.sql")))
        .map((e) => e.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/**
 * Applies the migrations not yet applied and records them in `_prisma_migrations`, exactly
 * as `prisma migrate deploy` would; a second run applies nothing.
 */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openSchemaEngine(adapterFactory);
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrationList(), filters: NO_FILTERS });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
