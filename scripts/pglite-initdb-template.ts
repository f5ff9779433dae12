/**
 * Makes the data directory that embedded mode (PGlite) copies into a fresh DATA_DIR instead of
 * running initdb in the app's process, which peaks near 850 MB resident and takes seconds.
 * Run by `npm run generate` (so by `npm ci`), offline: PGlite ships everything initdb needs.
 * The directory is only initdb's output, no migrations: the app applies those as on any start.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { INITDB_TEMPLATE } from "../src/db/pgliteTemplate";

const db = await PGlite.create("memory://");
const dump = await db.dumpDataDir("gzip");
await db.close();
mkdirSync(dirname(INITDB_TEMPLATE), { recursive: true });
// Written beside the template and renamed into place: an install killed mid-write leaves no broken template.
const partial = `${INITDB_TEMPLATE}.${process.pid}.partial`;
writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
renameSync(partial, INITDB_TEMPLATE);
console.log(`PGlite data directory template: ${INITDB_TEMPLATE} (${Math.round(dump.size / 1024)} KB)`);
