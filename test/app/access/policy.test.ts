import { describe, expect, it } from "vitest";
import { type Action, decide, type Principal } from "../../../src/app/access/policy";

const admin: Principal = { role: "admin", source: "config" };
const viewer: Principal = { role: "viewer" };
const unknown: Principal = { role: "unknown" };
const agent = (grants: string[] = [], office: string | null = "north"): Principal => ({
  role: "agency_user",
  office,
  grants,
});
const allowed = (p: Principal, a: Action, office?: string) => decide(p, a, office, "<@UADMIN>").allowed;

describe("access policy", () => {
  it("lets admins do everything, in any office", () => {
    for (const action of [
      "access.manage",
      "caregiver.sync-all",
      "learner.archive-bulk",
      "staff.create",
      "lms.sso",
    ] as Action[]) {
      expect(allowed(admin, action, "south")).toBe(true);
    }
  });

  it("lets viewers look and nothing else", () => {
    expect(allowed(viewer, "caregiver.view")).toBe(true);
    expect(allowed(viewer, "learner.view")).toBe(true);
    expect(allowed(viewer, "caregiver.activation")).toBe(false);
    expect(allowed(viewer, "learner.import")).toBe(false);
    const refusal = decide(viewer, "caregiver.activation", undefined, "<@UADMIN>");
    expect(refusal).toEqual({
      allowed: false,
      reason: "Viewers can't activate or deactivate caregivers in the LMS. Ask <@UADMIN>.",
    });
  });

  it("keeps agency users to their own office and their grants", () => {
    expect(allowed(agent(), "caregiver.sync")).toBe(true);
    expect(allowed(agent(), "caregiver.sync-all")).toBe(false);
    expect(allowed(agent(), "access.manage")).toBe(false);
    expect(allowed(agent(), "link.manage")).toBe(false);
    expect(allowed(agent(), "staff.create", "north")).toBe(false);
    expect(allowed(agent(["create-staff"]), "staff.create", "north")).toBe(true);
    expect(allowed(agent(["create-staff"]), "staff.create", "south")).toBe(false);
    expect(allowed(agent(["create-staff"], null), "staff.create")).toBe(false);
    expect(allowed(agent(), "staff.list", "south")).toBe(false);
    expect(decide(agent(["create-staff"]), "staff.create", "south", "<@UADMIN>")).toMatchObject({
      reason: "You can only create agency users in your own office. Ask <@UADMIN>.",
    });
  });

  it("tells unknown users who to ask", () => {
    expect(decide(unknown, "caregiver.view", undefined, "an admin (<@U1> or <@U2>)")).toEqual({
      allowed: false,
      reason: "You don't have access to carebridge yet. Ask an admin (<@U1> or <@U2>).",
    });
  });
});
