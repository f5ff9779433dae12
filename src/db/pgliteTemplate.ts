import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { copyFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { createRequire } from "node:module";
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

/** Where embedded mode keeps its database on disk under DATA_DIR. */
export function pgliteLocation(dataDir: string): string {
  return resolve(dataDir, "pgdata");
}

const copies = new Map<string, Promise<boolean>>();

/**
 * Makes `location`, a data directory on disk, a copy of INITDB_TEMPLATE_DIR when it holds no
 * database yet; resolves to false when there is nothing to copy (a database is there, or no
 * template). One copy at a time per location in a process: the console starts it before it loads the
 * app's modules, and opening the database awaits the same copy. The files are copied on libuv's
 * threads, so the loading goes on meanwhile (about a third of a second of copying on a first start).
 */
export function copyTemplate(location: string): Promise<boolean> {
  let copy = copies.get(location);
  if (copy === undefined) {
    copy = copyTemplateOnce(location);
    copies.set(location, copy);
    // Once settled, the directory itself says whether it holds a database.
    const forget = () => copies.delete(location);
    copy.then(forget, forget);
  }
  return copy;
}

/** Copied beside location and renamed into place: a start killed mid-copy leaves no half database. */
async function copyTemplateOnce(location: string): Promise<boolean> {
  if (existsSync(join(location, "PG_VERSION")) || !existsSync(INITDB_TEMPLATE_DIR)) return false;
  const partial = `${location}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(dirname(location), { recursive: true });
  const files: string[] = [];
  const directories = [""];
  for (const entry of readdirSync(INITDB_TEMPLATE_DIR, { withFileTypes: true, recursive: true })) {
    const path = relative(INITDB_TEMPLATE_DIR, join(entry.parentPath, entry.name));
    (entry.isDirectory() ? directories : files).push(path);
  }
  // Directories keep the template's modes, as a recursive copy would.
  for (const dir of directories) {
    mkdirSync(join(partial, dir), { recursive: true });
    chmodSync(join(partial, dir), statSync(join(INITDB_TEMPLATE_DIR, dir)).mode);
  }
  await Promise.all(files.map((file) => copyFile(join(INITDB_TEMPLATE_DIR, file), join(partial, file))));
  // An empty directory left where the database goes (made by hand, by connect(), or by an earlier killed start) gives way.
  if (existsSync(location) && readdirSync(location).length === 0) rmSync(location, { recursive: true });
  renameSync(partial, location);
  return true;
}
