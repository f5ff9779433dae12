import type nock from "nock";
import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, UnsupportedError, ValidationError } from "../../../src/providers/http/errors";
import type { NewCacwtLearner, NewLmsUser } from "../../../src/providers/roles";
import type { ScimStoredUser } from "../../../src/providers/sandbox/state";
import { ENTERPRISE_SCHEMA, PATCH_OP_SCHEMA, USER_SCHEMA } from "../../../src/providers/scim/schema";
import { scimPartner, scimUser } from "./fixtures";
import { collect, useTarget, type TargetFactory } from "./target";

const SCIM_JSON = { "content-type": "application/scim+json" };
const list = (resources: ScimStoredUser[], totalResults = resources.length, startIndex = 1) => ({
  schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
  totalResults,
  startIndex,
  itemsPerPage: resources.length,
  Resources: resources,
});
const scimError = (status: number, scimType?: string) => ({
  schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
  status: String(status),
  ...(scimType ? { scimType } : {}),
  detail: "refused",
});
const withVersion = (user: ScimStoredUser, version: string, changes: Partial<ScimStoredUser> = {}): ScimStoredUser => ({
  ...user,
  ...changes,
  meta: { ...user.meta, version },
});
const patchOp = (Operations: nock.DataMatcherMap[]) => ({ schemas: [PATCH_OP_SCHEMA], Operations });

