import { createSettingsReader } from "../../../src/app/settings/read";
import { type AccessService, createAccessService } from "../../../src/app/access/service";
import { type AgencyUsers, createAgencyUsers } from "../../../src/app/agency-users";
import { createAudit } from "../../../src/app/audit";
import type { Actor } from "../../../src/app/actor";
import { loadConfig } from "../../../src/config";
import type { AgencyUserForm } from "../../../src/domain/agency-users/validation";
import type { Database } from "../../../src/db/client";
import { silentLogger } from "../../../src/logger";
import { createProviders, type Providers } from "../../../src/providers";
import { type Sandbox, startSandbox } from "../../../src/providers/sandbox/server";
import { testDatabase } from "../../support/db";

export const TEAM = "T1";
export const ADMIN: Actor = { workspaceId: TEAM, userId: "UADMIN" };
/** The sandbox's Caresmartz360 roles, most privileged first. */
export const RANKING = "Administrator,Office Manager,Scheduler,Care Coordinator,HR Specialist";
export const NOCK_URL = "https://caresmartz.test";

export interface Harness {
  db: Database;
  sandbox: Sandbox;
  providers: Providers;
  access: AccessService;
  agencyUsers: AgencyUsers;
  /** Gives `userId` carebridge access as an admin would. */
  grant(userId: string, role: "agency-user" | "viewer", office?: string, grants?: string[]): Promise<Actor>;
  close(): Promise<void>;
}

/**
 * The workflow on a real database and the sandbox's Caresmartz360 over loopback HTTP, or, with
 * `nock: true`, Caresmartz360 at NOCK_URL for nock to play (the other vendors stay sandboxed).
 */
export async function startHarness(options: { nock?: boolean; env?: Record<string, string> } = {}): Promise<Harness> {
  const db = await testDatabase();
  await db.prisma.workspace.create({ data: { id: TEAM } });
  const sandbox = await startSandbox({ seed: "demo" });
  const config = loadConfig({
    CAREBRIDGE_ADMINS: ADMIN.userId,
    ROLE_RANKING: RANKING,
    ...(options.nock ? { CARESMARTZ_BASE_URL: NOCK_URL, CARESMARTZ_API_KEY: "key" } : {}),
    ...options.env,
  });
  const providers = createProviders(config, { logger: silentLogger, sandbox, http: { maxRetries: 0 } });
  const audit = createAudit(db.prisma);
  const access = createAccessService({
    prisma: db.prisma,
    configAdmins: config.admins,
    audit,
    offices: { listOffices: async () => [...sandbox.state.caresmartz.offices] },
  });
  const agencyUsers = createAgencyUsers({
    directory: providers.staffDirectory,
    access,
    audit,
    prisma: db.prisma,
    config,
    settings: createSettingsReader(db.prisma, config),
    now: () => new Date(),
  });
  return {
    db,
    sandbox,
    providers,
    access,
    agencyUsers,
    async grant(userId, role, office, grants = []) {
      const result = await access.grant(ADMIN, { userId, role, ...(office ? { office } : {}), grants });
      if (!result.ok) throw new Error(result.problems[0]?.message);
      return { workspaceId: TEAM, userId };
    },
    async close() {
      await providers.close();
      await sandbox.close();
      await db.close();
    },
  };
}

export const form = (overrides: Partial<AgencyUserForm> = {}): AgencyUserForm => ({
  username: "jose.nunez",
  roleId: "ro-sch",
  officeId: "of-fre",
  firstName: "José",
  lastName: "Núñez",
  businessEmail: "jose.nunez@sunrisecare.example",
  mobilePhone: "(559) 555-0101",
  flags: {
    showOnCareCoordinatorList: true,
    showOnSupervisorList: false,
    lmsManager: true,
    sendToActivatedInsights: false,
  },
  ...overrides,
});

/** No Slack email known for the creator. */
export const noEmail = async (): Promise<string | undefined> => undefined;
export const emailOf = (email: string) => async (): Promise<string | undefined> => email;

export const fieldsOf = (result: { ok: boolean; problems?: Array<{ field?: string; message: string }> }) =>
  Object.fromEntries((result.problems ?? []).map((p) => [p.field ?? "(general)", p.message]));
