import { describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "../../../src/providers/http/errors";
import type { NewAgencyUser } from "../../../src/providers/roles";
import { agencyUser } from "./fixtures";
import { collect, errorBody, pageOf, useTarget, type TargetFactory } from "./target";

/** Caresmartz360 as the StaffDirectory (providers.md § Caresmartz360). */
export function caresmartzContract(makeTarget: TargetFactory): void {
  describe("Caresmartz360 → StaffDirectory", () => {
    const target = useTarget(makeTarget);
    const offices = [
      { id: "office-1", name: "Sacramento" },
      { id: "office-2", name: "Fresno" },
    ];
    const roles = [
      { id: "role-admin", name: "Administrator" },
      { id: "role-sched", name: "Scheduler" },
    ];
    const pat = agencyUser({ id: "au-1", username: "pat.lee", officeId: "office-1" });
    const sam = agencyUser({ id: "au-2", username: "sam.wu", firstName: "Sam", lastName: "Wu", officeId: "office-1", businessEmail: "sam.wu@agency.example" });
    const kai = agencyUser({ id: "au-3", username: "kai.ono", firstName: "Kai", lastName: "Ono", officeId: "office-2", businessEmail: "kai.ono@agency.example" });
    const jo = agencyUser({ id: "au-4", username: "jo.cruz", firstName: "Jo", lastName: "Cruz", officeId: "office-1", businessEmail: "jo.cruz@agency.example" });
    const world = { offices, agencyRoles: roles, agencyUsers: [pat, sam, kai, jo] };
    const newUser: NewAgencyUser = {
      username: "lee.park",
      roleId: "role-sched",
      officeId: "office-2",
      firstName: "Lee",
      lastName: "Park",
      businessEmail: "lee.park@agency.example",
      mobilePhone: "+1 559 555 0144",
      showOnCareCoordinatorList: true,
      showOnSupervisorList: false,
      lmsManager: false,
      sendToActivatedInsights: true,
      status: "active",
    };

    it("lists offices and roles", async () => {
      const t = target();
      t.given(world, ({ caresmartz }) => {
        caresmartz.get("/v1/offices").reply(200, { data: offices });
        caresmartz.get("/v1/roles").reply(200, { data: roles });
      });
      expect(await t.adapters.staffDirectory.listOffices()).toEqual(offices);
      expect(await t.adapters.staffDirectory.listRoles()).toEqual(roles);
    });

    it("finds a user by username, or nobody", async () => {
      const t = target();
      t.given(world, ({ caresmartz }) => {
        caresmartz.get("/v1/agency-users").query({ username: "sam.wu" }).reply(200, pageOf([sam]));
        caresmartz.get("/v1/agency-users").query({ username: "no.one" }).reply(200, pageOf([]));
      });
      expect(await t.adapters.staffDirectory.findByUsername("sam.wu")).toEqual(sam);
      expect(await t.adapters.staffDirectory.findByUsername("no.one")).toBeNull();
    });

    it("lists an office's users across pages, and only that office's", async () => {
      const t = target();
      t.given(world, ({ caresmartz }) => {
        caresmartz.get("/v1/agency-users").query({ officeId: "office-1", limit: "2" }).reply(200, pageOf([pat, sam], "p2"));
        caresmartz.get("/v1/agency-users").query({ officeId: "office-1", limit: "2", cursor: "p2" }).reply(200, pageOf([jo]));
      });
      expect(await collect(t.adapters.staffDirectory.listByOffice("office-1"))).toEqual([pat, sam, jo]);
    });

    it("creates a user; the vendor emails registration to the business email", async () => {
      const t = target();
      t.given(world, ({ caresmartz }) => {
        caresmartz.post("/v1/agency-users", { ...newUser }).reply(201, { id: "au-9", ...newUser });
      });
      const created = await t.adapters.staffDirectory.create(newUser);
      expect(created).toMatchObject(newUser);
      expect(created.id).toEqual(expect.any(String));
      if (t.state) expect(t.state.outbox).toContainEqual({ vendor: "caresmartz", to: newUser.businessEmail, kind: "registration" });
    });

    it("refuses a username that is taken, naming its holder", async () => {
      const t = target();
      const taken = { ...newUser, username: "sam.wu" };
      t.given(world, ({ caresmartz }) => {
        caresmartz.post("/v1/agency-users", { ...taken }).reply(409, errorBody("username_taken", { existingId: "au-2" }));
      });
      const error = await t.adapters.staffDirectory.create(taken).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ code: "username_taken", existingId: "au-2" });
    });

    it("refuses missing and invalid fields, naming each", async () => {
      const t = target();
      const bad = { ...newUser, firstName: "", businessEmail: "lee.park" };
      t.given(world, ({ caresmartz }) => {
        caresmartz
          .post("/v1/agency-users", { ...bad })
          .reply(422, errorBody("validation_failed", { fields: { firstName: "is required", businessEmail: "is not valid" } }));
      });
      const error = await t.adapters.staffDirectory.create(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fields).sort()).toEqual(["businessEmail", "firstName"]);
    });
  });
}
