import type { SqlExecutor } from "./db/client";

/** What /readyz reports: each check passed, or the first reason it did not. */
export interface Readiness {
  ready: boolean;
  checks: { database: string; migrations: string; jobs: string };
}

export interface ReadinessSources {
  sql: SqlExecutor;
  /** The migrations this build ships, all of which must be recorded as applied. */
  migrations: string[];
  jobsRunning: () => boolean;
  timeoutMs?: number;
}

/**
 * A supervisor polls this every few seconds, so it is one small query: the applied migrations
 * (which also proves the database answers). A database that does not answer within the timeout
 * (a dropped network, not only a refused connection) counts as unreachable.
 */
export async function checkReadiness(sources: ReadinessSources): Promise<Readiness> {
  const jobs = sources.jobsRunning() ? "ok" : "job workers are not running";
  let applied: Set<string>;
  try {
    const { rows } = await withTimeout(
      sources.sql.executeSql(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      ),
      sources.timeoutMs ?? 2_000,
    );
    applied = new Set(rows.map((r) => (r as { migration_name: string }).migration_name));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ready: false,
      checks: { database: `unreachable: ${oneLine(reason)}`, migrations: "unknown", jobs },
    };
  }
  const missing = sources.migrations.filter((name) => !applied.has(name));
  const migrations = missing.length === 0 ? "ok" : `${missing.length} not applied, first ${missing[0]}`;
  return {
    ready: migrations === "ok" && jobs === "ok",
    checks: { database: "ok", migrations, jobs },
  };
}

/**
 * checkReadiness for a poller: while one check waits on a database that does not answer, later
 * polls share it instead of queueing more queries behind it.
 */
export function readinessProbe(sources: ReadinessSources): () => Promise<Readiness> {
  let inFlight: Promise<Readiness> | undefined;
  return () => (inFlight ??= checkReadiness(sources).finally(() => (inFlight = undefined)));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Driver errors may span lines (and name the host, never the password: that stays in the URL). */
function oneLine(text: string): string {
  return text.split("\n")[0]!.slice(0, 200);
}
