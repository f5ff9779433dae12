import { describe, expect, it } from "vitest";
import { allowedRoles } from "../../../src/domain/agency-users/role-ranking";

const ROLES = [
  { id: "ro-admin", name: "Administrator" },
  { id: "ro-om", name: "Office Manager" },
  { id: "ro-sch", name: "Scheduler" },
  { id: "ro-cc", name: "Care Coordinator" },
  { id: "ro-new", name: "Intern" },
];
const RANKING = ["Administrator", "office manager", "Scheduler", "Care Coordinator"];
const ids = (result: ReturnType<typeof allowedRoles>) => (result.ok ? result.roles.map((r) => r.id) : result);
const role = (id: string) => ROLES.find((r) => r.id === id)!;

describe("allowedRoles, for an agency user", () => {
  it("gives their own role and those ranked below it, never unranked ones", () => {
    const result = allowedRoles(ROLES, RANKING, role("ro-om"));
    expect(ids(result)).toEqual(["ro-om", "ro-sch", "ro-cc"]);
    expect(result).toMatchObject({ limit: { kind: "at-or-below", own: role("ro-om") } });
    expect(ids(allowedRoles(ROLES, RANKING, role("ro-cc")))).toEqual(["ro-cc"]);
  });

  it("matches the ranking by role id too", () => {
    expect(ids(allowedRoles(ROLES, ["ro-admin", "ro-sch", "ro-cc"], role("ro-sch")))).toEqual(["ro-sch", "ro-cc"]);
  });

  it("gives no role, not even the lowest, when their own role is unknown or unranked: its privilege is unknown", () => {
    expect(allowedRoles(ROLES, RANKING, undefined)).toEqual({ ok: false, refusal: "own-role-unknown" });
    expect(allowedRoles(ROLES, RANKING, role("ro-new"))).toEqual({ ok: false, refusal: "own-role-unranked" });
  });

  it("gives no role without a ranking, whatever their own role", () => {
    expect(allowedRoles(ROLES, [], role("ro-admin"))).toEqual({ ok: false, refusal: "no-ranking" });
    expect(allowedRoles(ROLES, [], role("ro-cc"))).toEqual({ ok: false, refusal: "no-ranking" });
  });
});