/** Any SCIM 2.0 service provider (RFC 7643/7644) as the CaregiverLms and the LearnerLms. */
export function scimContract(makeTarget: TargetFactory): void {
  describe("SCIM 2.0 → CaregiverLms", () => {
    const target = useTarget(makeTarget);
    const ana = scimUser();
    const anaAsLms = {
      id: "su-1",
      externalId: "cg-1",
      firstName: "Ana",
      lastName: "Lopez",
      email: "ana.lopez@example.com",
      mobilePhone: "+1 916 555 0100",
      birthDate: null,
      state: "CA",
      status: "active",
      trainingDueDate: null,
    };

    it("finds a user by email (userName) or external id, or nobody", async () => {
      const t = target();
      t.given({ scimUsers: [ana] }, ({ scim }) => {
        scim
          .get("/Users")
          .query({ filter: 'userName eq "ana.lopez@example.com"', startIndex: "1", count: "2" })
          .reply(200, list([ana]), SCIM_JSON);
        scim
          .get("/Users")
          .query({ filter: 'externalId eq "cg-1"', startIndex: "1", count: "2" })
          .reply(200, list([ana]), SCIM_JSON);
        scim
          .get("/Users")
          .query({ filter: 'userName eq "nobody@example.com"', startIndex: "1", count: "2" })
          .reply(200, list([]), SCIM_JSON);
      });
      expect(await t.adapters.scimCaregivers.findByEmail("ana.lopez@example.com")).toEqual(anaAsLms);
      expect(await t.adapters.scimCaregivers.findByExternalId("cg-1")).toEqual(anaAsLms);
      expect(await t.adapters.scimCaregivers.findByEmail("nobody@example.com")).toBeNull();
    });

    it("gets a user, or says it does not exist", async () => {
      const t = target();
      t.given({ scimUsers: [ana] }, ({ scim }) => {
        scim.get("/Users/su-1").reply(200, ana, { ...SCIM_JSON, etag: 'W/"1"' });
        scim.get("/Users/su-404").reply(404, scimError(404), SCIM_JSON);
      });
      expect(await t.adapters.scimCaregivers.get("su-1")).toEqual(anaAsLms);
      await expect(t.adapters.scimCaregivers.get("su-404")).rejects.toBeInstanceOf(NotFoundError);
    });

    it("creates an active user whose userName is the email", async () => {
      const t = target();
      const input: NewLmsUser = {
        externalId: "cg-7",
        firstName: "Rosa",
        lastName: "Diaz",
        email: "rosa.diaz@example.com",
        mobilePhone: null,
        birthDate: "1991-01-01",
        state: "OR",
      };
      const sent = {
        schemas: [USER_SCHEMA],
        externalId: "cg-7",
        active: true,
        name: { givenName: "Rosa", familyName: "Diaz" },
        userName: "rosa.diaz@example.com",
        emails: [{ value: "rosa.diaz@example.com", type: "work", primary: true }],
        phoneNumbers: [],
        addresses: [{ type: "work", region: "OR" }],
      };
      t.given({}, ({ scim }) => {
        scim.post("/Users", sent).reply(201, { ...sent, id: "su-7", meta: ana.meta }, { ...SCIM_JSON, etag: 'W/"1"' });
      });
      const created = await t.adapters.scimCaregivers.create(input);
      expect(created).toMatchObject({
        externalId: "cg-7",
        firstName: "Rosa",
        lastName: "Diaz",
        email: "rosa.diaz@example.com",
        mobilePhone: null,
        birthDate: null,
        state: "OR",
        status: "active",
      });
      if (t.state) expect(t.state.scim.users.get(created.id)?.userName).toBe("rosa.diaz@example.com");
    });

    it("turns a uniqueness conflict into email_taken naming the existing user", async () => {
      const t = target();
      const input: NewLmsUser = {
        externalId: "cg-8",
        firstName: "A",
        lastName: "L",
        email: "ana.lopez@example.com",
        state: "CA",
      };
      t.given({ scimUsers: [ana] }, ({ scim }) => {
        scim.post("/Users").reply(409, scimError(409, "uniqueness"), SCIM_JSON);
        scim
          .get("/Users")
          .query({ filter: 'userName eq "ana.lopez@example.com"', startIndex: "1", count: "2" })
          .reply(200, list([ana]), SCIM_JSON);
      });
      const error = await t.adapters.scimCaregivers.create(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ code: "email_taken", existingId: "su-1", vendor: "scim" });
    });

    it("refuses a user without a userName (400 invalidValue)", async () => {
      const t = target();
      const input: NewLmsUser = { externalId: "cg-9", firstName: "No", lastName: "Email", email: "", state: "OR" };
      t.given({}, ({ scim }) => {
        scim.post("/Users").reply(400, scimError(400, "invalidValue"), SCIM_JSON);
      });
      const error = await t.adapters.scimCaregivers.create(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: "invalidValue", vendor: "scim" });
      if (t.state) expect(t.state.scim.users.size).toBe(0);
    });

    it("turns a uniqueness conflict on an email change into email_taken naming the existing user", async () => {
      const t = target();
      const ben = scimUser({
        id: "su-2",
        externalId: "cg-2",
        userName: "ben@example.com",
        emails: [{ value: "ben@example.com", type: "work", primary: true }],
      });
      const value = {
        userName: "ana.lopez@example.com",
        emails: [{ value: "ana.lopez@example.com", type: "work", primary: true }],
      };
      t.given({ scimUsers: [ana, ben] }, ({ scim }) => {
        scim
          .patch("/Users/su-2", patchOp([{ op: "replace", value }]))
          .reply(409, scimError(409, "uniqueness"), SCIM_JSON);
        scim
          .get("/Users")
          .query({ filter: 'userName eq "ana.lopez@example.com"', startIndex: "1", count: "2" })
          .reply(200, list([ana]), SCIM_JSON);
      });
      const error = await t.adapters.scimCaregivers
        .update("su-2", { email: "ana.lopez@example.com" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ code: "email_taken", existingId: "su-1", status: 409 });
      if (t.state) expect(t.state.scim.users.get("su-2")?.userName).toBe("ben@example.com");
    });

    it("deactivates with If-Match carrying the ETag the provider gave", async () => {
      const t = target();
      t.given({ scimUsers: [ana] }, ({ scim }) => {
        scim.get("/Users/su-1").reply(200, ana, { ...SCIM_JSON, etag: 'W/"1"' });
        scim
          .patch("/Users/su-1", patchOp([{ op: "replace", path: "active", value: false }]))
          .matchHeader("if-match", 'W/"1"')
          .matchHeader("content-type", "application/scim+json")
          .reply(200, withVersion({ ...ana, active: false }, 'W/"2"'), { ...SCIM_JSON, etag: 'W/"2"' });
      });
      await t.adapters.scimCaregivers.get("su-1");
      expect((await t.adapters.scimCaregivers.deactivate("su-1")).status).toBe("deactivated");
      if (t.state) expect(t.state.scim.users.get("su-1")).toMatchObject({ active: false, meta: { version: 'W/"2"' } });
    });

    it("re-reads the user and applies the change again when the ETag is stale (412)", async () => {
      const t = target();
      const deactivated = withVersion({ ...ana, active: false }, 'W/"1"');
      t.given({ scimUsers: [deactivated] }, ({ scim }) => {
        scim.get("/Users/su-1").reply(200, deactivated, { ...SCIM_JSON, etag: 'W/"1"' });
      });
      await t.adapters.scimCaregivers.get("su-1");

      const renamed = withVersion(deactivated, 'W/"2"', { name: { givenName: "Anna", familyName: "Lopez" } });
      t.given({ scimUsers: [renamed] }, ({ scim }) => {
        const body = patchOp([{ op: "replace", path: "active", value: true }]);
        scim.patch("/Users/su-1", body).matchHeader("if-match", 'W/"1"').reply(412, scimError(412), SCIM_JSON);
        scim.get("/Users/su-1").reply(200, renamed, { ...SCIM_JSON, etag: 'W/"2"' });
        scim
          .patch("/Users/su-1", body)
          .matchHeader("if-match", 'W/"2"')
          .reply(200, withVersion({ ...renamed, active: true }, 'W/"3"'), { ...SCIM_JSON, etag: 'W/"3"' });
      });
      const reactivated = await t.adapters.scimCaregivers.reactivate("su-1");
      expect(reactivated).toMatchObject({ firstName: "Anna", status: "active" });
    });

    it("updates the email by replacing userName and emails", async () => {
      const t = target();
      t.given({ scimUsers: [ana] }, ({ scim }) => {
        const value = {
          userName: "ana.l@example.com",
          emails: [{ value: "ana.l@example.com", type: "work", primary: true }],
        };
        scim
          .patch("/Users/su-1", patchOp([{ op: "replace", value }]))
          .reply(200, withVersion({ ...ana, ...value }, 'W/"2"'), { ...SCIM_JSON, etag: 'W/"2"' });
      });
      expect(await t.adapters.scimCaregivers.update("su-1", { email: "ana.l@example.com" })).toMatchObject({
        email: "ana.l@example.com",
      });
    });

    it("has no administrator single sign-on", async () => {
      const t = target();
      t.given({}, () => {});
      expect(t.adapters.scimCaregivers.capabilities.adminSso).toBe(false);
      await expect(t.adapters.scimCaregivers.createAdminSession("admin@agency.example")).rejects.toBeInstanceOf(
        UnsupportedError,
      );
    });
  });

  describe("SCIM 2.0 → LearnerLms", () => {
    const target = useTarget(makeTarget);
    const org = `${ENTERPRISE_SCHEMA}:organization`;
    const kim = scimPartner();
    const lou = scimPartner({
      id: "sp-2",
      userName: "lou.ng@partner.example.org",
      name: { givenName: "Lou", familyName: "Ng" },
      emails: [{ value: "lou.ng@partner.example.org", type: "work", primary: true }],
      roles: [],
    });
    const max = scimPartner({
      id: "sp-3",
      userName: "max.b@partner.example.org",
      name: { givenName: "Max", familyName: "B" },
      emails: [{ value: "max.b@partner.example.org", type: "work", primary: true }],
    });
    const archived = scimPartner({ id: "sp-4", userName: "old@partner.example.org", active: false });
    const elsewhere = scimPartner({ id: "sp-5", userName: "ray@other.example.org" });
    const caregiver = scimUser({ id: "su-9", userName: "cg@partner.example.org" });

    it("lists learners by affiliation, status and email domain, paging by startIndex", async () => {
      const t = target();
      const filter = `${org} eq "California Community Partners" and active eq true and userName ew "@partner.example.org"`;
      t.given({ scimUsers: [kim, archived, lou, elsewhere, caregiver, max] }, ({ scim }) => {
        scim
          .get("/Users")
          .query({ filter, startIndex: "1", count: "2" })
          .reply(200, list([kim, lou], 3), SCIM_JSON);
        scim
          .get("/Users")
          .query({ filter, startIndex: "3", count: "2" })
          .reply(200, list([max], 3, 3), SCIM_JSON);
      });
      const found = await collect(
        t.adapters.scimLearners.list({
          affiliation: "California Community Partners",
          status: "Active",
          emailDomain: "partner.example.org",
        }),
      );
      expect(found.map((l) => l.userId)).toEqual([kim.userName, lou.userName, max.userName]);
      expect(found[0]).toEqual({
        userId: "kim.ray@partner.example.org",
        firstName: "Kim",
        lastName: "Ray",
        email: "kim.ray@partner.example.org",
        status: "Active",
        affiliation: "California Community Partners",
        organizationName: null,
        employeeType: "Riverside County Community Partner",
        dateHire: "2026-03-01",
        trainingManager: true,
        supervisor: false,
      });
    });

    it("creates a learner with a password, the enterprise extension and role flags", async () => {
      const t = target();
      const input: NewCacwtLearner = {
        firstName: "Ada",
        lastName: "Cole",
        email: "ada.cole@partner.example.org",
        status: "Active",
        affiliation: "California Community Partners",
        organizationName: null,
        employeeType: "Fresno County Community Partner",
        dateHire: "2026-11-23",
        trainingManager: false,
        supervisor: true,
        temporaryPassword: "Changeme1!",
      };
      const sent = {
        schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
        userName: "ada.cole@partner.example.org",
        password: "Changeme1!",
        name: { givenName: "Ada", familyName: "Cole" },
        emails: [{ value: "ada.cole@partner.example.org", type: "work", primary: true }],
        active: true,
        userType: "Fresno County Community Partner",
        [ENTERPRISE_SCHEMA]: { organization: "California Community Partners" },
        roles: [{ value: "supervisor" }],
      };
      t.given({}, ({ scim }) => {
        const { password: _password, ...stored } = sent;
        scim
          .post("/Users", sent)
          .reply(201, { ...stored, id: "sp-9", meta: { ...kim.meta, created: "2026-11-23T08:00:00Z" } }, SCIM_JSON);
      });
      const created = await t.adapters.scimLearners.create(input);
      const { temporaryPassword: _t, dateHire: _d, ...expected } = input;
      expect(created).toMatchObject({ ...expected, userId: input.email });
      expect(created.dateHire).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (t.state) expect(t.state.scim.users.get([...t.state.scim.users.keys()][0] ?? "")?.password).toBe("Changeme1!");
    });

    it("archives a learner found by userName, with the ETag from the list", async () => {
      const t = target();
      t.given({ scimUsers: [kim] }, ({ scim }) => {
        scim
          .get("/Users")
          .query({ filter: 'userName eq "kim.ray@partner.example.org"', startIndex: "1", count: "2" })
          .reply(200, list([kim]), SCIM_JSON);
        scim
          .patch("/Users/sp-1", patchOp([{ op: "replace", value: { active: false } }]))
          .matchHeader("if-match", 'W/"1"')
          .reply(200, withVersion({ ...kim, active: false }, 'W/"2"'), SCIM_JSON);
      });
      expect((await t.adapters.scimLearners.update("kim.ray@partner.example.org", { status: "Archived" })).status).toBe(
        "Archived",
      );
      if (t.state) expect(t.state.scim.users.get("sp-1")?.active).toBe(false);
    });

    it("cannot update a learner that does not exist", async () => {
      const t = target();
      t.given({}, ({ scim }) => {
        scim
          .get("/Users")
          .query({ filter: 'userName eq "nobody@partner.example.org"', startIndex: "1", count: "2" })
          .reply(200, list([]), SCIM_JSON);
      });
      await expect(
        t.adapters.scimLearners.update("nobody@partner.example.org", { status: "Archived" }),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it("has no CSV import", async () => {
      const t = target();
      t.given({}, () => {});
      expect(t.adapters.scimLearners.capabilities.csvImport).toBe(false);
      await expect(t.adapters.scimLearners.startImport("UserID\n")).rejects.toBeInstanceOf(UnsupportedError);
    });
  });
}
