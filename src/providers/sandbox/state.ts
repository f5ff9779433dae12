import type {
  AgencyUser,
  CacwtLearner,
  CalmanacClient,
  CalmanacStaff,
  Caregiver,
  ImportStatus,
  Learner,
  LmsUser,
  Member,
  Office,
  Role,
} from "../records";
import type { ScimUser } from "../scim/schema";

/** A SCIM user as the sandbox stores it: the password is kept but never returned. */
export type ScimStoredUser = ScimUser & {
  schemas?: string[];
  password?: string;
  meta: { resourceType: "User"; created: string; lastModified: string; version: string };
};

/** An email a vendor would have sent (invitations, registrations, temporary passwords). */
export interface SentEmail {
  vendor: "motivity" | "caresmartz" | "cacwt" | "careacademy";
  to: string;
  kind: "invitation" | "registration" | "temporary_password";
}

/**
 * Everything the sandbox vendors hold, in memory. Tests and the bench read and change it
 * directly; Maps keep insertion order, which is the order lists are paged in.
 */
export interface SandboxState {
  teletrack: { caregivers: Map<string, Caregiver>; lmsLinks: Map<string, string> };
  careacademy: {
    users: Map<string, LmsUser>;
    /** One-time admin sign-in links by token: each opens once, before expiresAt (ISO). */
    ssoSessions: Map<string, { email: string; expiresAt: string; usedAt: string | null }>;
  };
  motivity: { members: Map<string, Member>; learners: Map<string, Learner>; roles: Role[] };
  calmanac: { staff: Map<string, CalmanacStaff>; clients: Map<string, CalmanacClient> };
  caresmartz: { offices: Office[]; roles: Role[]; agencyUsers: Map<string, AgencyUser> };
  cacwt: { learners: Map<string, CacwtLearner>; passwords: Map<string, string>; imports: Map<string, ImportStatus> };
  scim: { users: Map<string, ScimStoredUser> };
  outbox: SentEmail[];
}

export function emptyState(): SandboxState {
  return {
    teletrack: { caregivers: new Map(), lmsLinks: new Map() },
    careacademy: { users: new Map(), ssoSessions: new Map() },
    motivity: { members: new Map(), learners: new Map(), roles: [] },
    calmanac: { staff: new Map(), clients: new Map() },
    caresmartz: { offices: [], roles: [], agencyUsers: new Map() },
    cacwt: { learners: new Map(), passwords: new Map(), imports: new Map() },
    scim: { users: new Map() },
    outbox: [],
  };
}

let counter = 0;
/** A fresh id with a readable prefix, unique within the process. */
export const newId = (prefix: string): string => `${prefix}-${1000 + ++counter}`;
