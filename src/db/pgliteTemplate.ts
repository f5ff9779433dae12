import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The package does not export its package.json; it sits two levels above the entry point.
const PGLITE_VERSION = (
  JSON.parse(
    readFileSync(join(createRequire(import.meta.url).resolve("@electric-sql/pglite"), "../../package.json"), "utf8"),
  ) as { version: string }
).version;

/**
 * initdb's output, made at install time by scripts/pglite-initdb-template.ts (git-ignored, like
 * the Prisma client beside it). Named by PGlite's version: another version's would not start.
 */
export const INITDB_TEMPLATE = fileURLToPath(
  new URL(`../generated/pglite-${PGLITE_VERSION}-initdb.tar.gz`, import.meta.url),
);
