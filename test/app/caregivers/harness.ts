import { loadConfig, type Config } from "../../../src/config";
import type { Database } from "../../../src/db/client";
import { createAccessService } from "../../../src/app/access/service";
import type { Actor } from "../../../src/app/actor";
import { createAudit } from "../../../src/app/audit";
import { createCaregivers, type CaregiverDeps } from "../../../src/app/caregivers";
import { describeError } from "../../../src/app/errors";
import { createJobs } from "../../../src/app/jobs";
import { JobRunner } from "../../../src/jobs/runner";
import { createJobStore } from "../../../src/jobs/store";
import { silentLogger } from "../../../src/logger";
import { createProviders, type Providers } from "../../../src/providers";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../../src/providers/sandbox/server";
import { testDatabase } from "../../support/db";
import { UNPACED } from "../../support/vendors";

export const WORKSPACE = "T0CARE";
export const ADMIN: Actor = { workspaceId: WORKSPACE, userId: "U0ADMIN" };
export const STAFF: Actor = { workspaceId: WORKSPACE, userId: "U0STAFF" };
export const VIEWER: Actor = { workspaceId: WORKSPACE, userId: "U0VIEWER" };

export interface Harness {
  db: Database;
  sandbox: Sandbox;
  providers: Providers;
  config: Config;
  caregivers: ReturnType<typeof createCaregivers>;
  /** What the workflow was made from: a second one on the same database plays another instance. */
  deps: CaregiverDeps;
  jobs: ReturnType<typeof createJobs>;
  store: ReturnType<typeof createJobStore>;
  runner: JobRunner;
  /** Every CareAcademy user with this TeleTrack id (never more than one, we hope). */
  accountsOf(caregiverId: string): Array<{ id: string; status: string }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  sandbox?: SandboxOptions;
  env?: Record<string, string>;
  /** Replaces the prisma client the workflow sees (to make it fail at a chosen point). */
  wrapPrisma?: (prisma: Database["prisma"]) => CaregiverDeps["prisma"];
  /** Options for every vendor's HTTP client, e.g. fast retries. */
  http?: Parameters<typeof createProviders>[1]["http"];
  now?: () => Date;
}

/**
 * The caregiver workflow on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL) and
 * the sandbox vendors over real HTTP, with an admin, an agency user and a viewer.
 */
export async function caregiverHarness(options: HarnessOptions = {}): Promise<Harness> {
  const db = await testDatabase();
  const sandbox = await startSandbox({ seed: "demo", ...options.sandbox });
  const config = loadConfig({ CAREBRIDGE_ADMINS: ADMIN.userId, ...UNPACED, ...options.env });
  const providers = createProviders(config, {
    logger: silentLogger,
    sandbox,
    ...(options.http ? { http: options.http } : {}),
  });
  const prisma = db.prisma;
  await prisma.workspace.create({ data: { id: WORKSPACE } });
  const audit = createAudit(prisma);
  const access = createAccessService({ prisma, configAdmins: config.admins, audit, offices: providers.staffDirectory });
  await prisma.appUser.createMany({
    data: [
      {
        workspaceId: WORKSPACE,
        slackUserId: STAFF.userId,
        role: "agency_user",
        office: "of-sac",
        grantedBy: ADMIN.userId,
      },
      { workspaceId: WORKSPACE, slackUserId: VIEWER.userId, role: "viewer", grantedBy: ADMIN.userId },
    ],
  });
  const store = createJobStore(prisma);
  // Small batches, so that results are recorded while other items are still in flight.
  const runner = new JobRunner({ store, logger: silentLogger, describeError, flushEvery: 5, flushMs: 50 });
  const now = options.now ?? (() => new Date());
  const deps: CaregiverDeps = {
    source: providers.caregiverSource,
    lms: providers.caregiverLms,
    lmsVendor: "careacademy",
    access,
    audit,
    prisma: options.wrapPrisma ? options.wrapPrisma(prisma) : prisma,
    jobStore: store,
    jobRunner: runner,
    birthDateRequiredStates: config.birthDateRequiredStates,
    bulkThreshold: config.archive,
    now,
  };
  const caregivers = createCaregivers(deps);
  const jobs = createJobs({ store, runner, access, audit, now });
  return {
    db,
    sandbox,
    providers,
    config,
    caregivers,
    deps,
    jobs,
    store,
    runner,
    accountsOf: (caregiverId) =>
      [...sandbox.state.careacademy.users.values()].filter((u) => u.externalId === caregiverId),
    async close() {
      await providers.close();
      await sandbox.close();
      await db.close();
    },
  };
}
