import type { Config } from "../config";
import { copyTemplate, pgliteLocation } from "../db/pgliteTemplate";

/**
 * Begins copying the database template into a fresh embedded data directory (see copyTemplate),
 * which opening the database then awaits instead of starting: a process may begin it before it
 * loads the app's modules, the copying running on libuv's threads meanwhile. Nothing for
 * PostgreSQL, a database in memory or a data directory that already holds one. A failed copy is
 * left for opening the database to report.
 */
export function beginEmbeddedDatabase(config: Pick<Config, "databaseUrl" | "dataDir">): void {
  if (config.databaseUrl || config.dataDir.startsWith("memory://")) return;
  copyTemplate(pgliteLocation(config.dataDir)).catch(() => {});
}
