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
const ids = (result: { roles: Array<{ id: string }> }) => result.roles.map((r) => r.id);
const role = (id: string) => ROLES.find((r) => r.id === id)!;

describe("allowedRoles", () => {
  it("gives admins every role", () => {
    const result = allowedRoles(ROLES, RANKING, { kind: "admin" });
    expect(ids(result)).toEqual(ROLES.map((r) => r.id));
    expect(result.limit).toEqual({ kind: "any" });
  });

  it("gives an agency user their own role and those ranked below it, never unranked ones", () => {
    const result = allowedRoles(ROLES, RANKING, { kind: "agency-user", ownRole: role("ro-om") });
    expect(ids(result)).toEqual(["ro-om", "ro-sch", "ro-cc"]);
    expect(result.limit).toEqual({ kind: "at-or-below", own: role("ro-om") });
    expect(ids(allowedRoles(ROLES, RANKING, { kind: "agency-user", ownRole: role("ro-cc") }))).toEqual(["ro-cc"]);
  });

  it("matches the ranking by role id too", () => {
    const result = allowedRoles(ROLES, ["ro-admin", "ro-sch", "ro-cc"], {
      kind: "agency-user",
      ownRole: role("ro-sch"),
    });
    expect(ids(result)).toEqual(["ro-sch", "ro-cc"]);
  });

  it("falls back to the lowest-ranked role when their own role is unknown or unranked", () => {
    const unknown = allowedRoles(ROLES, RANKING, { kind: "agency-user", ownRole: undefined });
    expect(ids(unknown)).toEqual(["ro-cc"]);
    expect(unknown.limit).toEqual({ kind: "lowest-only", reason: "own-role-unknown" });
    const unranked = allowedRoles(ROLES, RANKING, { kind: "agency-user", ownRole: role("ro-new") });
    expect(ids(unranked)).toEqual(["ro-cc"]);
    expect(unranked.limit).toEqual({ kind: "lowest-only", reason: "own-role-unranked" });
  });

  it("the lowest-ranked role is the lowest that exists in the vendor", () => {
    const result = allowedRoles(ROLES, [...RANKING, "Volunteer"], { kind: "agency-user", ownRole: undefined });
    expect(ids(result)).toEqual(["ro-cc"]);
  });

  it("gives nothing when no vendor role is ranked", () => {
    expect(ids(allowedRoles(ROLES, ["Volunteer"], { kind: "agency-user", ownRole: undefined }))).toEqual([]);
  });

  it("without a ranking every role ranks the same, as ROLE_RANKING documents", () => {
    const result = allowedRoles(ROLES, [], { kind: "agency-user", ownRole: undefined });
    expect(ids(result)).toEqual(ROLES.map((r) => r.id));
    expect(result.limit).toEqual({ kind: "any" });
  });
});
