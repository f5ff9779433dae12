import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../../../src/providers/http/errors";
import { caregiver } from "./fixtures";
import { collect, errorBody, pageOf, useTarget, type TargetFactory } from "./target";

/** Spectrum TeleTrack as the CaregiverSource (providers.md § Spectrum TeleTrack). */
export function teletrackContract(makeTarget: TargetFactory): void {
  describe("Spectrum TeleTrack → CaregiverSource", () => {
    const target = useTarget(makeTarget);
    const ana = caregiver({ id: "cg-1", firstName: "Ana", lastName: "Lopez", updatedAt: "2026-10-01T10:00:00.000Z" });
    const ben = caregiver({
      id: "cg-2",
      firstName: "Ben",
      lastName: "Ortiz",
      email: null,
      updatedAt: "2026-11-20T10:00:00.000Z",
    });
    const cho = caregiver({
      id: "cg-3",
      firstName: "Cho",
      lastName: "Park",
      email: "cho.park@example.com",
      mobilePhone: null,
      birthDate: null,
      state: "OR",
    });
    const lia = caregiver({
      id: "cg-4",
      firstName: "Lia",
      lastName: "Lopez",
      email: "lia.l@example.com",
      updatedAt: "2026-11-21T10:00:00.000Z",
    });
    const max = caregiver({
      id: "cg-5",
      firstName: "Max",
      lastName: "Lopez-Reyes",
      email: null,
      updatedAt: "2026-11-22T10:00:00.000Z",
    });

    it("lists every caregiver across pages", async () => {
      const t = target();
      t.given({ caregivers: [ana, ben, cho] }, ({ teletrack }) => {
        teletrack
          .get("/v1/caregivers")
          .query({ limit: "2" })
          .reply(200, pageOf([ana, ben], "next-1"));
        teletrack
          .get("/v1/caregivers")
          .query({ limit: "2", cursor: "next-1" })
          .reply(200, pageOf([cho]));
      });
      expect(await collect(t.adapters.caregiverSource.listCaregivers())).toEqual([ana, ben, cho]);
    });

    it("lists only caregivers updated since a time, across pages", async () => {
      const t = target();
      const since = "2026-11-01T00:00:00.000Z";
      t.given({ caregivers: [ana, ben, cho, lia, max] }, ({ teletrack }) => {
        teletrack
          .get("/v1/caregivers")
          .query({ limit: "2", updatedSince: since })
          .reply(200, pageOf([ben, lia], "p2"));
        teletrack
          .get("/v1/caregivers")
          .query({ limit: "2", updatedSince: since, cursor: "p2" })
          .reply(200, pageOf([max]));
      });
      expect(await collect(t.adapters.caregiverSource.listCaregivers({ updatedSince: since }))).toEqual([
        ben,
        lia,
        max,
      ]);
    });

    it("searches by name, across pages", async () => {
      const t = target();
      t.given({ caregivers: [ana, ben, cho, lia, max] }, ({ teletrack }) => {
        teletrack
          .get("/v1/caregivers")
          .query({ limit: "2", search: "lopez" })
          .reply(200, pageOf([ana, lia], "p2"));
        teletrack
          .get("/v1/caregivers")
          .query({ limit: "2", search: "lopez", cursor: "p2" })
          .reply(200, pageOf([max]));
      });
      expect(await collect(t.adapters.caregiverSource.search("lopez"))).toEqual([ana, lia, max]);
    });

    it("gets one caregiver", async () => {
      const t = target();
      t.given({ caregivers: [ben] }, ({ teletrack }) => {
        teletrack.get("/v1/caregivers/cg-2").reply(200, ben);
      });
      expect(await t.adapters.caregiverSource.get("cg-2")).toEqual(ben);
    });

    it("says when a caregiver does not exist", async () => {
      const t = target();
      t.given({}, ({ teletrack }) => {
        teletrack.get("/v1/caregivers/cg-404").reply(404, errorBody("not_found"));
      });
      await expect(t.adapters.caregiverSource.get("cg-404")).rejects.toBeInstanceOf(NotFoundError);
    });

    it("updates email, mobile phone and birth date", async () => {
      const t = target();
      const patch = { email: "ben.ortiz@example.com", mobilePhone: "+1 916 555 0111", birthDate: "1988-08-08" };
      t.given({ caregivers: [ben] }, ({ teletrack }) => {
        teletrack
          .patch("/v1/caregivers/cg-2", patch)
          .reply(200, { ...ben, ...patch, updatedAt: "2026-11-23T10:00:00.000Z" });
      });
      const updated = await t.adapters.caregiverSource.update("cg-2", patch);
      expect(updated).toMatchObject({ id: "cg-2", ...patch });
      if (t.state) expect(t.state.teletrack.caregivers.get("cg-2")).toMatchObject(patch);
    });

    it("refuses an invalid email with the field named", async () => {
      const t = target();
      t.given({ caregivers: [ben] }, ({ teletrack }) => {
        teletrack
          .patch("/v1/caregivers/cg-2", { email: "not-an-email" })
          .reply(422, errorBody("validation_failed", { fields: { email: "is not a valid email address" } }));
      });
      const error = await t.adapters.caregiverSource.update("cg-2", { email: "not-an-email" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fields)).toEqual(["email"]);
    });

    it("records the LMS user on the caregiver", async () => {
      const t = target();
      t.given({ caregivers: [ana] }, ({ teletrack }) => {
        teletrack.put("/v1/caregivers/cg-1/careacademy-link", { userId: "u-9" }).reply(204);
      });
      await expect(t.adapters.caregiverSource.linkLmsUser("cg-1", "u-9")).resolves.toBeUndefined();
      if (t.state) expect(t.state.teletrack.lmsLinks.get("cg-1")).toBe("u-9");
    });

    it("cannot link a caregiver that does not exist", async () => {
      const t = target();
      t.given({}, ({ teletrack }) => {
        teletrack.put("/v1/caregivers/cg-404/careacademy-link", { userId: "u-9" }).reply(404, errorBody("not_found"));
      });
      await expect(t.adapters.caregiverSource.linkLmsUser("cg-404", "u-9")).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
