import { existsSync } from "node:fs";

/**
 * The directory of carebridge's package.json, found upwards from this module: it sits in src/db/
 * when run from source and is bundled into dist/ by `npm run build`, so no fixed "../.." fits both.
 */
function packageRoot(): URL {
  for (let dir = new URL("./", import.meta.url); ; dir = new URL("../", dir)) {
    if (existsSync(new URL("package.json", dir))) return dir;
    if (dir.pathname === "/") throw new Error(`No package.json above ${import.meta.url}`);
  }
}

export const PACKAGE_ROOT = packageRoot();
