import type { Vendor } from "../../config";
import type { PrismaClient } from "../../generated/prisma/client";
import type { JobRunner } from "../../jobs/runner";
import type { JobStore } from "../../jobs/store";
import type { CaregiverLms, CaregiverSource } from "../../providers/roles";
import type { AccessService } from "../access/service";
import type { Within } from "../vendor-accounts/workspace-providers";
import type { Audit } from "../audit";

/** What the caregiver workflow stands on: narrow slices of the app's dependencies. */
export interface CaregiverDeps {
  source: CaregiverSource;
  lms: CaregiverLms;
  /** Which vendor plays the LMS ("careacademy", or "scim"): the vendor of its account rows. */
  lmsVendor: Vendor;
  access: Pick<AccessService, "check" | "principal">;
  audit: Audit;
  prisma: Pick<
    PrismaClient,
    | "person"
    | "externalAccount"
    | "job"
    | "jobItem"
    | "syncSchedule"
    | "syncRefusal"
    | "workspaceSettings"
    | "$transaction"
  >;
  jobStore: Pick<JobStore, "create" | "transition" | "get" | "notePendingEffect" | "pendingEffect">;
  jobRunner: Pick<JobRunner, "register">;
  birthDateRequiredStates: readonly string[];
  /** A scheduled sync changing more caregivers than this waits for an admin (the archive thresholds' rule). */
  bulkThreshold: { maxCount: number; maxShare: number };
  now: () => Date;
  /** Runs work as a workspace (its vendor accounts): a scheduled slot, which no request or job scopes. */
  within?: Within;
}
