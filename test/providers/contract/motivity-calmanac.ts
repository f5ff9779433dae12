import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "../../../src/providers/http/errors";
import { client, learner, member, staff } from "./fixtures";
import { collect, errorBody, pageOf, useTarget, type TargetFactory } from "./target";

/** Motivity ↔ Calmanac as the LinkingPair (providers.md § Motivity, § Calmanac). */
export function linkingPairContract(makeTarget: TargetFactory): void {
  describe("Motivity ↔ Calmanac → LinkingPair", () => {
    const target = useTarget(makeTarget);
    const roles = [
      { id: "r-1", name: "BCBA" },
      { id: "r-2", name: "RBT" },
    ];
    const support = member({
      id: "m-0",
      firstName: "Motivity",
      lastName: "Support",
      email: "support@motivity.example",
      serviceAccount: true,
      roleId: null,
    });
    const dana = member({ id: "m-1", calmanacId: "s-1" });
    const omar = member({ id: "m-2", firstName: "Omar", lastName: "Haddad", email: "omar@practice.example" });
    const danaStaff = staff({ id: "s-1" });
    const jose = staff({
      id: "s-2",
      firstName: "José",
      lastName: "Álvarez-Ruiz",
      email: null,
      phone: "+1 916 555 0102",
    });
    const rosa = staff({ id: "s-3", firstName: "Rosa", lastName: "Delgado", email: "rosa@practice.example" });
    const eli = learner({ id: "l-1" });
    const mia = learner({ id: "l-2", firstName: "Mia", lastName: "Robinson", birthDate: null, alias: "MR-002" });
    const eliClient = client({ id: "c-1" });
    const olivia = client({ id: "c-2", firstName: "Olivia", lastName: "Brown", birthDate: null });
    const noah = client({ id: "c-3", firstName: "Noah", lastName: "Kim", birthDate: "2016-07-08" });
    const noahLearner = learner({
      id: "l-3",
      firstName: "Noah",
      lastName: "Kim",
      birthDate: "2016-07-08",
      alias: "NK-003",
      calmanacId: "c-3",
    });

    it("lists members across pages, service accounts marked", async () => {
      const t = target();
      t.given({ members: [support, dana, omar] }, ({ motivity }) => {
        motivity
          .get("/v1/members")
          .query({ limit: "2" })
          .reply(200, pageOf([support, dana], "p2"));
        motivity
          .get("/v1/members")
          .query({ limit: "2", cursor: "p2" })
          .reply(200, pageOf([omar]));
      });
      const members = await collect(t.adapters.linkingPair.listMembers());
      expect(members).toEqual([support, dana, omar]);
      expect(members.filter((m) => m.serviceAccount).map((m) => m.id)).toEqual(["m-0"]);
    });

    it("lists learners across pages, and roles", async () => {
      const t = target();
      t.given({ learners: [eli, mia, noahLearner], motivityRoles: roles }, ({ motivity }) => {
        motivity
          .get("/v1/learners")
          .query({ limit: "2" })
          .reply(200, pageOf([eli, mia], "p2"));
        motivity
          .get("/v1/learners")
          .query({ limit: "2", cursor: "p2" })
          .reply(200, pageOf([noahLearner]));
        motivity.get("/v1/roles").reply(200, { data: roles });
      });
      expect(await collect(t.adapters.linkingPair.listLearners())).toEqual([eli, mia, noahLearner]);
      expect(await t.adapters.linkingPair.listRoles()).toEqual(roles);
    });

    it("lists Calmanac staff and clients across pages", async () => {
      const t = target();
      t.given({ staff: [danaStaff, jose, rosa], clients: [eliClient, olivia, noah] }, ({ calmanac }) => {
        calmanac
          .get("/v1/staff")
          .query({ limit: "2" })
          .reply(200, pageOf([danaStaff, jose], "p2"));
        calmanac
          .get("/v1/staff")
          .query({ limit: "2", cursor: "p2" })
          .reply(200, pageOf([rosa]));
        calmanac
          .get("/v1/clients")
          .query({ limit: "2" })
          .reply(200, pageOf([eliClient, olivia], "p2"));
        calmanac
          .get("/v1/clients")
          .query({ limit: "2", cursor: "p2" })
          .reply(200, pageOf([noah]));
      });
      expect(await collect(t.adapters.linkingPair.listStaff())).toEqual([danaStaff, jose, rosa]);
      expect(await collect(t.adapters.linkingPair.listClients())).toEqual([eliClient, olivia, noah]);
    });

    it("links and unlinks a member", async () => {
      const t = target();
      t.given({ members: [omar], staff: [rosa] }, ({ motivity }) => {
        motivity.put("/v1/members/m-2/calmanac-link", { calmanacId: "s-3" }).reply(204);
        motivity.delete("/v1/members/m-2/calmanac-link").reply(204);
      });
      await t.adapters.linkingPair.linkMember("m-2", "s-3");
      if (t.state) expect(t.state.motivity.members.get("m-2")?.calmanacId).toBe("s-3");
      await t.adapters.linkingPair.unlinkMember("m-2");
      if (t.state) expect(t.state.motivity.members.get("m-2")?.calmanacId).toBeNull();
    });

    it("refuses to link a Calmanac record someone else is linked to, naming them", async () => {
      const t = target();
      t.given({ members: [dana, omar], staff: [danaStaff] }, ({ motivity }) => {
        motivity
          .put("/v1/members/m-2/calmanac-link", { calmanacId: "s-1" })
          .reply(409, errorBody("calmanac_id_linked", { existingId: "m-1" }));
      });
      const error = await t.adapters.linkingPair.linkMember("m-2", "s-1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ existingId: "m-1" });
    });

    it("cannot link a member that does not exist", async () => {
      const t = target();
      t.given({ staff: [rosa] }, ({ motivity }) => {
        motivity.put("/v1/members/m-404/calmanac-link", { calmanacId: "s-3" }).reply(404, errorBody("not_found"));
      });
      await expect(t.adapters.linkingPair.linkMember("m-404", "s-3")).rejects.toBeInstanceOf(NotFoundError);
    });

    it("links and unlinks a learner", async () => {
      const t = target();
      t.given({ learners: [eli], clients: [eliClient] }, ({ motivity }) => {
        motivity.put("/v1/learners/l-1/calmanac-link", { calmanacId: "c-1" }).reply(204);
        motivity.delete("/v1/learners/l-1/calmanac-link").reply(204);
      });
      await t.adapters.linkingPair.linkLearner("l-1", "c-1");
      if (t.state) expect(t.state.motivity.learners.get("l-1")?.calmanacId).toBe("c-1");
      await t.adapters.linkingPair.unlinkLearner("l-1");
      if (t.state) expect(t.state.motivity.learners.get("l-1")?.calmanacId).toBeNull();
    });

    it("creates a member linked to Calmanac; Motivity emails the invitation", async () => {
      const t = target();
      const input = {
        firstName: "Rosa",
        lastName: "Delgado",
        email: "rosa@practice.example",
        roleId: "r-2",
        calmanacId: "s-3",
      };
      t.given({ staff: [rosa], motivityRoles: roles }, ({ motivity }) => {
        motivity.post("/v1/members", input).reply(201, { id: "m-9", ...input, serviceAccount: false });
      });
      const created = await t.adapters.linkingPair.createMember(input);
      expect(created).toMatchObject({ ...input, serviceAccount: false });
      if (t.state) expect(t.state.outbox).toContainEqual({ vendor: "motivity", to: input.email, kind: "invitation" });
    });

    it("refuses a member whose email is taken, naming the holder", async () => {
      const t = target();
      const input = {
        firstName: "Omar",
        lastName: "H",
        email: "omar@practice.example",
        roleId: "r-2",
        calmanacId: "s-3",
      };
      t.given({ members: [omar], staff: [rosa], motivityRoles: roles }, ({ motivity }) => {
        motivity.post("/v1/members", input).reply(409, errorBody("email_taken", { existingId: "m-2" }));
      });
      await expect(t.adapters.linkingPair.createMember(input)).rejects.toMatchObject({
        name: "ConflictError",
        code: "email_taken",
        existingId: "m-2",
      });
    });

    it("refuses a member without a known role", async () => {
      const t = target();
      const input = {
        firstName: "Rosa",
        lastName: "Delgado",
        email: "rosa@practice.example",
        roleId: "r-unknown",
        calmanacId: "s-3",
      };
      t.given({ staff: [rosa], motivityRoles: roles }, ({ motivity }) => {
        motivity
          .post("/v1/members", input)
          .reply(422, errorBody("validation_failed", { fields: { roleId: "is not a Motivity role" } }));
      });
      const error = await t.adapters.linkingPair.createMember(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fields)).toEqual(["roleId"]);
    });

    it("creates a learner with an alias Motivity makes, or the one given", async () => {
      const t = target();
      const made = { firstName: "Olivia", lastName: "Brown", calmanacId: "c-2" };
      const named = {
        firstName: "Eli",
        lastName: "Stone",
        birthDate: "2015-05-06",
        calmanacId: "c-1",
        alias: "Eli S.",
      };
      t.given({ clients: [eliClient, olivia] }, ({ motivity }) => {
        motivity.post("/v1/learners", made).reply(201, { id: "l-8", ...made, birthDate: null, alias: "OB-001" });
        motivity.post("/v1/learners", named).reply(201, { id: "l-9", ...named });
      });
      const first = await t.adapters.linkingPair.createLearner(made);
      expect(first).toMatchObject({ ...made, birthDate: null });
      expect(first.alias).not.toBe("");
      expect(await t.adapters.linkingPair.createLearner(named)).toMatchObject(named);
    });

    it("changes a learner's alias; one another learner has is refused naming that learner", async () => {
      const t = target();
      t.given({ learners: [eli, mia] }, ({ motivity }) => {
        motivity.patch("/v1/learners/l-1", { alias: "Eli S." }).reply(200, { ...eli, alias: "Eli S." });
        motivity
          .patch("/v1/learners/l-1", { alias: "MR-002" })
          .reply(409, errorBody("alias_taken", { existingId: "l-2" }));
        motivity
          .patch("/v1/learners/l-1", { alias: "" })
          .reply(422, errorBody("validation_failed", { fields: { alias: "is required" } }));
      });
      expect(await t.adapters.linkingPair.setLearnerAlias("l-1", "Eli S.")).toEqual({ ...eli, alias: "Eli S." });
      if (t.state) expect(t.state.motivity.learners.get("l-1")?.alias).toBe("Eli S.");
      const taken = await t.adapters.linkingPair.setLearnerAlias("l-1", "MR-002").catch((e: unknown) => e);
      expect(taken).toBeInstanceOf(ConflictError);
      expect(taken).toMatchObject({ code: "alias_taken", existingId: "l-2" });
      const blank = await t.adapters.linkingPair.setLearnerAlias("l-1", "").catch((e: unknown) => e);
      expect(blank).toBeInstanceOf(ValidationError);
      expect(Object.keys((blank as ValidationError).fields)).toEqual(["alias"]);
    });
  });
}
