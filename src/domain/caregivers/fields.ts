import { createHash } from "node:crypto";
import type { CaregiverRecord, LmsAccount, LmsFields, SyncedField } from "./types";

/** What CareAcademy should hold for a caregiver whose email is known (checkReadiness passed). */
export function lmsFieldsOf(caregiver: CaregiverRecord & { email: string }): LmsFields {
  return {
    externalId: caregiver.id,
    firstName: caregiver.firstName.trim(),
    lastName: caregiver.lastName.trim(),
    email: caregiver.email.trim(),
    mobilePhone: present(caregiver.mobilePhone),
    birthDate: present(caregiver.birthDate),
    state: caregiver.state.trim().toUpperCase(),
  };
}

const present = (value: string | null): string | null => (value === null || value.trim() === "" ? null : value.trim());

/** Vendors store the same phone as "+1 916 555 0142", "(916) 555-0142" or "+19165550142". */
function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
}

const SAME: Record<SyncedField, (want: string, have: string) => boolean> = {
  firstName: (a, b) => a === b,
  lastName: (a, b) => a === b,
  email: (a, b) => a.toLowerCase() === b.toLowerCase(),
  mobilePhone: (a, b) => phoneKey(a) === phoneKey(b),
  birthDate: (a, b) => a === b,
  state: (a, b) => a === b.toUpperCase(),
};

export interface FieldChanges {
  /** Only the fields that differ, with TeleTrack's values: what to PATCH. */
  patch: Partial<LmsFields>;
  /** The synced fields that differ, for "what changed" (the TeleTrack id is bookkeeping, not news). */
  changed: SyncedField[];
}

/**
 * What must change in the LMS account so it matches TeleTrack. A field TeleTrack leaves empty
 * never erases what the LMS has: empty there means unknown, not "remove" (a birth date entered
 * in CareAcademy is kept). An account found by email gets the TeleTrack id so it is found by id
 * next time.
 */
export function changedFields(want: LmsFields, have: LmsAccount): FieldChanges {
  const patch: Partial<LmsFields> = {};
  const changed: SyncedField[] = [];
  for (const field of Object.keys(SAME) as SyncedField[]) {
    const value = want[field];
    if (value === null) continue;
    const current = have[field];
    if (current !== null && SAME[field](value, current)) continue;
    patch[field] = value;
    changed.push(field);
  }
  if (have.externalId !== want.externalId) patch.externalId = want.externalId;
  return { patch, changed };
}

/**
 * A digest of what was last synced, stored with the link so a later preview can tell "changed
 * since the last sync" without asking the LMS, and without keeping the birth date or phone.
 */
export function fingerprint(fields: LmsFields): string {
  const key = [
    fields.externalId,
    fields.firstName,
    fields.lastName,
    fields.email.toLowerCase(),
    fields.mobilePhone === null ? "" : phoneKey(fields.mobilePhone),
    fields.birthDate ?? "",
    fields.state,
  ];
  return createHash("sha256").update(JSON.stringify(key)).digest("hex").slice(0, 32);
}
