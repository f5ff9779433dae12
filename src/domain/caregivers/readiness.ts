import type { CaregiverRecord } from "./types";

/**
 * Whether a caregiver can be synced to the training LMS (CareAcademy's help article: "A caregiver must have an
 * email address … In some states, a birth date is also required since it can determine the
 * caregiver's annual training due date." and "CareAcademy strongly recommends adding a mobile
 * phone number"). Each sentence names no one: job reports group failures by their sentence, and
 * the caregiver's name is shown next to it anyway.
 */

/** Fields staff can fill in from Slack ("Fix and sync"). */
export type FixableField = "email" | "birthDate" | "mobilePhone";

export interface Blocker {
  field: "email" | "birthDate" | "status";
  message: string;
}

export interface Warning {
  field: "mobilePhone";
  message: string;
}

export interface Readiness {
  /** Why the caregiver cannot sync, one sentence per missing item; empty when they can. */
  blockers: Blocker[];
  /** What does not stop the sync but should be fixed. */
  warnings: Warning[];
}

/** What the rules need to know: the states that require a birth date, and the LMS's name for the sentences. */
export interface ReadinessRules {
  birthDateRequiredStates: readonly string[];
  /** The configured training LMS as a user reads it (e.g. "CareAcademy"). */
  lms: string;
}

const ADD_EMAIL = "Add an email address to the caregiver's profile in Spectrum TeleTrack";
const ADD_BIRTH_DATE = "Add the caregiver's birth date in Spectrum TeleTrack";

export function missingEmail(lms: string): string {
  return `${ADD_EMAIL}; ${lms} needs one to create their account.`;
}

export function noMobilePhone(lms: string): string {
  return `Add a mobile phone to the caregiver's profile in Spectrum TeleTrack; without one, ${lms}'s text reminders about training won't reach them.`;
}

export function inactiveInTeletrack(lms: string): string {
  return `The caregiver is inactive in Spectrum TeleTrack; mark them active there to sync them to ${lms}.`;
}

export function emailOfAnother(lms: string): string {
  return `${lms} already has this email on another caregiver's account; give each caregiver their own email in Spectrum TeleTrack.`;
}

/** Also what a 422 `birth_date_required` from the LMS turns into. */
export function missingBirthDate(state: string, lms: string): string {
  return `${ADD_BIRTH_DATE}; ${lms} needs it for caregivers in ${state} because it sets their annual training due date.`;
}

const blank = (value: string | null): boolean => value === null || value.trim() === "";

export function needsBirthDate(state: string, birthDateRequiredStates: readonly string[]): boolean {
  return birthDateRequiredStates.includes(state.toUpperCase());
}

export function checkReadiness(caregiver: CaregiverRecord, rules: ReadinessRules): Readiness {
  const { birthDateRequiredStates, lms } = rules;
  const blockers: Blocker[] = [];
  if (caregiver.status !== "active") blockers.push({ field: "status", message: inactiveInTeletrack(lms) });
  if (blank(caregiver.email)) blockers.push({ field: "email", message: missingEmail(lms) });
  if (blank(caregiver.birthDate) && needsBirthDate(caregiver.state, birthDateRequiredStates)) {
    blockers.push({ field: "birthDate", message: missingBirthDate(caregiver.state, lms) });
  }
  const warnings: Warning[] = blank(caregiver.mobilePhone)
    ? [{ field: "mobilePhone", message: noMobilePhone(lms) }]
    : [];
  return { blockers, warnings };
}

/**
 * The missing fields staff can fill in from Slack: those that block the sync, and a missing
 * mobile phone. An inactive caregiver gets none: activating them is a decision for TeleTrack.
 */
export function fixableFields(readiness: Readiness): FixableField[] {
  if (readiness.blockers.some((b) => b.field === "status")) return [];
  const fields: FixableField[] = readiness.blockers.flatMap((b) => (b.field === "status" ? [] : [b.field]));
  if (readiness.warnings.length > 0) fields.push("mobilePhone");
  return fields;
}

/**
 * The fields a recorded reason asks for (a job item keeps only its sentence), so that a report
 * of earlier runs can offer Fix and sync. None for a reason staff cannot fix from Slack.
 */
export function fieldsNamedBy(reason: string): FixableField[] {
  const fields: FixableField[] = [];
  if (reason.includes(ADD_EMAIL)) fields.push("email");
  if (reason.includes(ADD_BIRTH_DATE)) fields.push("birthDate");
  return fields;
}
