import { createSettingsReader } from "../../../src/app/settings/read";
import { createAccessService } from "../../../src/app/access/service";
import type { Actor } from "../../../src/app/actor";
import { createAudit } from "../../../src/app/audit";
import { createLinking, type ActionResult, type LinkingOverview } from "../../../src/app/linking";
import { loadConfig } from "../../../src/config";
import type { Database } from "../../../src/db/client";
import { silentLogger } from "../../../src/logger";
import { createProviders, type Providers } from "../../../src/providers";
import { startSandbox, type Sandbox } from "../../../src/providers/sandbox/server";
import { testDatabase } from "../../support/db";
import { UNPACED } from "../../support/vendors";

export const WORKSPACE = "T0LINK";
export const ADMIN: Actor = { workspaceId: WORKSPACE, userId: "U0ADMIN" };
export const OTHER_ADMIN: Actor = { workspaceId: WORKSPACE, userId: "U0ADMIN2" };
export const VIEWER: Actor = { workspaceId: WORKSPACE, userId: "U0VIEWER" };
export const STRANGER: Actor = { workspaceId: WORKSPACE, userId: "U0STRANGER" };

export interface LinkingHarness {
  db: Database;
  sandbox: Sandbox;
  providers: Providers;
  linking: ReturnType<typeof createLinking>;
  /** Audit lines of this workspace, oldest first, as "action:targetId:outcome". */
  audits(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The linking workflow on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL) and
 * the demo sandbox over HTTP (or, with env pointing Motivity/Calmanac elsewhere, nock), with
 * two admins and a viewer.
 */
export async function linkingHarness(env: Record<string, string> = {}): Promise<LinkingHarness> {
  const db = await testDatabase();
  const sandbox = await startSandbox({ seed: "demo" });
  const config = loadConfig({ CAREBRIDGE_ADMINS: ADMIN.userId, ...UNPACED, ...env });
  const providers = createProviders(config, {
    logger: silentLogger,
    sandbox,
    http: { maxRetries: 0 },
  });
  const prisma = db.prisma;
  await prisma.workspace.create({ data: { id: WORKSPACE } });
  await prisma.appUser.createMany({
    data: [
      { workspaceId: WORKSPACE, slackUserId: OTHER_ADMIN.userId, role: "admin", grantedBy: ADMIN.userId },
      { workspaceId: WORKSPACE, slackUserId: VIEWER.userId, role: "viewer", grantedBy: ADMIN.userId },
    ],
  });
  const audit = createAudit(prisma);
  const access = createAccessService({ prisma, configAdmins: config.admins, audit, offices: providers.staffDirectory });
  const linking = createLinking({
    pair: providers.linkingPair,
    access,
    audit,
    prisma,
    settings: createSettingsReader(prisma, config),
    sandboxVendors: providers.sandboxVendors,
    now: () => new Date(),
  });
  return {
    db,
    sandbox,
    providers,
    linking,
    async audits() {
      const rows = await prisma.auditEvent.findMany({
        where: { workspaceId: WORKSPACE },
        orderBy: { createdAt: "asc" },
      });
      return rows.map((r) => `${r.action}:${r.targetId}:${r.outcome}`);
    },
    async close() {
      await providers.close();
      await sandbox.close();
      await db.close();
    },
  };
}

/** The overview of a successful result; fails the test with the problems otherwise. */
export function overviewOf(
  result: { ok: true; overview: LinkingOverview } | { ok: false; problems: unknown },
): LinkingOverview {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result.overview;
}

export function outcomeOf(result: ActionResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result.outcome;
}

export const ids = (rows: Array<{ person: { id: string } }>) => rows.map((r) => r.person.id).sort();
