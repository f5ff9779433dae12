import { type Services, createServices } from "./app/services";
import { describeError } from "./app/errors";
import type { Config } from "./config";
import { connect, type Database, openDatabase } from "./db/client";
import { readMigrationList } from "./db/migrations";
import { type Readiness, readinessProbe } from "./health";
import { type BossQueue, startBoss } from "./jobs/boss";
import { jobCounts } from "./jobs/counts";
import { JobRunner } from "./jobs/runner";
import { createJobStore, type JobStore } from "./jobs/store";
import type { Logger } from "./logger";
import { Metrics } from "./metrics";
import { createProviders, needsSandbox } from "./providers";
import type { Providers } from "./providers/roles";
import { type Sandbox, startSandbox } from "./providers/sandbox/server";

export interface Runtime {
  config: Config;
  logger: Logger;
  db: Database;
  providers: Providers;
  sandbox: Sandbox | undefined;
  jobStore: JobStore;
  jobRunner: JobRunner;
  services: Services;
  metrics: Metrics;
  /** For /readyz: the database answers, every migration is applied, job workers run. */
  readiness(): Promise<Readiness>;
  /** Starts pg-boss workers; from then on, jobs a dead or stopped runner left unfinished are resumed. */
  startJobs(): Promise<void>;
  close(): Promise<void>;
}

export interface BootstrapOptions {
  /** Tests hand in their own database; the app opens the configured one. */
  db?: Database;
  sandboxLatencyMs?: number;
  now?: () => Date;
}

/** config → database (+ migrations) → providers (+ sandbox) → jobs → use-cases. */
export async function bootstrap(config: Config, logger: Logger, options: BootstrapOptions = {}): Promise<Runtime> {
  const now = options.now ?? (() => new Date());
  const db =
    options.db ??
    (await openDatabase(
      await connect({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        migrationLockTimeoutMs: config.migrationLockTimeoutMs,
        onIdleError: (err) =>
          logger.warn({ err }, "PostgreSQL closed an idle connection; the next query opens another"),
      }),
    ));
  const sandbox = needsSandbox(config)
    ? await startSandbox({
        logger,
        birthDateRequiredStates: config.birthDateRequiredStates,
        ...(options.sandboxLatencyMs === undefined ? {} : { latencyMs: options.sandboxLatencyMs }),
      })
    : undefined;
  const metrics = new Metrics({ logger, jobCounts: () => jobCounts(db.prisma) });
  const providers = createProviders(config, { logger, metrics, ...(sandbox ? { sandbox } : {}) });
  const jobStore = createJobStore(db.prisma);
  const jobRunner = new JobRunner({ store: jobStore, logger, describeError, now, leaseMs: config.jobLeaseMs });
  // Workspace accounts need the key that seals them. A workspace's own providers report no circuit
  // gauge: the metric is labelled by vendor, not workspace.
  const buildProviders = config.encryption
    ? (own: Config) => createProviders(own, { logger, ...(sandbox ? { sandbox } : {}) })
    : undefined;
  const services = createServices({
    config,
    prisma: db.prisma,
    providers,
    ...(buildProviders ? { buildProviders } : {}),
    jobStore,
    jobRunner,
    logger,
    now,
  });
  let boss: BossQueue | undefined;
  const migrations = readMigrationList().migrationDirectories.map((m) => m.path);

  return {
    config,
    logger,
    db,
    providers,
    sandbox,
    jobStore,
    jobRunner,
    services,
    metrics,
    readiness: readinessProbe({ sql: db.sql, migrations, jobsRunning: () => boss !== undefined }),
    async startJobs() {
      boss = await startBoss(db.sql, jobRunner, logger);
    },
    async close() {
      const stopping = boss;
      boss = undefined;
      await stopping?.stop();
      await services.providers.close();
      await providers.close();
      await sandbox?.close();
      await db.close();
    },
  };
}
