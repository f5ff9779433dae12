import { randomBytes } from "node:crypto";
import type { Config } from "../config";
import type { PrismaClient } from "../generated/prisma/client";
import type { JobRunner } from "../jobs/runner";
import type { JobStore } from "../jobs/store";
import type { Logger } from "../logger";
import { VENDOR_LABELS } from "../providers/labels";
import type { Providers } from "../providers/roles";
import { createAccessService } from "./access/service";
import { createAgencyUsers } from "./agency-users";
import { createAudit } from "./audit";
import { createAuditLog } from "./audit-log";
import { createCaregivers } from "./caregivers";
import { currentSchedule } from "./caregivers/schedule";
import { createHelp } from "./help";
import { createHome } from "./home";
import { createInstallations } from "./installations";
import { createJobs } from "./jobs";
import { createLearners } from "./learners";
import { createLinking } from "./linking";
import { createSettingsReader } from "./settings/read";
import { createSettingsService } from "./settings/service";
import { createEventLog } from "./slack-events";
import { createVendorAccounts } from "./vendor-accounts";
import { createProbe } from "./vendor-accounts/probe";
import { createWorkspaceProviders } from "./vendor-accounts/workspace-providers";
import { createWorkspaceRegistry } from "./workspaces";

/** A vendor key is checked while the admin waits on the modal (Slack wants the ack within 3 s). */
const VENDOR_CHECK_TIMEOUT_MS = 2500;

/** Everything the use-cases stand on; built once in main (or by a test) and passed down. */
export interface AppDeps {
  config: Config;
  prisma: PrismaClient;
  providers: Providers;
  /** Builds a workspace's own providers from its accounts (set with CAREBRIDGE_ENCRYPTION_KEY); unset, every workspace uses `providers`. */
  buildProviders?: (config: Config) => Providers;
  jobStore: JobStore;
  jobRunner: JobRunner;
  logger: Logger;
  now: () => Date;
}

/** The use-cases, wired. Transports (Slack, console) call these and nothing below them. */
export function createServices(deps: AppDeps) {
  const audit = createAudit(deps.prisma);
  const settings = createSettingsReader(deps.prisma, deps.config);
  const access = createAccessService({
    prisma: deps.prisma,
    configAdmins: deps.config.admins,
    audit,
    offices: deps.providers.staffDirectory,
  });
  const auditLog = createAuditLog({
    prisma: deps.prisma,
    access,
    learners: deps.providers.learnerLms,
    now: deps.now,
  });
  const linking = createLinking({
    pair: deps.providers.linkingPair,
    access,
    audit,
    prisma: deps.prisma,
    settings,
    sandboxVendors: deps.providers.sandboxVendors,
    now: deps.now,
  });
  // Built after the accounts, which tell it when a workspace's accounts change.
  let vendorProviders: ReturnType<typeof createWorkspaceProviders> | undefined;
  const vendorAccounts = createVendorAccounts({
    prisma: deps.prisma,
    access,
    audit,
    config: deps.config,
    probe: createProbe(deps.logger, VENDOR_CHECK_TIMEOUT_MS),
    onChange: (workspaceId) => vendorProviders?.forget(workspaceId),
  });
  vendorProviders = createWorkspaceProviders({
    config: deps.config,
    defaults: deps.providers,
    accounts: vendorAccounts,
    build: deps.buildProviders,
  });
  const installations = createInstallations({ prisma: deps.prisma, audit, config: deps.config, now: deps.now });
  return {
    /** The log a transport writes its own lines to, and the clock every use-case reads. */
    logger: deps.logger,
    now: deps.now,
    /** Slack events taken on, so a retried delivery does its work once. */
    events: createEventLog(deps.prisma, deps.now),
    /** Which vendors are configured and which are the sandbox's, for naming them in messages. */
    vendors: {
      sandbox: deps.providers.sandboxVendors,
      learnerLms: deps.config.learnerLms,
      caregiverLms: deps.config.caregiverLms,
    },
    /** Where Slack's files are served from: a shared file's URL must point there. */
    slackApiUrl: deps.config.slack.apiUrl,
    audit,
    vendorAccounts,
    /** The providers of one workspace: its own accounts and HTTP clients once it may have accounts. */
    providers: vendorProviders,
    auditLog,
    settings: createSettingsService({
      prisma: deps.prisma,
      access,
      audit,
      roles: deps.providers.staffDirectory,
      learners: deps.providers.learnerLms,
      defaults: deps.config,
      read: settings,
      now: deps.now,
    }),
    readSettings: settings,
    jobs: createJobs({ store: deps.jobStore, runner: deps.jobRunner, access, audit, now: deps.now }),
    access,
    workspaces: createWorkspaceRegistry(deps.prisma),
    installations: {
      ...installations,
      // The vendor keys are deleted with the token; the providers holding them in memory go too.
      async forget(...args: Parameters<typeof installations.forget>) {
        await installations.forget(...args);
        vendorProviders.forget(args[0]);
      },
    },
    help: createHelp(access, {
      caregiverLms: VENDOR_LABELS[deps.config.caregiverLms === "scim" ? "scim" : "careacademy"],
      learnerLms: VENDOR_LABELS[deps.config.learnerLms === "scim" ? "scim" : "cacwt"],
    }),
    learners: createLearners({
      lms: deps.providers.learnerLms,
      access,
      audit,
      prisma: deps.prisma,
      jobStore: deps.jobStore,
      jobRunner: deps.jobRunner,
      csvLimits: deps.config.csv,
      settings,
      now: deps.now,
      randomBytes: (n) => randomBytes(n),
    }),
    agencyUsers: createAgencyUsers({
      directory: deps.providers.staffDirectory,
      access,
      audit,
      prisma: deps.prisma,
      config: deps.config,
      settings,
      now: deps.now,
    }),
    linking,
    caregivers: createCaregivers({
      source: deps.providers.caregiverSource,
      lms: deps.providers.caregiverLms,
      lmsVendor: deps.config.caregiverLms === "scim" ? "scim" : "careacademy",
      access,
      audit,
      prisma: deps.prisma,
      jobStore: deps.jobStore,
      jobRunner: deps.jobRunner,
      birthDateRequiredStates: deps.config.birthDateRequiredStates,
      bulkThreshold: deps.config.archive,
      now: deps.now,
    }),
    home: createHome({
      access,
      jobs: deps.jobStore,
      offices: deps.providers.staffDirectory,
      sandboxVendors: deps.providers.sandboxVendors,
      linking,
      schedules: { current: currentSchedule(deps.prisma) },
      auditLog,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
