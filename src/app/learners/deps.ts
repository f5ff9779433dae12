import type { Vendor } from "../../config";
import type { CsvLimits } from "../../domain/learners/learner-csv";
import type { RandomBytes } from "../../domain/learners/password";
import type { PrismaClient } from "../../generated/prisma/client";
import type { JobRunner } from "../../jobs/runner";
import type { JobStore } from "../../jobs/store";
import type { LearnerLms } from "../../providers/roles";
import type { AccessService } from "../access/service";
import type { Audit } from "../audit";
import type { ReadSettings } from "../settings/read";

/** What the learner use-cases stand on. */
export interface LearnersDeps {
  lms: LearnerLms;
  /** Which vendor plays the learner LMS ("cacwt", or "scim"), read per workspace: its name in every sentence. */
  lmsVendor: Vendor;
  access: Pick<AccessService, "check">;
  audit: Audit;
  prisma: Pick<PrismaClient, "upload">;
  jobStore: JobStore;
  jobRunner: Pick<JobRunner, "register">;
  csvLimits: CsvLimits;
  /** The workspace's bulk-archive threshold among them. */
  settings: ReadSettings;
  now: () => Date;
  /** crypto.randomBytes in the app: the source of every temporary password. */
  randomBytes: RandomBytes;
}

export const JOB_IMPORT = "learner-import";
export const JOB_ARCHIVE = "learner-archive";
export const JOB_REACTIVATE = "learner-reactivate";

/**
 * Today in California, where the learners work: a date of hire is the day the account is
 * created there, not in UTC (which is already tomorrow every evening).
 */
export function californiaToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles" }).format(now);
}

/**
 * Items in flight per learner job: each row is a look-up then a write, so a few lanes keep
 * the LMS's rate limit, not its latency, the pace.
 */
export const LEARNER_JOB_CONCURRENCY = 4;
