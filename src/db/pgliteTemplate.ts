import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_ROOT } from "./package-root";

// The package does not export its package.json; it sits two levels above the entry point.
const PGLITE_VERSION = (
  JSON.parse(
    readFileSync(join(createRequire(import.meta.url).resolve("@electric-sql/pglite"), "../../package.json"), "utf8"),
  ) as { version: string }
).version;

/**
 * initdb's output as a directory, made at install time with the tarball below: a fresh data
 * directory on disk starts as a copy of it, which PGlite then opens as an existing database,
 * without unpacking a tarball in memory.
 */
export const INITDB_TEMPLATE_DIR = fileURLToPath(
  new URL(`src/generated/pglite-${PGLITE_VERSION}-initdb`, PACKAGE_ROOT),
);

/**
 * initdb's output as a tarball, for databases kept in memory ("memory://"), made at install time by scripts/pglite-initdb-template.ts (git-ignored, like
 * the Prisma client beside it). Named by PGlite's version: another version's would not start.
 * Found from the package root, so the bundle in dist/ finds it too.
 */
export const INITDB_TEMPLATE = fileURLToPath(
  new URL(`src/generated/pglite-${PGLITE_VERSION}-initdb.tar.gz`, PACKAGE_ROOT),
);
