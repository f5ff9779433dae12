import type { Vendor } from "../../../src/config";
import { collect, pageOf, type Adapters } from "../contract/target";
import { agencyUser, cacwtLearner, caregiver, client, learner, lmsUser, member, scimUser, staff } from "../contract/fixtures";

/** One call of providers.md: how nock sees it, what success looks like, and how an adapter makes it. */
export interface Call {
  name: string;
  vendor: Vendor;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string>;
  status: number;
  body?: unknown;
  /** Safe to send twice; a create is not. */
  idempotent: boolean;
  run(a: Adapters): Promise<unknown>;
}

const scimList = (resources: unknown[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults: resources.length, Resources: resources });
const roles = { data: [{ id: "r-1", name: "BCBA" }] };
const newUser = { externalId: "cg-1", firstName: "Ana", lastName: "Lopez", email: "ana@example.com", state: "OR" };
const newMember = { firstName: "D", lastName: "R", email: "d@p.example", roleId: "r-1", calmanacId: "s-1" };
const { userId: _userId, ...newLearner } = { ...cacwtLearner(), temporaryPassword: "Changeme1!" };

export const CALLS: Call[] = [
  { name: "TeleTrack list caregivers", vendor: "teletrack", method: "GET", path: "/v1/caregivers", query: { limit: "2" }, status: 200, body: pageOf([caregiver()]), idempotent: true, run: (a) => collect(a.caregiverSource.listCaregivers()) },
  { name: "TeleTrack search", vendor: "teletrack", method: "GET", path: "/v1/caregivers", query: { limit: "2", search: "ana" }, status: 200, body: pageOf([caregiver()]), idempotent: true, run: (a) => collect(a.caregiverSource.search("ana")) },
  { name: "TeleTrack get", vendor: "teletrack", method: "GET", path: "/v1/caregivers/cg-1", status: 200, body: caregiver(), idempotent: true, run: (a) => a.caregiverSource.get("cg-1") },
  { name: "TeleTrack update", vendor: "teletrack", method: "PATCH", path: "/v1/caregivers/cg-1", status: 200, body: caregiver(), idempotent: true, run: (a) => a.caregiverSource.update("cg-1", { email: "ana@example.com" }) },
  { name: "TeleTrack link", vendor: "teletrack", method: "PUT", path: "/v1/caregivers/cg-1/careacademy-link", status: 204, idempotent: true, run: (a) => a.caregiverSource.linkLmsUser("cg-1", "u-1") },

  { name: "CareAcademy find by email", vendor: "careacademy", method: "GET", path: "/v1/users", query: { email: "ana@example.com" }, status: 200, body: pageOf([lmsUser()]), idempotent: true, run: (a) => a.careAcademy.findByEmail("ana@example.com") },
  { name: "CareAcademy find by external id", vendor: "careacademy", method: "GET", path: "/v1/users", query: { externalId: "cg-1" }, status: 200, body: pageOf([lmsUser()]), idempotent: true, run: (a) => a.careAcademy.findByExternalId("cg-1") },
  { name: "CareAcademy get", vendor: "careacademy", method: "GET", path: "/v1/users/u-1", status: 200, body: lmsUser(), idempotent: true, run: (a) => a.careAcademy.get("u-1") },
  { name: "CareAcademy create", vendor: "careacademy", method: "POST", path: "/v1/users", status: 201, body: lmsUser(), idempotent: false, run: (a) => a.careAcademy.create(newUser) },
  { name: "CareAcademy update", vendor: "careacademy", method: "PATCH", path: "/v1/users/u-1", status: 200, body: lmsUser(), idempotent: true, run: (a) => a.careAcademy.update("u-1", { state: "OR" }) },
  { name: "CareAcademy activate", vendor: "careacademy", method: "POST", path: "/v1/users/u-1/activate", status: 200, body: lmsUser(), idempotent: true, run: (a) => a.careAcademy.activate("u-1") },
  { name: "CareAcademy deactivate", vendor: "careacademy", method: "POST", path: "/v1/users/u-1/deactivate", status: 200, body: lmsUser({ status: "deactivated" }), idempotent: true, run: (a) => a.careAcademy.deactivate("u-1") },
  { name: "CareAcademy reactivate", vendor: "careacademy", method: "POST", path: "/v1/users/u-1/reactivate", status: 200, body: lmsUser(), idempotent: true, run: (a) => a.careAcademy.reactivate("u-1") },
  { name: "CareAcademy admin session", vendor: "careacademy", method: "POST", path: "/v1/sso/admin-sessions", status: 201, body: { url: "https://x.test/sso/1", expiresAt: "2026-11-23T10:00:00Z" }, idempotent: true, run: (a) => a.careAcademy.createAdminSession("admin@a.example") },

  { name: "Motivity list members", vendor: "motivity", method: "GET", path: "/v1/members", query: { limit: "2" }, status: 200, body: pageOf([member()]), idempotent: true, run: (a) => collect(a.linkingPair.listMembers()) },
  { name: "Motivity list learners", vendor: "motivity", method: "GET", path: "/v1/learners", query: { limit: "2" }, status: 200, body: pageOf([learner()]), idempotent: true, run: (a) => collect(a.linkingPair.listLearners()) },
  { name: "Motivity roles", vendor: "motivity", method: "GET", path: "/v1/roles", status: 200, body: roles, idempotent: true, run: (a) => a.linkingPair.listRoles() },
  { name: "Motivity link member", vendor: "motivity", method: "PUT", path: "/v1/members/m-1/calmanac-link", status: 204, idempotent: true, run: (a) => a.linkingPair.linkMember("m-1", "s-1") },
  { name: "Motivity unlink member", vendor: "motivity", method: "DELETE", path: "/v1/members/m-1/calmanac-link", status: 204, idempotent: true, run: (a) => a.linkingPair.unlinkMember("m-1") },
  { name: "Motivity link learner", vendor: "motivity", method: "PUT", path: "/v1/learners/l-1/calmanac-link", status: 204, idempotent: true, run: (a) => a.linkingPair.linkLearner("l-1", "c-1") },
  { name: "Motivity unlink learner", vendor: "motivity", method: "DELETE", path: "/v1/learners/l-1/calmanac-link", status: 204, idempotent: true, run: (a) => a.linkingPair.unlinkLearner("l-1") },
  { name: "Motivity create member", vendor: "motivity", method: "POST", path: "/v1/members", status: 201, body: member(), idempotent: false, run: (a) => a.linkingPair.createMember(newMember) },
  { name: "Motivity create learner", vendor: "motivity", method: "POST", path: "/v1/learners", status: 201, body: learner(), idempotent: false, run: (a) => a.linkingPair.createLearner({ firstName: "E", lastName: "S", calmanacId: "c-1" }) },
  { name: "Calmanac list staff", vendor: "calmanac", method: "GET", path: "/v1/staff", query: { limit: "2" }, status: 200, body: pageOf([staff()]), idempotent: true, run: (a) => collect(a.linkingPair.listStaff()) },
  { name: "Calmanac list clients", vendor: "calmanac", method: "GET", path: "/v1/clients", query: { limit: "2" }, status: 200, body: pageOf([client()]), idempotent: true, run: (a) => collect(a.linkingPair.listClients()) },

  { name: "Caresmartz360 offices", vendor: "caresmartz", method: "GET", path: "/v1/offices", status: 200, body: roles, idempotent: true, run: (a) => a.staffDirectory.listOffices() },
  { name: "Caresmartz360 roles", vendor: "caresmartz", method: "GET", path: "/v1/roles", status: 200, body: roles, idempotent: true, run: (a) => a.staffDirectory.listRoles() },
  { name: "Caresmartz360 find by username", vendor: "caresmartz", method: "GET", path: "/v1/agency-users", query: { username: "pat.lee" }, status: 200, body: pageOf([agencyUser()]), idempotent: true, run: (a) => a.staffDirectory.findByUsername("pat.lee") },
  { name: "Caresmartz360 list by office", vendor: "caresmartz", method: "GET", path: "/v1/agency-users", query: { officeId: "office-1", limit: "2" }, status: 200, body: pageOf([agencyUser()]), idempotent: true, run: (a) => collect(a.staffDirectory.listByOffice("office-1")) },
  { name: "Caresmartz360 create", vendor: "caresmartz", method: "POST", path: "/v1/agency-users", status: 201, body: agencyUser(), idempotent: false, run: (a) => { const { id: _id, ...user } = agencyUser(); return a.staffDirectory.create(user); } },

  { name: "CACWT find by email", vendor: "cacwt", method: "GET", path: "/v1/learners", query: { email: "kim@p.example" }, status: 200, body: pageOf([cacwtLearner()]), idempotent: true, run: (a) => a.cacwt.findByEmail("kim@p.example") },
  { name: "CACWT find by user id", vendor: "cacwt", method: "GET", path: "/v1/learners", query: { userId: "kim@p.example" }, status: 200, body: pageOf([cacwtLearner()]), idempotent: true, run: (a) => a.cacwt.findByUserId("kim@p.example") },
  { name: "CACWT list", vendor: "cacwt", method: "GET", path: "/v1/learners", query: { status: "Active", limit: "2" }, status: 200, body: pageOf([cacwtLearner()]), idempotent: true, run: (a) => collect(a.cacwt.list({ status: "Active" })) },
  { name: "CACWT create", vendor: "cacwt", method: "POST", path: "/v1/learners", status: 201, body: cacwtLearner(), idempotent: false, run: (a) => a.cacwt.create(newLearner) },
  { name: "CACWT update", vendor: "cacwt", method: "PATCH", path: "/v1/learners/kim", status: 200, body: cacwtLearner(), idempotent: true, run: (a) => a.cacwt.update("kim", { status: "Archived" }) },
  { name: "CACWT start import", vendor: "cacwt", method: "POST", path: "/v1/learner-imports", status: 202, body: { importId: "i-1" }, idempotent: false, run: (a) => a.cacwt.startImport("UserID\n") },
  { name: "CACWT import status", vendor: "cacwt", method: "GET", path: "/v1/learner-imports/i-1", status: 200, body: { status: "done", created: 0, updated: 0, failed: [] }, idempotent: true, run: (a) => a.cacwt.getImport("i-1") },

  { name: "SCIM filter by userName", vendor: "scim", method: "GET", path: "/Users", query: { filter: 'userName eq "ana@example.com"', startIndex: "1", count: "2" }, status: 200, body: scimList([scimUser()]), idempotent: true, run: (a) => a.scimCaregivers.findByEmail("ana@example.com") },
  { name: "SCIM get", vendor: "scim", method: "GET", path: "/Users/su-1", status: 200, body: scimUser(), idempotent: true, run: (a) => a.scimCaregivers.get("su-1") },
  { name: "SCIM create", vendor: "scim", method: "POST", path: "/Users", status: 201, body: scimUser(), idempotent: false, run: (a) => a.scimCaregivers.create(newUser) },
  { name: "SCIM patch active", vendor: "scim", method: "PATCH", path: "/Users/su-1", status: 200, body: scimUser({ active: false }), idempotent: true, run: (a) => a.scimCaregivers.deactivate("su-1") },
];
