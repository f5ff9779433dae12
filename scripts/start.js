// `npm start`: the compiled app in dist/ when `npm run build` made it from the current src/,
// otherwise the sources through tsx. One process either way, so signals reach the app directly.
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const compiled = new URL("../dist/main.js", import.meta.url);
const sources = fileURLToPath(new URL("../src/", import.meta.url));

/** The newest modification time of any file under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return latest;
}

const built = existsSync(compiled) ? statSync(compiled).mtimeMs : undefined;
if (built !== undefined && (!existsSync(sources) || built >= newest(sources))) {
  await import(compiled.href);
} else {
  if (built !== undefined)
    console.warn("dist/ is older than src/: running the sources with tsx (npm run build to refresh it).");
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/main.ts", import.meta.url).href);
}
