import type { CacwtLearner } from "../records";
import { ENTERPRISE_SCHEMA, USER_SCHEMA } from "../scim/schema";
import type { SandboxState, ScimStoredUser } from "./state";

const PARTNERS = "California Community Partners";

type LearnerRow = [first: string, last: string, email: string, status: CacwtLearner["status"], county: string, dateHire: string, flags?: Partial<CacwtLearner>];

/**
 * CACWT community partners at two organizations' email domains, some Active and some Archived,
 * plus county staff who are not community partners (a bulk archive by filter must skip them).
 */
const PARTNER_ROWS: LearnerRow[] = [
  ["Carmen", "Flores", "carmen.flores@hopefoundation.example.org", "Active", "Riverside", "2026-02-03", { trainingManager: true }],
  ["Derek", "Nguyen", "derek.nguyen@hopefoundation.example.org", "Active", "Riverside", "2026-02-03"],
  ["Imani", "Jackson", "imani.jackson@hopefoundation.example.org", "Active", "Riverside", "2026-04-15"],
  ["Paul", "Schneider", "paul.schneider@hopefoundation.example.org", "Active", "San Bernardino", "2026-05-20"],
  ["Rachel", "Adams", "rachel.adams@hopefoundation.example.org", "Archived", "Riverside", "2025-09-01"],
  ["Victor", "Chavez", "victor.chavez@hopefoundation.example.org", "Archived", "Riverside", "2025-09-01"],
  ["Leilani", "Kahale", "leilani.kahale@valleypartners.example.org", "Active", "San Diego", "2026-03-10", { supervisor: true }],
  ["Marco", "Bianchi", "marco.bianchi@valleypartners.example.org", "Active", "San Diego", "2026-03-10"],
  ["Nadia", "Petrova", "nadia.petrova@valleypartners.example.org", "Active", "Imperial", "2026-06-01"],
  ["Trevor", "Hughes", "trevor.hughes@valleypartners.example.org", "Archived", "San Diego", "2025-11-12"],
];

const COUNTY_STAFF: CacwtLearner[] = [
  { userId: "RV-48213", firstName: "Janet", lastName: "Morales", email: "jmorales@dpss.example.gov", status: "Active", affiliation: "County Child Welfare", organizationName: "Riverside County DPSS", employeeType: "Social Worker", dateHire: "2019-08-12", trainingManager: false, supervisor: true },
  { userId: "SD-10077", firstName: "Brian", lastName: "Foster", email: "bfoster@hhsa.example.gov", status: "Active", affiliation: "County Child Welfare", organizationName: "San Diego County HHSA", employeeType: "Social Worker", dateHire: "2021-01-04", trainingManager: false, supervisor: false },
];

export function seedLearners(state: SandboxState): void {
  for (const [firstName, lastName, email, status, county, dateHire, flags] of PARTNER_ROWS) {
    state.cacwt.learners.set(email, {
      userId: email,
      firstName,
      lastName,
      email,
      status,
      affiliation: PARTNERS,
      organizationName: null,
      employeeType: `${county} County Community Partner`,
      dateHire,
      trainingManager: false,
      supervisor: false,
      ...flags,
    });
  }
  for (const learner of COUNTY_STAFF) state.cacwt.learners.set(learner.userId, { ...learner });
  seedScim(state);
}

/** A SCIM service provider holding caregivers (scim as the caregiver LMS) and community partners (as the learner LMS). */
function seedScim(state: SandboxState): void {
  const meta = (created: string) => ({ resourceType: "User" as const, created, lastModified: created, version: 'W/"1"' });
  const users: ScimStoredUser[] = [
    { id: "scim-u-1", externalId: "tt-1001", userName: "maria.gonzalez@example.com", name: { givenName: "Maria", familyName: "Gonzalez" }, emails: [{ value: "maria.gonzalez@example.com", type: "work", primary: true }], phoneNumbers: [{ value: "+1 916 555 0142", type: "mobile" }], addresses: [{ type: "work", region: "CA" }], active: true, meta: meta("2026-01-15T17:00:00.000Z") },
    { id: "scim-u-2", externalId: "tt-1002", userName: "james.carter@example.com", name: { givenName: "James", familyName: "Carter" }, emails: [{ value: "james.carter@example.com", type: "work", primary: true }], addresses: [{ type: "work", region: "CA" }], active: false, meta: meta("2026-01-15T17:00:00.000Z") },
    { id: "scim-u-3", userName: "carmen.flores@hopefoundation.example.org", name: { givenName: "Carmen", familyName: "Flores" }, emails: [{ value: "carmen.flores@hopefoundation.example.org", type: "work", primary: true }], active: true, userType: "Riverside County Community Partner", roles: [{ value: "trainingManager" }], [ENTERPRISE_SCHEMA]: { organization: PARTNERS }, meta: meta("2026-02-03T18:00:00.000Z") },
    { id: "scim-u-4", userName: "leilani.kahale@valleypartners.example.org", name: { givenName: "Leilani", familyName: "Kahale" }, emails: [{ value: "leilani.kahale@valleypartners.example.org", type: "work", primary: true }], active: true, userType: "San Diego County Community Partner", [ENTERPRISE_SCHEMA]: { organization: PARTNERS }, meta: meta("2026-03-10T18:00:00.000Z") },
    { id: "scim-u-5", userName: "trevor.hughes@valleypartners.example.org", name: { givenName: "Trevor", familyName: "Hughes" }, emails: [{ value: "trevor.hughes@valleypartners.example.org", type: "work", primary: true }], active: false, userType: "San Diego County Community Partner", [ENTERPRISE_SCHEMA]: { organization: PARTNERS }, meta: meta("2025-11-12T18:00:00.000Z") },
  ];
  for (const user of users) {
    const schemas = user[ENTERPRISE_SCHEMA] ? [USER_SCHEMA, ENTERPRISE_SCHEMA] : [USER_SCHEMA];
    state.scim.users.set(user.id, { schemas, ...user });
  }
}
