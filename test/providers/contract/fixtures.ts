import type {
  AgencyUser,
  CacwtLearner,
  CalmanacClient,
  CalmanacStaff,
  Caregiver,
  Learner,
  LmsUser,
  Member,
} from "../../../src/providers/roles";
import type { ScimStoredUser } from "../../../src/providers/sandbox/state";
import { ENTERPRISE_SCHEMA, USER_SCHEMA } from "../../../src/providers/scim/schema";

/** Records in each contract's shape, with plausible values a test overrides where it matters. */

export const caregiver = (o: Partial<Caregiver> = {}): Caregiver => ({
  id: "cg-1",
  firstName: "Ana",
  lastName: "Lopez",
  email: "ana.lopez@example.com",
  mobilePhone: "+1 916 555 0100",
  birthDate: "1990-02-03",
  state: "CA",
  status: "active",
  updatedAt: "2026-10-01T10:00:00.000Z",
  ...o,
});

export const lmsUser = (o: Partial<LmsUser> = {}): LmsUser => ({
  id: "u-1",
  externalId: "cg-1",
  firstName: "Ana",
  lastName: "Lopez",
  email: "ana.lopez@example.com",
  mobilePhone: "+1 916 555 0100",
  birthDate: "1990-02-03",
  state: "CA",
  status: "active",
  trainingDueDate: "2027-02-03",
  ...o,
});

export const member = (o: Partial<Member> = {}): Member => ({
  id: "m-1",
  firstName: "Dana",
  lastName: "Reed",
  email: "dana.reed@practice.example",
  roleId: "r-1",
  serviceAccount: false,
  calmanacId: null,
  ...o,
});

export const learner = (o: Partial<Learner> = {}): Learner => ({
  id: "l-1",
  firstName: "Eli",
  lastName: "Stone",
  birthDate: "2015-05-06",
  alias: "ES-001",
  calmanacId: null,
  ...o,
});

export const staff = (o: Partial<CalmanacStaff> = {}): CalmanacStaff => ({
  id: "s-1",
  firstName: "Dana",
  lastName: "Reed",
  email: "dana.reed@practice.example",
  phone: null,
  ...o,
});

export const client = (o: Partial<CalmanacClient> = {}): CalmanacClient => ({
  id: "c-1",
  firstName: "Eli",
  lastName: "Stone",
  birthDate: "2015-05-06",
  ...o,
});

export const agencyUser = (o: Partial<AgencyUser> = {}): AgencyUser => ({
  id: "au-1",
  username: "pat.lee",
  roleId: "role-sched",
  officeId: "office-1",
  firstName: "Pat",
  lastName: "Lee",
  businessEmail: "pat.lee@agency.example",
  mobilePhone: null,
  showOnCareCoordinatorList: false,
  showOnSupervisorList: false,
  lmsManager: false,
  sendToActivatedInsights: false,
  status: "active",
  ...o,
});

export const cacwtLearner = (o: Partial<CacwtLearner> = {}): CacwtLearner => ({
  userId: "kim.ray@partner.example.org",
  firstName: "Kim",
  lastName: "Ray",
  email: "kim.ray@partner.example.org",
  status: "Active",
  affiliation: "California Community Partners",
  organizationName: null,
  employeeType: "Riverside County Community Partner",
  dateHire: "2026-03-01",
  trainingManager: false,
  supervisor: false,
  ...o,
});

export const scimUser = (o: Partial<ScimStoredUser> = {}): ScimStoredUser => ({
  schemas: [USER_SCHEMA],
  id: "su-1",
  externalId: "cg-1",
  userName: "ana.lopez@example.com",
  name: { givenName: "Ana", familyName: "Lopez" },
  emails: [{ value: "ana.lopez@example.com", type: "work", primary: true }],
  phoneNumbers: [{ value: "+1 916 555 0100", type: "mobile" }],
  addresses: [{ type: "work", region: "CA" }],
  active: true,
  meta: { resourceType: "User", created: "2026-03-01T09:00:00.000Z", lastModified: "2026-03-01T09:00:00.000Z", version: 'W/"1"' },
  ...o,
});

export const scimPartner = (o: Partial<ScimStoredUser> = {}): ScimStoredUser =>
  scimUser({
    schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
    id: "sp-1",
    externalId: undefined,
    userName: "kim.ray@partner.example.org",
    name: { givenName: "Kim", familyName: "Ray" },
    emails: [{ value: "kim.ray@partner.example.org", type: "work", primary: true }],
    phoneNumbers: undefined,
    addresses: undefined,
    userType: "Riverside County Community Partner",
    roles: [{ value: "trainingManager" }],
    [ENTERPRISE_SCHEMA]: { organization: "California Community Partners" },
    ...o,
  });
