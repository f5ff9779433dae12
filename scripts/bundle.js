// @ts-check
// Plain JavaScript, not TypeScript: scripts/launch.js imports it to bundle on demand under plain node.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { build } from "esbuild";

/** The programs of src/ that run from a bundle: src/main.ts (`npm start`) and src/console/main.ts (`npm run demo`). */
export const ENTRIES = ["main", "console/main"];

const PARTIAL_KEPT_MS = 10 * 60_000;

/**
 * Bundles ENTRIES of `src` (src/ of this package unless given) into outdir as `<entry>.js`
 * (see scripts/build.ts for why esbuild). outdir must be inside this package: the bundle finds
 * node_modules and prisma/ by looking upwards from itself.
 *
 * Safe while other processes start from outdir (two launches on a stale dist/): each file is
 * written beside its place and renamed into it, shared chunks (named by their content) before
 * the entries that import them. The entries keep the time the build began, so a source edited
 * while it ran still counts as newer. Files of earlier builds are then removed, those older than
 * this build only: a build that ran at the same time from other sources keeps its chunks, and
 * its entries or ours, whichever came from the older sources, are stale and bundled again.
 *
 * @param {string} outdir
 * @param {string} [src]
 * @returns {Promise<void>}
 */
export async function bundle(outdir, src = "src") {
  const startedAt = new Date();
  const { outputFiles } = await build({
    entryPoints: ENTRIES.map((entry) => join(src, `${entry}.ts`)),
    outbase: src,
    outdir,
    bundle: true,
    // PGlite is imported only in embedded mode (it costs ~45 MB once loaded); splitting keeps that
    // dynamic import a separate chunk instead of a static import at the top of the bundle.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
    write: false,
  });
  const entries = new Set(ENTRIES.map((entry) => resolve(outdir, `${entry}.js`)));
  const ordered = [...outputFiles].sort((a, b) => Number(entries.has(a.path)) - Number(entries.has(b.path)));
  for (const file of ordered) {
    mkdirSync(dirname(file.path), { recursive: true });
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    if (entries.has(file.path)) utimesSync(partial, startedAt, startedAt);
    renameSync(partial, file.path);
  }
  const written = new Set(outputFiles.map((file) => relative(outdir, file.path)));
  for (const entry of readdirSync(outdir, { withFileTypes: true, recursive: true })) {
    const path = relative(outdir, join(entry.parentPath, entry.name));
    if (!entry.isFile() || written.has(path)) continue;
    // A build still writing renames its .partial files into place: removing one fails that build
    // (an entry's partial carries its build's start time, older than ours). Only a crashed
    // build's partials, left for a while, go.
    if (
      path.endsWith(".partial") &&
      Date.now() - (statSync(join(outdir, path), { throwIfNoEntry: false })?.ctimeMs ?? 0) < PARTIAL_KEPT_MS
    )
      continue;
    // Another build's file may be renamed or removed meanwhile.
    const file = join(outdir, path);
    const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (modified !== undefined && modified < startedAt.getTime()) rmSync(file, { force: true });
  }
}
