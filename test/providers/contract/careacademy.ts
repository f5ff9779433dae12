import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "../../../src/providers/http/errors";
import type { NewLmsUser } from "../../../src/providers/roles";
import { lmsUser } from "./fixtures";
import { errorBody, pageOf, useTarget, type TargetFactory } from "./target";

/** CareAcademy as the CaregiverLms (providers.md § CareAcademy). The sandbox requires birth dates in CA and WA. */
export function careAcademyContract(makeTarget: TargetFactory): void {
  describe("CareAcademy → CaregiverLms", () => {
    const target = useTarget(makeTarget);
    const ana = lmsUser({ id: "u-1", externalId: "cg-1", email: "ana.lopez@example.com" });
    const gone = lmsUser({
      id: "u-2",
      externalId: "cg-2",
      firstName: "Ben",
      email: "ben.ortiz@example.com",
      status: "deactivated",
    });
    const newcomer: NewLmsUser = {
      externalId: "cg-7",
      firstName: "Rosa",
      lastName: "Diaz",
      email: "rosa.diaz@example.com",
      mobilePhone: "+1 503 555 0107",
      birthDate: null,
      state: "OR",
    };

    it("finds a user by email, or nobody", async () => {
      const t = target();
      t.given({ lmsUsers: [ana, gone] }, ({ careacademy }) => {
        careacademy
          .get("/v1/users")
          .query({ email: "ana.lopez@example.com" })
          .reply(200, pageOf([ana]));
        careacademy.get("/v1/users").query({ email: "nobody@example.com" }).reply(200, pageOf([]));
      });
      expect(await t.adapters.careAcademy.findByEmail("ana.lopez@example.com")).toEqual(ana);
      expect(await t.adapters.careAcademy.findByEmail("nobody@example.com")).toBeNull();
    });

    it("finds a user by external id, or nobody", async () => {
      const t = target();
      t.given({ lmsUsers: [ana, gone] }, ({ careacademy }) => {
        careacademy
          .get("/v1/users")
          .query({ externalId: "cg-2" })
          .reply(200, pageOf([gone]));
        careacademy.get("/v1/users").query({ externalId: "cg-404" }).reply(200, pageOf([]));
      });
      expect(await t.adapters.careAcademy.findByExternalId("cg-2")).toEqual(gone);
      expect(await t.adapters.careAcademy.findByExternalId("cg-404")).toBeNull();
    });

    it("gets a user, or says it does not exist", async () => {
      const t = target();
      t.given({ lmsUsers: [ana] }, ({ careacademy }) => {
        careacademy.get("/v1/users/u-1").reply(200, ana);
        careacademy.get("/v1/users/u-404").reply(404, errorBody("not_found"));
      });
      expect(await t.adapters.careAcademy.get("u-1")).toEqual(ana);
      await expect(t.adapters.careAcademy.get("u-404")).rejects.toBeInstanceOf(NotFoundError);
    });

    it("creates an active user", async () => {
      const t = target();
      t.given({}, ({ careacademy }) => {
        careacademy
          .post("/v1/users", { ...newcomer })
          .reply(201, { id: "u-7", ...newcomer, status: "active", trainingDueDate: "2027-11-23" });
      });
      const created = await t.adapters.careAcademy.create(newcomer);
      expect(created).toMatchObject({ ...newcomer, status: "active" });
      expect(created.id).toEqual(expect.any(String));
      if (t.state) expect(t.state.careacademy.users.get(created.id)).toEqual(created);
    });

    it("refuses an email another user has, naming that user", async () => {
      const t = target();
      const clash = { ...newcomer, email: "ana.lopez@example.com" };
      t.given({ lmsUsers: [ana] }, ({ careacademy }) => {
        careacademy.post("/v1/users", { ...clash }).reply(409, errorBody("email_taken", { existingId: "u-1" }));
      });
      const error = await t.adapters.careAcademy.create(clash).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ code: "email_taken", existingId: "u-1" });
    });

    it("refuses a caregiver in a birth-date state without a birth date", async () => {
      const t = target();
      const inCalifornia = { ...newcomer, state: "CA", birthDate: null };
      t.given({}, ({ careacademy }) => {
        careacademy
          .post("/v1/users", { ...inCalifornia })
          .reply(422, errorBody("birth_date_required", { fields: { birthDate: "is required in CA" } }));
      });
      const error = await t.adapters.careAcademy.create(inCalifornia).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: "birth_date_required" });
      expect(Object.keys((error as ValidationError).fields)).toEqual(["birthDate"]);
    });

    it("refuses an invalid email with the field named", async () => {
      const t = target();
      const bad = { ...newcomer, email: "rosa.diaz" };
      t.given({}, ({ careacademy }) => {
        careacademy
          .post("/v1/users", { ...bad })
          .reply(422, errorBody("validation_failed", { fields: { email: "is not valid" } }));
      });
      const error = await t.adapters.careAcademy.create(bad).catch((e: unknown) => e);
      expect(Object.keys((error as ValidationError).fields)).toEqual(["email"]);
    });

    it("updates a user", async () => {
      const t = target();
      t.given({ lmsUsers: [ana] }, ({ careacademy }) => {
        careacademy
          .patch("/v1/users/u-1", { mobilePhone: "+1 916 555 0199" })
          .reply(200, { ...ana, mobilePhone: "+1 916 555 0199" });
      });
      expect(await t.adapters.careAcademy.update("u-1", { mobilePhone: "+1 916 555 0199" })).toEqual({
        ...ana,
        mobilePhone: "+1 916 555 0199",
      });
    });

    it("refuses to move a user to an email another user has", async () => {
      const t = target();
      t.given({ lmsUsers: [ana, gone] }, ({ careacademy }) => {
        careacademy
          .patch("/v1/users/u-2", { email: "ana.lopez@example.com" })
          .reply(409, errorBody("email_taken", { existingId: "u-1" }));
      });
      await expect(t.adapters.careAcademy.update("u-2", { email: "ana.lopez@example.com" })).rejects.toMatchObject({
        name: "ConflictError",
        existingId: "u-1",
      });
    });

    it("refuses to move a user without a birth date to a birth-date state", async () => {
      const t = target();
      const inOregon = lmsUser({
        id: "u-3",
        externalId: "cg-3",
        email: "cho.park@example.com",
        birthDate: null,
        state: "OR",
      });
      t.given({ lmsUsers: [inOregon] }, ({ careacademy }) => {
        careacademy
          .patch("/v1/users/u-3", { state: "CA" })
          .reply(422, errorBody("birth_date_required", { fields: { birthDate: "is required for caregivers in CA" } }));
      });
      const error = await t.adapters.careAcademy.update("u-3", { state: "CA" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: "birth_date_required" });
      expect(Object.keys((error as ValidationError).fields)).toEqual(["birthDate"]);
      if (t.state) expect(t.state.careacademy.users.get("u-3")?.state).toBe("OR");
    });

    it("deactivates, reactivates and activates a user", async () => {
      const t = target();
      t.given({ lmsUsers: [ana] }, ({ careacademy }) => {
        careacademy.post("/v1/users/u-1/deactivate").reply(200, { ...ana, status: "deactivated" });
        careacademy.post("/v1/users/u-1/reactivate").reply(200, { ...ana, status: "active" });
        careacademy.post("/v1/users/u-1/deactivate").reply(200, { ...ana, status: "deactivated" });
        careacademy.post("/v1/users/u-1/activate").reply(200, { ...ana, status: "active" });
      });
      const lms = t.adapters.careAcademy;
      expect((await lms.deactivate("u-1")).status).toBe("deactivated");
      if (t.state) expect(t.state.careacademy.users.get("u-1")?.status).toBe("deactivated");
      expect((await lms.reactivate("u-1")).status).toBe("active");
      expect((await lms.deactivate("u-1")).status).toBe("deactivated");
      expect((await lms.activate("u-1")).status).toBe("active");
    });

    it("cannot change the status of a user that does not exist", async () => {
      const t = target();
      t.given({}, ({ careacademy }) => {
        careacademy.post("/v1/users/u-404/deactivate").reply(404, errorBody("not_found"));
      });
      await expect(t.adapters.careAcademy.deactivate("u-404")).rejects.toBeInstanceOf(NotFoundError);
    });

    it("opens a one-time administrator sign-in link", async () => {
      const t = target();
      t.given({}, ({ careacademy }) => {
        careacademy
          .post("/v1/sso/admin-sessions", { email: "admin@agency.example" })
          .reply(201, { url: "https://careacademy.contract.test/sso/one-time", expiresAt: "2026-11-23T10:10:00.000Z" });
      });
      const session = await t.adapters.careAcademy.createAdminSession("admin@agency.example");
      expect(new URL(session.url).protocol).toMatch(/^https?:$/);
      expect(Number.isNaN(Date.parse(session.expiresAt))).toBe(false);
      expect(t.adapters.careAcademy.capabilities.adminSso).toBe(true);
    });
  });
}
