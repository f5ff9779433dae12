/**
 * A caregiver as the agency system holds them (Spectrum TeleTrack) and an account in the
 * training LMS (CareAcademy), as the caregiver rules see them. The providers' records have the
 * same shape, so they can be passed straight in.
 */
export interface CaregiverRecord {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  mobilePhone: string | null;
  /** YYYY-MM-DD */
  birthDate: string | null;
  /** Two-letter state code. */
  state: string;
  status: "active" | "inactive";
}

export type LmsStatus = "active" | "deactivated";

export interface LmsAccount {
  id: string;
  externalId: string | null;
  firstName: string;
  lastName: string;
  email: string;
  mobilePhone: string | null;
  birthDate: string | null;
  state: string;
  status: LmsStatus;
  trainingDueDate: string | null;
}

/** The fields a sync writes to the LMS, in the order people read them. */
export const SYNCED_FIELDS = ["firstName", "lastName", "email", "mobilePhone", "birthDate", "state"] as const;
export type SyncedField = (typeof SYNCED_FIELDS)[number];

/** What the LMS should hold for a caregiver who can sync (their email is known). */
export type LmsFields = Pick<LmsAccount, SyncedField> & { externalId: string };

/** Words for each synced field, as staff call them. */
export const FIELD_WORDS: Record<SyncedField | "externalId", string> = {
  firstName: "first name",
  lastName: "last name",
  email: "email",
  mobilePhone: "mobile phone",
  birthDate: "birth date",
  state: "state",
  externalId: "TeleTrack id",
};
