import type { JobItem } from "../jobs/types";
import type { Action } from "./access/policy";
import { CAREGIVER_SYNC_KIND, caregiverSyncKind } from "./caregivers/job-kind";
import { LEARNER_JOB_KINDS } from "./learners/job-kinds";

export interface JobKind {
  /** What people call it: "Caregiver sync". */
  label: string;
  /** Needed to retry its failures: the action that starts such a job. */
  action: Action;
  /** Columns of the failures CSV besides the reason, from an item's input (no birth dates or passwords). */
  describeItem(item: JobItem): Record<string, string>;
}

/** Every kind of bulk job; a workflow adds its own. */
export const JOB_KINDS: Record<string, JobKind> = {
  ...LEARNER_JOB_KINDS,
  [CAREGIVER_SYNC_KIND]: caregiverSyncKind,
};

export function jobKind(kind: string): JobKind {
  return JOB_KINDS[kind] ?? { label: kind, action: "access.manage", describeItem: (item) => ({ Item: item.key }) };
}
