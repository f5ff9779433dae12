import { changedFields, fingerprint, lmsFieldsOf } from "./fields";
import { holdStands } from "./hold";
import { checkReadiness, emailOfAnother, type ReadinessRules } from "./readiness";
import type { CaregiverRecord, LmsAccount, LmsStatus } from "./types";

/**
 * What syncing every caregiver would do, caregiver by caregiver, for the preview an admin
 * confirms. The job decides again, item by item, against the LMS as it is then.
 */
export type PlannedOutcome = "create" | "link" | "update" | "reactivate" | "unchanged" | "cannot-sync" | "inactive";

/** What carebridge recorded when it last synced the caregiver (or changed their LMS status). */
export interface KnownLink {
  /** Of the fields last synced; null when the account was linked but never synced. */
  fingerprint: string | null;
  /** The LMS status carebridge last saw. */
  lmsStatus: LmsStatus | null;
  /** Deactivated from carebridge on purpose (see holdStands). */
  heldDeactivated: boolean;
  /** The caregiver's TeleTrack status carebridge last recorded. */
  teletrackStatus: string | null;
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
 * @param known the link carebridge keeps, when it has synced this caregiver before
 * @param found the LMS account as it is now: for a caregiver without a link, the one with their
 *   TeleTrack id; for a linked one, the linked account, looked up only when TeleTrack changed them
 *   since the last sync. null: looked up and not there; undefined: not looked up, and then what
 *   carebridge recorded stands in — "changed" means "changed in TeleTrack since the last sync".
 * @param emailOwner the LMS account that has the caregiver's email, looked up (as the run meets
 *   it) when an account is to be created or the found one is to get another email; null: nobody.
 */
export function planCaregiver(
  caregiver: CaregiverRecord,
  rules: ReadinessRules,
  known: KnownLink | undefined,
  found: LmsAccount | null | undefined,
  emailOwner?: LmsAccount | null,
): PlanEntry {
  const base = {
    caregiverId: caregiver.id,
    name: `${caregiver.firstName} ${caregiver.lastName}`.trim(),
    known: known !== undefined,
  };
  if (caregiver.status !== "active") return { ...base, outcome: "inactive", reasons: [] };
  const readiness = checkReadiness(caregiver, rules);
  if (readiness.blockers.length > 0 || caregiver.email === null) {
    return { ...base, outcome: "cannot-sync", reasons: readiness.blockers.map((b) => b.message) };
  }
  const anothersEmail: PlanEntry = { ...base, outcome: "cannot-sync", reasons: [emailOfAnother(rules.lms)] };
  if (found === null || (found === undefined && known === undefined)) {
    // The LMS refuses a second account with an email; the run then adopts the one that has it,
    // unless it belongs to another TeleTrack caregiver.
    if (!emailOwner) return { ...base, outcome: "create", reasons: [] };
    if (emailOwner.externalId !== null && emailOwner.externalId !== caregiver.id) return anothersEmail;
    return { ...base, outcome: "link", reasons: [] };
  }
  const want = lmsFieldsOf({ ...caregiver, email: caregiver.email });
  if (found && emailOwner && emailOwner.id !== found.id && "email" in changedFields(want, found).patch) {
    return anothersEmail;
  }
  // A sync reactivates a deactivated account unless carebridge holds it deactivated.
  const held = known !== undefined && holdStands(known.heldDeactivated, known.teletrackStatus, caregiver.status);
  if ((found?.status ?? known?.lmsStatus) === "deactivated" && !held) {
    return { ...base, outcome: "reactivate", reasons: [] };
  }
  const changed = found
    ? Object.keys(changedFields(want, found).patch).length > 0
    : known?.fingerprint !== fingerprint(want);
  return { ...base, outcome: changed ? "update" : "unchanged", reasons: [] };
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
    link: 0,
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
