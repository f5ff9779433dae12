import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, emailOf, type Harness, noEmail, startHarness, TEAM } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe("the create form", () => {
  it("offers an admin every office and role, with nothing preselected", async () => {
    const result = await h.agencyUsers.prepareForm(ADMIN, noEmail);
    expect(result).toMatchObject({ ok: true, form: { office: undefined, roleNote: undefined } });
    expect(result.ok && result.form.offices.map((o) => o.id)).toEqual(["of-sac", "of-fre", "of-stk"]);
    expect(result.ok && result.form.roles).toHaveLength(5);
  });

  it("offers an agency user only their own office, preselected, and roles up to their own", async () => {
    const actor = await h.grant("UTANYA", "agency-user", "Sacramento (Main Office)", ["create-staff"]);
    const result = await h.agencyUsers.prepareForm(actor, emailOf("tanya.ruiz@sunrisecare.example"));
    expect(result).toMatchObject({
      ok: true,
      form: {
        offices: [{ id: "of-sac" }],
        office: { id: "of-sac", name: "Sacramento (Main Office)" },
        roleNote: "You can give roles at or below your own (Scheduler).",
      },
    });
    expect(result.ok && result.form.roles.map((r) => r.name)).toEqual([
      "Scheduler",
      "Care Coordinator",
      "HR Specialist",
    ]);
  });

  it("does not count an inactive account as the creator's own", async () => {
    const actor = await h.grant("UGRACE", "agency-user", "of-sac", ["create-staff"]);
    const result = await h.agencyUsers.prepareForm(actor, emailOf("grace.omalley@sunrisecare.example"));
    expect(result).toEqual({
      ok: false,
      problems: [{ message: expect.stringMatching(/^carebridge could not find your active Caresmartz360 account/) }],
    });
  });

  it("refuses a viewer before anything is shown", async () => {
    const viewer = await h.grant("UVIEW", "viewer");
    const result = await h.agencyUsers.prepareForm(viewer, noEmail);
    expect(result).toEqual({
      ok: false,
      problems: [{ message: expect.stringMatching(/^Viewers can't create agency users\. Ask/) }],
    });
  });
});

describe("the username suggestion", () => {
  it("follows the agency's format in lowercase ASCII", async () => {
    expect(await h.agencyUsers.suggestUsername(ADMIN, { firstName: "José", lastName: "Núñez" })).toEqual({
      ok: true,
      username: "jose.nunez",
    });
  });

  it("numbers the username past every one Caresmartz360 has, regardless of case", async () => {
    h.sandbox.state.caresmartz.agencyUsers.set("cs-x", {
      ...h.sandbox.state.caresmartz.agencyUsers.get("cs-u-06")!,
      id: "cs-x",
      username: "Maria.Gonzalez2",
    });
    expect(await h.agencyUsers.suggestUsername(ADMIN, { firstName: "María", lastName: "González" })).toEqual({
      ok: true,
      username: "maria.gonzalez3",
    });
  });

  it("waits for a usable name, and is refused to those who may not create", async () => {
    expect(await h.agencyUsers.suggestUsername(ADMIN, { firstName: "José", lastName: "" })).toEqual({
      ok: true,
      username: undefined,
    });
    const stranger = { workspaceId: TEAM, userId: "USTRANGER" };
    expect((await h.agencyUsers.suggestUsername(stranger, { firstName: "A", lastName: "B" })).ok).toBe(false);
  });
});

describe("a different username format", () => {
  it("uses USERNAME_FORMAT", async () => {
    const other = await startHarness({ env: { USERNAME_FORMAT: "{f}{last}" } });
    try {
      expect(await other.agencyUsers.suggestUsername(ADMIN, { firstName: "Zoë", lastName: "O'Brien" })).toEqual({
        ok: true,
        username: "zobrien",
      });
    } finally {
      await other.close();
    }
  });
});
