import type { CaregiverRecord, LmsAccount } from "../../../src/domain/caregivers/types";

/** A caregiver who can sync (OR needs no birth date), with any field overridden. */
export function caregiver(overrides: Partial<CaregiverRecord> = {}): CaregiverRecord {
  return {
    id: "tt-1",
    firstName: "Ana",
    lastName: "Lopez",
    email: "ana.lopez@example.com",
    mobilePhone: "+1 503 555 0100",
    birthDate: "1990-07-21",
    state: "OR",
    status: "active",
    ...overrides,
  };
}

/** The LMS account that matches caregiver() exactly. */
export function lmsAccount(overrides: Partial<LmsAccount> = {}): LmsAccount {
  return {
    id: "ca-1",
    externalId: "tt-1",
    firstName: "Ana",
    lastName: "Lopez",
    email: "ana.lopez@example.com",
    mobilePhone: "+1 503 555 0100",
    birthDate: "1990-07-21",
    state: "OR",
    status: "active",
    trainingDueDate: "2027-07-21",
    ...overrides,
  };
}

export const BIRTH_DATE_STATES = ["CA", "IL", "NY", "TX", "WA"] as const;
