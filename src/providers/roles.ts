import type { Vendor } from "../config";
import type {
  AdminSession,
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
} from "./records";

export type {
  AdminSession,
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
} from "./records";

/**
 * The five roles the use-cases see. Each is played by a vendor module (vendors/) or by SCIM
 * (scim/); the use-cases never see HTTP. Lists are async iterables that fetch page by page.
 * Failures throw the typed errors of ./http/errors.
 */

/** What TeleTrack's PATCH takes (providers.md): names are changed in TeleTrack itself. */
export interface CaregiverPatch {
  email?: string;
  mobilePhone?: string;
  birthDate?: string;
}

/** The agency system caregivers come from (Spectrum TeleTrack). */
export interface CaregiverSource {
  /** Caregivers whose name, email or id contains the text, as the vendor's `?search` matches. */
  search(text: string): AsyncIterable<Caregiver>;
  listCaregivers(options?: { updatedSince?: string }): AsyncIterable<Caregiver>;
  get(id: string): Promise<Caregiver>;
  update(id: string, patch: CaregiverPatch): Promise<Caregiver>;
  /** Records the LMS user id on the caregiver so the agency system can show the LMS status. */
  linkLmsUser(caregiverId: string, userId: string): Promise<void>;
}

export interface NewLmsUser {
  externalId: string;
  firstName: string;
  lastName: string;
  email: string;
  mobilePhone?: string | null;
  birthDate?: string | null;
  state: string;
}

export type LmsUserPatch = Partial<NewLmsUser>;

/** The training LMS caregivers are synced into (CareAcademy, or any SCIM 2.0 service). */
export interface CaregiverLms {
  readonly capabilities: { adminSso: boolean };
  findByExternalId(externalId: string): Promise<LmsUser | null>;
  findByEmail(email: string): Promise<LmsUser | null>;
  get(id: string): Promise<LmsUser>;
  create(user: NewLmsUser): Promise<LmsUser>;
  update(id: string, patch: LmsUserPatch): Promise<LmsUser>;
  activate(id: string): Promise<LmsUser>;
  deactivate(id: string): Promise<LmsUser>;
  reactivate(id: string): Promise<LmsUser>;
  /** A one-time sign-in link for an administrator; UnsupportedError where the LMS has none. */
  createAdminSession(adminEmail: string): Promise<AdminSession>;
}

export interface NewMember {
  firstName: string;
  lastName: string;
  email: string;
  roleId: string;
  calmanacId: string;
}

export interface NewLearner {
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  calmanacId: string;
  /** Omit to let Motivity make one. */
  alias?: string;
}

/** Two systems whose people are linked pairwise: Motivity (members, learners) ↔ Calmanac (staff, clients). */
export interface LinkingPair {
  listMembers(): AsyncIterable<Member>;
  listLearners(): AsyncIterable<Learner>;
  listRoles(): Promise<Role[]>;
  listStaff(): AsyncIterable<CalmanacStaff>;
  listClients(): AsyncIterable<CalmanacClient>;
  linkMember(memberId: string, calmanacId: string): Promise<void>;
  unlinkMember(memberId: string): Promise<void>;
  linkLearner(learnerId: string, calmanacId: string): Promise<void>;
  unlinkLearner(learnerId: string): Promise<void>;
  /** Motivity emails the new member an invitation. */
  createMember(member: NewMember): Promise<Member>;
  createLearner(learner: NewLearner): Promise<Learner>;
  /** ConflictError `alias_taken` when another learner has it; ValidationError with `fields`. */
  setLearnerAlias(learnerId: string, alias: string): Promise<Learner>;
}

export type NewAgencyUser = Omit<AgencyUser, "id">;

/** The agency system office staff live in (Caresmartz360). */
export interface StaffDirectory {
  listOffices(): Promise<Office[]>;
  listRoles(): Promise<Role[]>;
  findByUsername(username: string): Promise<AgencyUser | null>;
  listByOffice(officeId: string): AsyncIterable<AgencyUser>;
  /** The vendor emails registration instructions to `businessEmail`. */
  create(user: NewAgencyUser): Promise<AgencyUser>;
}

export type NewCacwtLearner = Omit<CacwtLearner, "userId"> & {
  /** Community partners use their email; omitted → the LMS uses the email. */
  userId?: string;
  temporaryPassword: string;
};

export type CacwtLearnerPatch = Partial<Omit<CacwtLearner, "userId">>;

export interface LearnerFilter {
  affiliation?: string;
  status?: CacwtLearner["status"];
  /** e.g. `sdsu.edu`, without the @. */
  emailDomain?: string;
}

/** The state training LMS for learners (CACWT, or any SCIM 2.0 service). */
export interface LearnerLms {
  readonly capabilities: { csvImport: boolean };
  findByEmail(email: string): Promise<CacwtLearner | null>;
  findByUserId(userId: string): Promise<CacwtLearner | null>;
  list(filter: LearnerFilter): AsyncIterable<CacwtLearner>;
  /** The LMS emails the learner their temporary password. */
  create(learner: NewCacwtLearner): Promise<CacwtLearner>;
  /** `{ status: "Archived" }` archives, `{ status: "Active" }` reactivates. */
  update(userId: string, patch: CacwtLearnerPatch): Promise<CacwtLearner>;
  /** Sends a CSV in the vendor's import template; UnsupportedError where the LMS has no import. */
  startImport(csvText: string): Promise<string>;
  getImport(importId: string): Promise<ImportStatus>;
}

export interface Providers {
  caregiverSource: CaregiverSource;
  caregiverLms: CaregiverLms;
  linkingPair: LinkingPair;
  staffDirectory: StaffDirectory;
  learnerLms: LearnerLms;
  /** The vendors the sandbox plays, so that whatever shows their data can label it as sandbox data. */
  sandboxVendors: ReadonlySet<Vendor>;
  close(): Promise<void>;
}
