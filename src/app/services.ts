import { randomBytes } from "node:crypto";
import type { Config, Vendor } from "../config";
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
import { createCaregivers, type CaregiverDeps } from "./caregivers";
import { currentSchedule } from "./caregivers/schedule";
import { createHelp } from "./help";
import { createHome } from "./home";
import { createInstallations } from "./installations";
import { createWorkspaceExport } from "./installations/export";
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
  const workspaceProviders = createWorkspaceProviders({
    config: deps.config,
    defaults: deps.providers,
    // Read when a workspace's work starts, by then defined below.
    accounts: {
      open: (workspaceId) => vendorAccounts.open(workspaceId),
      stamp: (workspaceId) => vendorAccounts.stamp(workspaceId),
    },
    build: deps.buildProviders,
  });
  // What every use-case below holds: role objects whose calls go to the providers of the
  // workspace in scope (its own accounts, HTTP clients, rate limits and circuit breakers). The
  // scope is set per Slack request by the transport and per job by the runner.
  const providers = workspaceProviders.scoped;
  // The workspace's learner LMS: its account may choose SCIM where the environment does not.
  const learnerVendor = (): Vendor => (workspaceProviders.config().learnerLms === "scim" ? "scim" : "cacwt");
  deps.jobRunner.runWithin(workspaceProviders.within);
  const access = createAccessService({
    prisma: deps.prisma,
    configAdmins: deps.config.admins,
    audit,
    offices: providers.staffDirectory,
  });
  const auditLog = createAuditLog({
    prisma: deps.prisma,
    access,
    learners: providers.learnerLms,
    get learnerVendor() {
      return learnerVendor();
    },
    now: deps.now,
  });
  const linking = createLinking({
    pair: providers.linkingPair,
    access,
    audit,
    prisma: deps.prisma,
    settings,
    sandboxVendors: providers.sandboxVendors,
    now: deps.now,
  });
  const vendorAccounts = createVendorAccounts({
    prisma: deps.prisma,
    access,
    audit,
    config: deps.config,
    probe: createProbe(deps.logger, VENDOR_CHECK_TIMEOUT_MS),
    onChange: (workspaceId) => workspaceProviders.forget(workspaceId),
  });
  const installations = createInstallations({ prisma: deps.prisma, audit, config: deps.config, now: deps.now });
  const caregiverDeps: CaregiverDeps = {
    source: providers.caregiverSource,
    lms: providers.caregiverLms,
    // The workspace's LMS: its account may choose SCIM where the environment does not.
    get lmsVendor() {
      return workspaceProviders.config().caregiverLms === "scim" ? "scim" : "careacademy";
    },
    access,
    audit,
    prisma: deps.prisma,
    jobStore: deps.jobStore,
    jobRunner: deps.jobRunner,
    birthDateRequiredStates: deps.config.birthDateRequiredStates,
    bulkThreshold: deps.config.archive,
    now: deps.now,
    within: workspaceProviders.within,
  };
  const caregivers = createCaregivers(caregiverDeps);
  return {
    /** The log a transport writes its own lines to, and the clock every use-case reads. */
    logger: deps.logger,
    now: deps.now,
    /** Slack events taken on, so a retried delivery does its work once. */
    events: createEventLog(deps.prisma, deps.now),
    /** Which vendors are configured and which are the sandbox's, for naming them in messages. */
    vendors: {
      sandbox: providers.sandboxVendors,
      get learnerLms() {
        return workspaceProviders.config().learnerLms;
      },
      get caregiverLms() {
        return workspaceProviders.config().caregiverLms;
      },
    },
    /** Where Slack's files are served from: a shared file's URL must point there. */
    slackApiUrl: deps.config.slack.apiUrl,
    /** How many days an uninstalled workspace's people data is kept (UNINSTALL_RETENTION_DAYS). */
    uninstallRetentionDays: deps.config.uninstallRetentionDays,
    audit,
    vendorAccounts,
    /** The providers of one workspace: its own accounts and HTTP clients once it may have accounts. */
    providers: workspaceProviders,
    auditLog,
    settings: createSettingsService({
      prisma: deps.prisma,
      access,
      audit,
      roles: providers.staffDirectory,
      learners: providers.learnerLms,
      get learnerVendor() {
        return learnerVendor();
      },
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
        workspaceProviders.forget(args[0]);
      },
    },
    /** `/carebridge export`: the workspace's people data as one JSON file (admins), e.g. before uninstalling. */
    exportWorkspace: createWorkspaceExport({ prisma: deps.prisma, access, audit, config: deps.config, now: deps.now }),
    // The workspace's own LMS (its vendor account may choose SCIM), read when help is asked for.
    help: createHelp(access, {
      get caregiverLms() {
        return VENDOR_LABELS[caregiverDeps.lmsVendor];
      },
      get learnerLms() {
        return VENDOR_LABELS[learnerVendor()];
      },
    }),
    learners: createLearners({
      lms: providers.learnerLms,
      get lmsVendor() {
        return learnerVendor();
      },
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
      directory: providers.staffDirectory,
      access,
      audit,
      prisma: deps.prisma,
      config: deps.config,
      settings,
      now: deps.now,
      workspaceInScope: workspaceProviders.workspaceId,
    }),
    linking,
    caregivers,
    home: createHome({
      access,
      jobs: deps.jobStore,
      offices: providers.staffDirectory,
      sandboxVendors: providers.sandboxVendors,
      linking,
      schedules: { current: currentSchedule(deps.prisma) },
      lmsSignIn: {
        get lms() {
          return VENDOR_LABELS[caregiverDeps.lmsVendor];
        },
        may: caregivers.maySignIn,
      },
      auditLog,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
