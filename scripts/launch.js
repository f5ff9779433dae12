// @ts-check
// How `npm start` and `npm run demo` run a program of src/ (scripts/start.js, scripts/demo.js):
// from its bundle in dist/, bundled first when dist/ is missing or older than src/ (about 0.3 s),
// as plain node; through tsx only when bundling fails. One process either way, so signals reach
// the app directly. A bundle saves tsx's loader and its transpiling: ~70 MB and ~1 s per start.
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const sources = fileURLToPath(new URL("src/", root));

/**
 * The newest modification time of any file under `dir`.
 * @param {string} dir
 */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return latest;
}

/**
 * Why dist/ must be bundled again before `entry` runs from it, or undefined when it is current.
 * @param {string} entry
 */
export function staleness(entry) {
  const compiled = new URL(`dist/${entry}.js`, root);
  if (!existsSync(compiled)) return "there is no build yet";
  if (existsSync(sources) && statSync(compiled).mtimeMs < newest(sources)) return "src/ changed since the last build";
  return undefined;
}

/**
 * Runs src/<entry>.ts, e.g. "main" or "console/main".
 * @param {string} entry
 */
export async function launch(entry) {
  const stale = staleness(entry);
  if (stale !== undefined) {
    console.warn(`Bundling src/ into dist/ (${stale}).`);
    try {
      const { bundle } = await import("./bundle.js");
      await bundle(fileURLToPath(new URL("dist/", root)), sources);
    } catch (error) {
      console.warn(
        `Bundling failed (${error instanceof Error ? error.message : error}): running the sources with tsx.`,
      );
      const { register } = await import("tsx/esm/api");
      register();
      await import(new URL(`src/${entry}.ts`, root).href);
      return;
    }
  }
  await import(new URL(`dist/${entry}.js`, root).href);
}
