import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIST_PAGE_SIZE } from "../../../src/app/agency-users";
import { ADMIN, fieldsOf, type Harness, startHarness, TEAM } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const template = h.sandbox.state.caresmartz.agencyUsers.get("cs-u-03")!;
  for (let i = 1; i <= 45; i += 1) {
    const n = String(i).padStart(2, "0");
    h.sandbox.state.caresmartz.agencyUsers.set(`cs-stk-${n}`, {
      ...template,
      id: `cs-stk-${n}`,
      username: `staff.${n}`,
      firstName: "Staff",
      lastName: `Member ${n}`,
      officeId: "of-stk",
    });
  }
});
afterAll(async () => {
  await h.close();
});

describe("listing an office's agency users", () => {
  it("shows name, username, role name and status, sorted by last name", async () => {
    const result = await h.agencyUsers.list(ADMIN, { office: "of-sac" });
    expect(result.ok && result.page).toEqual({
      office: { id: "of-sac", name: "Sacramento (Main Office)" },
      rows: [
        { name: "Grace O'Malley", username: "grace.omalley", roleName: "HR Specialist", status: "inactive" },
        { name: "Linda Park", username: "linda.park", roleName: "Administrator", status: "active" },
        { name: "Tanya Ruiz", username: "tanya.ruiz", roleName: "Scheduler", status: "active" },
      ],
      page: 1,
      pageCount: 1,
      total: 3,
    });
  });

  it("pages through a large office and clamps pages out of range", async () => {
    const pages = await Promise.all(
      [1, 2, 3, 9].map((page) => h.agencyUsers.list(ADMIN, { office: "stockton", page })),
    );
    const [first, second, third, beyond] = pages.map((p) => (p.ok ? p.page : undefined));
    expect(first?.total).toBe(46);
    expect(first?.pageCount).toBe(3);
    expect(first?.rows).toHaveLength(LIST_PAGE_SIZE);
    expect(second?.rows[0]?.username).toBe("staff.21");
    expect(third?.rows.map((r) => r.username)).toEqual([
      "staff.41",
      "staff.42",
      "staff.43",
      "staff.44",
      "staff.45",
      "devon.price",
    ]);
    expect(beyond?.page).toBe(3);
    const all = [first, second, third].flatMap((p) => p?.rows.map((r) => r.username) ?? []);
    expect(new Set(all).size).toBe(46);
  });

  it("finds an office by a part of its name, and says which offices exist otherwise", async () => {
    expect(fieldsOf(await h.agencyUsers.list(ADMIN, { office: "Atlantis" }))).toEqual({
      office:
        'There is no office "Atlantis" in Caresmartz360. Offices: Sacramento (Main Office), Fresno Branch, Stockton Branch.',
    });
    expect(fieldsOf(await h.agencyUsers.list(ADMIN, { office: "branch" })).office).toContain("matches several offices");
    expect(fieldsOf(await h.agencyUsers.list(ADMIN, {})).office).toMatch(/^Say which office/);
  });

  it("shows an agency user their own office by default and refuses another", async () => {
    const actor = await h.grant("UFRESNO", "agency-user", "of-fre");
    const own = await h.agencyUsers.list(actor, {});
    expect(own.ok && own.page.rows.map((r) => r.username)).toEqual(["marcus.bell", "maria.gonzalez"]);
    const other = await h.agencyUsers.list(actor, { office: "Sacramento" });
    expect(fieldsOf(other).office).toContain("only list agency users in your own office");
  });

  it("lets a viewer look, and refuses someone without access", async () => {
    const viewer = await h.grant("UVIEWER", "viewer");
    expect((await h.agencyUsers.list(viewer, { office: "Fresno" })).ok).toBe(true);
    const stranger = await h.agencyUsers.list({ workspaceId: TEAM, userId: "USTRANGER" }, { office: "Fresno" });
    expect(fieldsOf(stranger)["(general)"]).toContain("You don't have access to carebridge yet");
  });
});
