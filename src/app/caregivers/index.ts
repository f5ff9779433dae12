import { createActivation } from "./activation";
import { createBulkPreview } from "./bulk-preview";
import { createBulkRun } from "./bulk-run";
import type { CaregiverDeps } from "./deps";
import { createFix } from "./fix";
import { createGuard } from "./guard";
import { createLinks } from "./links";
import { createOneCaregiver } from "./one";
import { createSchedules } from "./schedule";
import { createCaregiverList } from "./list";
import { createMaySignIn, createSignIn } from "./sso";
import { createSyncer } from "./sync";

export type { CaregiverCard } from "./card";
export type { CaregiverListPage, CaregiverRow, ListFilter, RowSync } from "./list";
export { DEFAULT_LIST_FILTER, LIST_FILTERS, LIST_PAGE_SIZE, parseListFilter } from "./list";
export type { BulkPreview } from "./bulk-preview";
export type { CaregiverChoice, Lookup, Purpose } from "./one";
export type { CaregiverDeps } from "./deps";
export type { SyncOutcome } from "./sync";
export type { EmailOwner, FixForm, FixResult } from "./fix";
export type { DigestProblem, ScheduledRun, SyncDigest, SyncSchedule } from "./schedule";
// The caregivers' own words, for transports: schedules as typed, the fields a reason names, field names.
export { parseSchedule, SCHEDULE_FORMS } from "../../domain/caregivers/schedule";
export { fieldsNamedBy } from "../../domain/caregivers/readiness";
export { FIELD_WORDS, type SyncedField } from "../../domain/caregivers/types";

/**
 * Workflow 1: caregivers from Spectrum TeleTrack to the training LMS — one or all, their LMS
 * status with activation, Fix and sync, and the LMS admin sign-in. Registers the bulk job's handler.
 */
export function createCaregivers(deps: CaregiverDeps) {
  const links = createLinks(deps);
  const guard = createGuard(deps);
  const sync = createSyncer(deps, links);
  const one = createOneCaregiver(deps, links, sync, guard);
  const bulk = createBulkRun(deps, one, sync, guard);
  const fix = createFix(deps, one, links, guard);
  const previewAll = createBulkPreview(deps, links, guard);
  return {
    open: one.open,
    openById: one.openById,
    changeStatus: createActivation(deps, links, one, guard),
    checkFix: fix.check,
    prepareFix: fix.prepare,
    fixAndSync: fix.fixAndSync,
    previewAll,
    confirmAll: bulk.confirmAll,
    cancelAll: bulk.cancelAll,
    list: createCaregiverList(deps, links, guard),
    adminSignIn: createSignIn(deps),
    maySignIn: createMaySignIn(deps),
    schedule: createSchedules(deps, guard, { previewAll, confirmAll: bulk.confirmAll }),
  };
}

export type Caregivers = ReturnType<typeof createCaregivers>;
