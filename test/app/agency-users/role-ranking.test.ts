import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, emailOf, fieldsOf, form, type Harness, noEmail, startHarness } from "./harness";

/** Agency users give only roles at or below their own, so their own role must be placed in ROLE_RANKING. */
describe.each([
  {
    setting: "without ROLE_RANKING",
    ranking: "",
    refusal: /^Agency users can create agency users only once an admin sets ROLE_RANKING/,
  },
  {
    setting: "with a ROLE_RANKING that leaves out the creator's own role",
    ranking: "Administrator,Office Manager",
    refusal: /^Your Caresmartz360 role \(Scheduler\) is not in ROLE_RANKING.*ask an admin to add it/,
  },
])("$setting", ({ ranking, refusal }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { ROLE_RANKING: ranking } });
  });
  afterAll(async () => {
    await h.close();
  });

  it("an admin still gives any role", async () => {
    const prepared = await h.agencyUsers.prepareForm(ADMIN, noEmail);
    expect(prepared.ok && prepared.form.roles.map((r) => r.id)).toEqual([
      "ro-admin",
      "ro-om",
      "ro-sch",
      "ro-cc",
      "ro-hr",
    ]);
    const created = await h.agencyUsers.create(ADMIN, form({ roleId: "ro-admin", username: "a.admin" }), {
      formId: "VADMIN",
      selfEmail: noEmail,
    });
    expect(created).toMatchObject({ ok: true, created: { roleName: "Administrator" } });
  });

  it("an agency user with create-staff may give no role, not even Administrator by editing the payload", async () => {
    const actor = await h.grant("UTANYA", "agency-user", "of-sac", ["create-staff"]);
    const tanya = emailOf("tanya.ruiz@sunrisecare.example");
    const prepared = await h.agencyUsers.prepareForm(actor, tanya);
    expect(fieldsOf(prepared)).toEqual({ "(general)": expect.stringMatching(refusal) });
    const created = await h.agencyUsers.create(
      actor,
      form({ officeId: "of-sac", roleId: "ro-admin", username: "t.admin" }),
      { formId: "VTANYA", selfEmail: tanya },
    );
    expect(fieldsOf(created)).toEqual({ "(general)": expect.stringMatching(refusal) });
    expect([...h.sandbox.state.caresmartz.agencyUsers.values()].some((u) => u.username === "t.admin")).toBe(false);
  });
});
