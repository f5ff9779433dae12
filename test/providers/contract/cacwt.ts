import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "../../../src/providers/http/errors";
import type { ImportStatus, LearnerLms, NewCacwtLearner } from "../../../src/providers/roles";
import { cacwtLearner } from "./fixtures";
import { collect, errorBody, pageOf, useTarget, type TargetFactory } from "./target";

const HEADER =
  "UserID,LastName,FirstName,Email,Password,Status,Affiliation,OrganizationName,EmployeeType,RTADepartment,RTAJobTitle,RTAJobCode,AreaOfAssignment,DateHire,DateTransfer,UserLevel,AssocLMSID";

/** Polls an import until CACWT says it is done, as a job would. */
async function importResult(lms: LearnerLms, importId: string): Promise<ImportStatus> {
  for (let i = 0; i < 50; i += 1) {
    const status = await lms.getImport(importId);
    if (status.status === "done") return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the import did not finish");
}

/** CACWT as the LearnerLms (providers.md § CACWT). */
export function cacwtContract(makeTarget: TargetFactory): void {
  describe("CACWT → LearnerLms", () => {
    const target = useTarget(makeTarget);
    const kim = cacwtLearner();
    const lou = cacwtLearner({
      userId: "lou.ng@partner.example.org",
      firstName: "Lou",
      lastName: "Ng",
      email: "lou.ng@partner.example.org",
    });
    const ray = cacwtLearner({
      userId: "ray.fox@other.example.org",
      firstName: "Ray",
      lastName: "Fox",
      email: "ray.fox@other.example.org",
    });
    const old = cacwtLearner({
      userId: "old.hand@partner.example.org",
      firstName: "Old",
      lastName: "Hand",
      email: "old.hand@partner.example.org",
      status: "Archived",
    });
    const staffer = cacwtLearner({
      userId: "RV-1",
      firstName: "Jan",
      lastName: "Mo",
      email: "jan.mo@partner.example.org",
      affiliation: "County Child Welfare",
      employeeType: "Social Worker",
    });
    const newcomer: NewCacwtLearner = {
      userId: "ada.cole@partner.example.org",
      firstName: "Ada",
      lastName: "Cole",
      email: "ada.cole@partner.example.org",
      status: "Active",
      affiliation: "California Community Partners",
      organizationName: null,
      employeeType: "Fresno County Community Partner",
      dateHire: "2026-11-23",
      trainingManager: true,
      supervisor: false,
      temporaryPassword: "Changeme1!",
    };
    const { temporaryPassword: _password, ...newcomerRecord } = newcomer;

    it("finds a learner by email or by user id, or nobody", async () => {
      const t = target();
      t.given({ cacwtLearners: [kim, lou] }, ({ cacwt }) => {
        cacwt
          .get("/v1/learners")
          .query({ email: "lou.ng@partner.example.org" })
          .reply(200, pageOf([lou]));
        cacwt
          .get("/v1/learners")
          .query({ userId: "kim.ray@partner.example.org" })
          .reply(200, pageOf([kim]));
        cacwt.get("/v1/learners").query({ email: "nobody@partner.example.org" }).reply(200, pageOf([]));
      });
      expect(await t.adapters.cacwt.findByEmail("lou.ng@partner.example.org")).toEqual(lou);
      expect(await t.adapters.cacwt.findByUserId("kim.ray@partner.example.org")).toEqual(kim);
      expect(await t.adapters.cacwt.findByEmail("nobody@partner.example.org")).toBeNull();
    });

    it("lists learners matching affiliation, status and email domain, across pages", async () => {
      const t = target();
      const query = {
        affiliation: "California Community Partners",
        status: "Active",
        emailDomain: "partner.example.org",
        limit: "2",
      };
      t.given(
        {
          cacwtLearners: [
            kim,
            ray,
            old,
            lou,
            staffer,
            cacwtLearner({ userId: "x@partner.example.org", email: "x@partner.example.org" }),
          ],
        },
        ({ cacwt }) => {
          cacwt
            .get("/v1/learners")
            .query(query)
            .reply(200, pageOf([kim, lou], "p2"));
          cacwt
            .get("/v1/learners")
            .query({ ...query, cursor: "p2" })
            .reply(200, pageOf([cacwtLearner({ userId: "x@partner.example.org", email: "x@partner.example.org" })]));
        },
      );
      const found = await collect(
        t.adapters.cacwt.list({
          affiliation: "California Community Partners",
          status: "Active",
          emailDomain: "partner.example.org",
        }),
      );
      expect(found.map((l) => l.userId)).toEqual([kim.userId, lou.userId, "x@partner.example.org"]);
    });

    it("creates a learner; CACWT emails the temporary password", async () => {
      const t = target();
      t.given({}, ({ cacwt }) => {
        cacwt.post("/v1/learners", { ...newcomer }).reply(201, newcomerRecord);
      });
      expect(await t.adapters.cacwt.create(newcomer)).toEqual(newcomerRecord);
      if (t.state) {
        expect(t.state.cacwt.passwords.get(newcomer.email)).toBe("Changeme1!");
        expect(t.state.outbox).toContainEqual({ vendor: "cacwt", to: newcomer.email, kind: "temporary_password" });
      }
    });

    it("refuses an email another learner has, naming that learner", async () => {
      const t = target();
      const { userId: _userId, ...withoutUserId } = newcomer;
      const clash = { ...withoutUserId, email: "kim.ray@partner.example.org" };
      t.given({ cacwtLearners: [kim] }, ({ cacwt }) => {
        cacwt.post("/v1/learners", { ...clash }).reply(409, errorBody("email_taken", { existingId: kim.userId }));
      });
      const error = await t.adapters.cacwt.create(clash).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ code: "email_taken", existingId: kim.userId });
    });

    it("refuses a learner without a last name, naming the field", async () => {
      const t = target();
      const bad = { ...newcomer, lastName: "" };
      t.given({}, ({ cacwt }) => {
        cacwt
          .post("/v1/learners", { ...bad })
          .reply(422, errorBody("validation_failed", { fields: { lastName: "is required" } }));
      });
      const error = await t.adapters.cacwt.create(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fields)).toEqual(["lastName"]);
    });

    it("archives a learner and makes them active again", async () => {
      const t = target();
      t.given({ cacwtLearners: [kim] }, ({ cacwt }) => {
        cacwt
          .patch(`/v1/learners/${encodeURIComponent(kim.userId)}`, { status: "Archived" })
          .reply(200, { ...kim, status: "Archived" });
        cacwt
          .patch(`/v1/learners/${encodeURIComponent(kim.userId)}`, { status: "Active" })
          .reply(200, { ...kim, status: "Active" });
      });
      expect(await t.adapters.cacwt.update(kim.userId, { status: "Archived" })).toEqual({ ...kim, status: "Archived" });
      if (t.state) expect(t.state.cacwt.learners.get(kim.userId)?.status).toBe("Archived");
      expect(await t.adapters.cacwt.update(kim.userId, { status: "Active" })).toEqual(kim);
    });

    it("refuses an invalid email on update, naming the field", async () => {
      const t = target();
      t.given({ cacwtLearners: [kim] }, ({ cacwt }) => {
        cacwt
          .patch(`/v1/learners/${encodeURIComponent(kim.userId)}`, { email: "kim.ray" })
          .reply(422, errorBody("validation_failed", { fields: { email: "is not a valid email address" } }));
      });
      const error = await t.adapters.cacwt.update(kim.userId, { email: "kim.ray" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fields)).toEqual(["email"]);
      if (t.state) expect(t.state.cacwt.learners.get(kim.userId)?.email).toBe(kim.email);
    });

    it("cannot update a learner that does not exist", async () => {
      const t = target();
      t.given({}, ({ cacwt }) => {
        cacwt.patch("/v1/learners/nobody", { status: "Archived" }).reply(404, errorBody("not_found"));
      });
      await expect(t.adapters.cacwt.update("nobody", { status: "Archived" })).rejects.toBeInstanceOf(NotFoundError);
    });

    it("imports a template CSV: creates, updates, and reports the failed line", async () => {
      const t = target();
      const csv = [
        HEADER,
        "ada.cole@partner.example.org,Cole,Ada,ada.cole@partner.example.org,Changeme1!,Active,California Community Partners,,Fresno County Community Partner,,,,,2026-11-23,,,",
        "kim.ray@partner.example.org,Ray,Kim,kim.ray@partner.example.org,,Archived,California Community Partners,,Riverside County Community Partner,,,,,2026-03-01,,,",
        "not-an-email,Moore,Max,not-an-email,Changeme1!,Active,California Community Partners,,Fresno County Community Partner,,,,,2026-11-23,,,",
        "",
      ].join("\n");
      t.given({ cacwtLearners: [kim] }, ({ cacwt }) => {
        cacwt
          .post("/v1/learner-imports", csv)
          .matchHeader("content-type", "text/csv")
          .reply(202, { importId: "imp-1" });
        cacwt.get("/v1/learner-imports/imp-1").reply(200, { status: "pending", created: 0, updated: 0, failed: [] });
        cacwt
          .get("/v1/learner-imports/imp-1")
          .reply(200, {
            status: "done",
            created: 1,
            updated: 1,
            failed: [{ line: 4, message: "Email is not a valid email address." }],
          });
      });
      const importId = await t.adapters.cacwt.startImport(csv);
      const result = await importResult(t.adapters.cacwt, importId);
      expect(result).toMatchObject({
        status: "done",
        created: 1,
        updated: 1,
        failed: [{ line: 4, message: expect.any(String) }],
      });
      if (t.state) {
        expect(t.state.cacwt.learners.get(kim.userId)?.status).toBe("Archived");
        expect(t.state.cacwt.learners.get("ada.cole@partner.example.org")).toMatchObject({
          firstName: "Ada",
          status: "Active",
        });
      }
      expect(t.adapters.cacwt.capabilities.csvImport).toBe(true);
    });

    it("says when an import does not exist", async () => {
      const t = target();
      t.given({}, ({ cacwt }) => {
        cacwt.get("/v1/learner-imports/imp-404").reply(404, errorBody("not_found"));
      });
      await expect(t.adapters.cacwt.getImport("imp-404")).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
