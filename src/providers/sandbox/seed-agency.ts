import type { AgencyUser, Caregiver, LmsUser } from "../records";
import type { SandboxState } from "./state";

type CaregiverRow = [id: string, first: string, last: string, email: string | null, phone: string | null, birth: string | null, state: string, status?: Caregiver["status"]];

/**
 * Spectrum TeleTrack caregivers that exercise every branch of the caregiver sync, CareAcademy
 * users some of them already have, and the Caresmartz360 offices, roles and staff.
 * Birth-date states by default: CA, IL, NY, TX, WA.
 */
const CAREGIVERS: CaregiverRow[] = [
  ["tt-1001", "Maria", "Gonzalez", "maria.gonzalez@example.com", "+1 916 555 0142", "1985-03-14", "CA"], // synced, active
  ["tt-1002", "James", "Carter", "james.carter@example.com", "+1 916 555 0178", "1979-11-02", "CA"], // synced, deactivated
  ["tt-1003", "Marisol", "Ortega", null, "+1 209 555 0119", "1990-07-21", "CA"], // no email: cannot sync
  ["tt-1004", "Darnell", "Washington", "darnell.w@example.net", "+1 559 555 0163", null, "CA"], // birth-date state, no birth date
  ["tt-1005", "Priya", "Raman", "priya.raman@example.com", null, null, "OR"], // no mobile phone; OR needs no birth date
  ["tt-1006", "Kevin", "O'Brien", "kevin.obrien@example.com", "+1 775 555 0101", "1988-01-30", "NV"],
  ["tt-1007", "Ngozi", "Okafor", "ngozi.okafor@example.com", "+1 916 555 0190", "1992-09-09", "CA"],
  ["tt-1008", "Linh", "Tran", "linh.tran@example.net", "+1 206 555 0134", "1983-05-17", "WA"],
  ["tt-1009", "Samuel", "Reyes", "samuel.reyes@example.com", "+1 916 555 0127", "1975-12-24", "CA", "inactive"],
  ["tt-1010", "Hannah", "Kowalski", "hannah.kowalski@example.com", "+1 602 555 0155", "1994-02-11", "AZ"], // already in CareAcademy, unlinked
  ["tt-1011", "Ahmed", "Hassan", "ahmed.hassan@example.com", "+1 512 555 0188", "1987-08-03", "TX"],
  ["tt-1012", "Grace", "Liu", "grace.liu@example.com", "+1 503 555 0176", "1996-04-27", "OR"],
];

const LMS_USERS: LmsUser[] = [
  { id: "ca-u-2001", externalId: "tt-1001", firstName: "Maria", lastName: "Gonzalez", email: "maria.gonzalez@example.com", mobilePhone: "+1 916 555 0142", birthDate: "1985-03-14", state: "CA", status: "active", trainingDueDate: "2027-03-14" },
  { id: "ca-u-2002", externalId: "tt-1002", firstName: "James", lastName: "Carter", email: "james.carter@example.com", mobilePhone: "+1 916 555 0178", birthDate: "1979-11-02", state: "CA", status: "deactivated", trainingDueDate: "2027-11-02" },
  { id: "ca-u-2003", externalId: null, firstName: "Hannah", lastName: "Kowalski", email: "hannah.kowalski@example.com", mobilePhone: null, birthDate: null, state: "AZ", status: "active", trainingDueDate: "2027-06-01" },
];

type StaffRow = [id: string, username: string, first: string, last: string, roleId: string, officeId: string, flags: Partial<AgencyUser>];

const STAFF: StaffRow[] = [
  ["cs-u-01", "linda.park", "Linda", "Park", "ro-admin", "of-sac", { lmsManager: true, showOnSupervisorList: true }],
  ["cs-u-02", "marcus.bell", "Marcus", "Bell", "ro-om", "of-fre", { showOnSupervisorList: true }],
  ["cs-u-03", "tanya.ruiz", "Tanya", "Ruiz", "ro-sch", "of-sac", {}],
  ["cs-u-04", "devon.price", "Devon", "Price", "ro-cc", "of-stk", { showOnCareCoordinatorList: true, sendToActivatedInsights: true }],
  ["cs-u-05", "grace.omalley", "Grace", "O'Malley", "ro-hr", "of-sac", { status: "inactive" }],
  ["cs-u-06", "maria.gonzalez", "Maria", "Gonzalez", "ro-sch", "of-fre", {}],
];

export function seedAgency(state: SandboxState): void {
  for (const [id, firstName, lastName, email, mobilePhone, birthDate, st, status] of CAREGIVERS) {
    state.teletrack.caregivers.set(id, { id, firstName, lastName, email, mobilePhone, birthDate, state: st, status: status ?? "active", updatedAt: "2026-10-01T16:00:00.000Z" });
  }
  for (const user of LMS_USERS) state.careacademy.users.set(user.id, { ...user });
  state.teletrack.lmsLinks.set("tt-1001", "ca-u-2001");
  state.teletrack.lmsLinks.set("tt-1002", "ca-u-2002");

  state.caresmartz.offices.push(
    { id: "of-sac", name: "Sacramento (Main Office)" },
    { id: "of-fre", name: "Fresno Branch" },
    { id: "of-stk", name: "Stockton Branch" },
  );
  state.caresmartz.roles.push(
    { id: "ro-admin", name: "Administrator" },
    { id: "ro-om", name: "Office Manager" },
    { id: "ro-sch", name: "Scheduler" },
    { id: "ro-cc", name: "Care Coordinator" },
    { id: "ro-hr", name: "HR Specialist" },
  );
  for (const [id, username, firstName, lastName, roleId, officeId, flags] of STAFF) {
    state.caresmartz.agencyUsers.set(id, {
      id,
      username,
      roleId,
      officeId,
      firstName,
      lastName,
      businessEmail: `${username}@sunrisecare.example`,
      mobilePhone: null,
      showOnCareCoordinatorList: false,
      showOnSupervisorList: false,
      lmsManager: false,
      sendToActivatedInsights: false,
      status: "active",
      ...flags,
    });
  }
}
