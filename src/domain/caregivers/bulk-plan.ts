import { changedFields, fingerprint, lmsFieldsOf } from "./fields";
import { checkReadiness } from "./readiness";
import type { CaregiverRecord, LmsAccount } from "./types";

/**
 * What syncing every caregiver would do, caregiver by caregiver, for the preview an admin
 * confirms. The job decides again, item by item, against the LMS as it is then.
 */
export type PlannedOutcome = "create" | "update" | "reactivate" | "unchanged" | "cannot-sync" | "inactive";

/** What carebridge recorded when it last synced the caregiver. */
export interface KnownLink {
  fingerprint: string | null;
}

export interface PlanEntry {
  caregiverId: string;
  name: string;
  outcome: PlannedOutcome;
  /** carebridge has this caregiver linked already. */
  known: boolean;
  /** For cannot-sync: one sentence per missing item. */
  reasons: string[];
}

/**
 * @param known the link carebridge keeps, when it has synced this caregiver before: then the LMS
 *   is not asked, and "changed" means "changed in TeleTrack since the last sync"
 * @param found for caregivers without a link: the LMS account with their TeleTrack id, or null
 */
export function planCaregiver(
  caregiver: CaregiverRecord,
  birthDateRequiredStates: readonly string[],
  known: KnownLink | undefined,
  found: LmsAccount | null,
): PlanEntry {
  const base = {
    caregiverId: caregiver.id,
    name: `${caregiver.firstName} ${caregiver.lastName}`.trim(),
    known: known !== undefined,
  };
  if (caregiver.status !== "active") return { ...base, outcome: "inactive", reasons: [] };
  const readiness = checkReadiness(caregiver, birthDateRequiredStates);
  if (readiness.blockers.length > 0 || caregiver.email === null) {
    return { ...base, outcome: "cannot-sync", reasons: readiness.blockers.map((b) => b.message) };
  }
  const want = lmsFieldsOf({ ...caregiver, email: caregiver.email });
  if (known) return { ...base, outcome: known.fingerprint === fingerprint(want) ? "unchanged" : "update", reasons: [] };
  if (found === null) return { ...base, outcome: "create", reasons: [] };
  if (found.status === "deactivated") return { ...base, outcome: "reactivate", reasons: [] };
  const { patch } = changedFields(want, found);
  return { ...base, outcome: Object.keys(patch).length > 0 ? "update" : "unchanged", reasons: [] };
}

/**
 * Whether the job has anything to do for this entry: cannot-sync ones go in to be reported, and
 * an unchanged account carebridge has not linked yet goes in to be linked (so later previews
 * need not look it up again).
 */
export const needsWork = (entry: PlanEntry): boolean =>
  entry.outcome !== "inactive" && (entry.outcome !== "unchanged" || !entry.known);

export interface PlanSummary {
  counts: Record<PlannedOutcome, number>;
  /** Why caregivers cannot sync, biggest group first; a caregiver missing two things counts in both. */
  reasons: Array<{ reason: string; count: number }>;
}

export function summarizePlan(entries: Iterable<PlanEntry>): PlanSummary {
  const counts: Record<PlannedOutcome, number> = {
    create: 0,
    update: 0,
    reactivate: 0,
    unchanged: 0,
    "cannot-sync": 0,
    inactive: 0,
  };
  const reasons = new Map<string, number>();
  for (const entry of entries) {
    counts[entry.outcome] += 1;
    for (const reason of entry.reasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return {
    counts,
    reasons: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}
