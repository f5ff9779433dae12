import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Connection } from "./client";
import { applyMigrations } from "./migrations";

/**
 * Postgres' default 128 MB of shared buffers is sized for a server, not one embedded app: 32 MB
 * saves about 80 MB resident, and 3,000 creates or a 200,000-row insert took no longer here.
 */
const SETTINGS = ["shared_buffers = 32MB"];

/** Embedded mode: PGlite persisted at `location`, or kept in memory for "memory://". */
export async function openPglite(location: string): Promise<Connection> {
  return pgliteConnection(await PGlite.create(location, { postgresqlconf: SETTINGS }));
}

export function pgliteConnection(db: PGlite): Connection {
  const factory = new PrismaPGlite(db);
  return {
    kind: "pglite",
    factory,
    // One process per data directory, one connection: nothing else can hold the migration lock.
    migrate: () => applyMigrations(factory),
    sql: {
      // pg-boss sends multi-statement scripts without parameters; only exec() runs those.
      async executeSql(text, values) {
        if (!values || values.length === 0) {
          const results = await db.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        const result = await db.query(text, values);
        return { rows: result.rows };
      },
    },
    close: () => db.close(),
  };
}
