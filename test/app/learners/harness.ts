import { createSettingsReader } from "../../../src/app/settings/read";
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { type AccessService, createAccessService } from "../../../src/app/access/service";
import type { Actor } from "../../../src/app/actor";
import { createAudit } from "../../../src/app/audit";
import { createLearners, type Learners, type LearnersDeps } from "../../../src/app/learners";
import type { IncomingFile } from "../../../src/app/learners/incoming-file";
import { loadConfig } from "../../../src/config";
import type { Database } from "../../../src/db/client";
import { JobRunner } from "../../../src/jobs/runner";
import { createJobStore } from "../../../src/jobs/store";
import { silentLogger } from "../../../src/logger";
import { createProviders, type Providers } from "../../../src/providers";
import { type Sandbox, startSandbox } from "../../../src/providers/sandbox/server";
import { testDatabase } from "../../support/db";

export const TEAM = "T1";
export const ADMIN: Actor = { workspaceId: TEAM, userId: "UADMIN" };
export const ADMIN2: Actor = { workspaceId: TEAM, userId: "UADMIN2" };

/** The product docs sit beside the repository (CI clones ../shared next to it). */
export function fixture(name: string): Buffer {
  return readFileSync(new URL(`../../../../shared/fixtures/${name}`, import.meta.url));
}

export interface Harness {
  db: Database;
  sandbox: Sandbox;
  providers: Providers;
  access: AccessService;
  runner: JobRunner;
  deps: LearnersDeps;
  learners: Learners;
  /** A file shared in `channel`; `opened` counts downloads. */
  file(
    name: string,
    content: Buffer | string,
    options?: { mimetype?: string; size?: number },
  ): IncomingFile & { opened: number };
  grant(userId: string, role: "agency-user" | "viewer" | "admin", office?: string): Promise<Actor>;
  close(): Promise<void>;
}

let files = 0;

/** The learner workflow on a real database, with CACWT (or SCIM) played by the sandbox over loopback HTTP. */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const db = await testDatabase();
  await db.prisma.workspace.create({ data: { id: TEAM } });
  const sandbox = await startSandbox({ seed: "demo" });
  const config = loadConfig({
    CAREBRIDGE_ADMINS: `${ADMIN.userId},${ADMIN2.userId}`,
    CACWT_RPS: "500",
    SCIM_RPS: "500",
    ...env,
  });
  const providers = createProviders(config, { logger: silentLogger, sandbox, http: { maxRetries: 0 } });
  const audit = createAudit(db.prisma);
  const access = createAccessService({
    prisma: db.prisma,
    configAdmins: config.admins,
    audit,
    offices: { listOffices: async () => [...sandbox.state.caresmartz.offices] },
  });
  const jobStore = createJobStore(db.prisma);
  const runner = new JobRunner({
    store: jobStore,
    logger: silentLogger,
    describeError: (e) => (e instanceof Error ? e.message : String(e)),
  });
  const deps: LearnersDeps = {
    lms: providers.learnerLms,
    lmsVendor: config.learnerLms === "scim" ? "scim" : "cacwt",
    access,
    audit,
    prisma: db.prisma,
    jobStore,
    jobRunner: runner,
    csvLimits: config.csv,
    settings: createSettingsReader(db.prisma, config),
    now: () => new Date(),
    randomBytes: (n) => randomBytes(n),
  };
  const learners = createLearners(deps);
  return {
    db,
    sandbox,
    providers,
    access,
    runner,
    deps,
    learners,
    file(name, content, options = {}) {
      const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
      const file = {
        id: `F${++files}`,
        name,
        mimetype: options.mimetype ?? (name.endsWith(".csv") ? "text/csv" : "application/octet-stream"),
        size: options.size ?? bytes.length,
        channelId: "C1",
        threadTs: `100.${files}`,
        opened: 0,
        async open() {
          file.opened += 1;
          return (async function* () {
            // Several chunks, as a download arrives.
            for (let i = 0; i < bytes.length; i += 1000) yield bytes.subarray(i, i + 1000);
          })();
        },
      };
      return file;
    },
    async grant(userId, role, office) {
      const result = await access.grant(ADMIN, { userId, role, ...(office ? { office } : {}) });
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

/** Starts an import and runs it here (no queue): returns when the job has finished. */
export async function runImport(h: Harness, actor: Actor, jobId: string) {
  const started = await h.learners.imports.start(actor, jobId);
  if (!started.ok) throw new Error(started.problems[0]?.message);
  if (started.state !== "queued") throw new Error(`the import is ${started.state}, not queued`);
  await h.deps.jobStore.setMessage(jobId, "C1", "200.1");
  await h.runner.enqueue(jobId);
  return (await h.deps.jobStore.get(jobId))!;
}

export const fieldsOf = (result: { ok: boolean; problems?: Array<{ field?: string; message: string }> }) =>
  Object.fromEntries((result.problems ?? []).map((p) => [p.field ?? "(general)", p.message]));
