import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, emailOf, fieldsOf, form, type Harness, noEmail, startHarness, TEAM } from "./harness";
import { mention } from "../../../src/app/mention";

let h: Harness;
let formCount = 0;
const nextForm = () => `V${++formCount}`;
const usersNamed = (username: string) =>
  [...h.sandbox.state.caresmartz.agencyUsers.values()].filter((u) => u.username === username);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.db.prisma.auditEvent.deleteMany();
});

describe("creating an agency user", () => {
  it("an admin creates one in any office; the vendor emails the registration; the audit holds nothing personal", async () => {
    const result = await h.agencyUsers.create(ADMIN, form(), { formId: nextForm(), selfEmail: noEmail });
    expect(result).toEqual({
      ok: true,
      created: { id: expect.any(String), username: "jose.nunez", officeName: "Fresno Branch", roleName: "Scheduler" },
    });
    const [user] = usersNamed("jose.nunez");
    expect(user).toMatchObject({
      officeId: "of-fre",
      roleId: "ro-sch",
      firstName: "José",
      lastName: "Núñez",
      businessEmail: "jose.nunez@sunrisecare.example",
      mobilePhone: "+15595550101",
      showOnCareCoordinatorList: true,
      showOnSupervisorList: false,
      lmsManager: true,
      sendToActivatedInsights: false,
      status: "active",
    });
    expect(h.sandbox.state.outbox.at(-1)).toEqual({
      vendor: "caresmartz",
      to: "jose.nunez@sunrisecare.example",
      kind: "registration",
    });
    const audit = await h.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "agency-user.create" } });
    expect(audit).toMatchObject({ actorId: ADMIN.userId, targetId: user!.id, outcome: "ok" });
    expect(audit.details).toMatchObject({
      username: "jose.nunez",
      officeId: "of-fre",
      roleId: "ro-sch",
      lmsManager: true,
    });
    expect(JSON.stringify(audit.details)).not.toMatch(/sunrisecare|555/);
  });

  it("a create the vendor applied before dropping the connection is not resent: found by username, made once", async () => {
    h.sandbox.failNext("caresmartz", 1, "applied-then-reset");
    const result = await h.agencyUsers.create(ADMIN, form({ username: "ana.reyes" }), {
      formId: nextForm(),
      selfEmail: noEmail,
    });
    expect(result).toMatchObject({ ok: true, created: { username: "ana.reyes" } });
    expect(usersNamed("ana.reyes")).toHaveLength(1);
  });

  it("puts every problem on its field and creates nothing", async () => {
    const before = h.sandbox.state.caresmartz.agencyUsers.size;
    const result = await h.agencyUsers.create(
      ADMIN,
      form({ username: "a b", roleId: "", firstName: "", businessEmail: "ana@", mobilePhone: "12" }),
      { formId: nextForm(), selfEmail: noEmail },
    );
    expect(fieldsOf(result)).toEqual({
      firstName: "Enter the first name.",
      roleId: "Choose a role.",
      businessEmail: "Enter a valid email address, like name@agency.com.",
      mobilePhone: expect.stringMatching(/^Enter a valid mobile phone number/),
      username: expect.stringMatching(/^Use only letters a–z/),
    });
    expect(h.sandbox.state.caresmartz.agencyUsers.size).toBe(before);
  });

  it("proposes the next free username when the one given is taken", async () => {
    const taken = await h.agencyUsers.create(ADMIN, form({ username: "Maria.Gonzalez" }), {
      formId: nextForm(),
      selfEmail: noEmail,
    });
    expect(fieldsOf(taken)).toEqual({ username: "maria.gonzalez is taken in Caresmartz360; maria.gonzalez2 is free." });
  });

  it("a blank username uses the agency's format, numbered past taken ones; without a name it is still asked for", async () => {
    const blank = await h.agencyUsers.create(
      ADMIN,
      form({ username: "  ", firstName: "María", lastName: "González", businessEmail: "mg2@sunrisecare.example" }),
      { formId: nextForm(), selfEmail: noEmail },
    );
    expect(blank).toMatchObject({ ok: true, created: { username: "maria.gonzalez2" } });
    expect(usersNamed("maria.gonzalez2")).toHaveLength(1);
    const nameless = await h.agencyUsers.create(ADMIN, form({ username: "", firstName: "", lastName: "" }), {
      formId: nextForm(),
      selfEmail: noEmail,
    });
    expect(fieldsOf(nameless)).toEqual({
      firstName: "Enter the first name.",
      lastName: "Enter the last name.",
      username: "Enter a username.",
    });
  });

  it("refuses an office or role that Caresmartz360 does not have", async () => {
    const result = await h.agencyUsers.create(
      ADMIN,
      form({ officeId: "of-nowhere", roleId: "ro-ghost", username: "g.host" }),
      {
        formId: nextForm(),
        selfEmail: noEmail,
      },
    );
    expect(Object.keys(fieldsOf(result)).sort()).toEqual(["officeId", "roleId"]);
  });

  it("a double submission of one form creates one user, whether the second comes during or after the first", async () => {
    const formId = nextForm();
    const submit = () =>
      h.agencyUsers.create(ADMIN, form({ username: "pat.lee", firstName: "Pat", lastName: "Lee" }), {
        formId,
        selfEmail: noEmail,
      });
    const together = await Promise.all([submit(), submit()]);
    const later = await submit();
    expect(usersNamed("pat.lee")).toHaveLength(1);
    expect(together.filter((r) => r.ok && "created" in r)).toHaveLength(1);
    expect(together.filter((r) => r.ok && "alreadySubmitted" in r)).toHaveLength(1);
    expect(later).toEqual({ ok: true, alreadySubmitted: true });
    expect(await h.db.prisma.auditEvent.count({ where: { action: "agency-user.create", outcome: "ok" } })).toBe(1);
  });
});

describe("who may create", () => {
  it("a viewer and someone without access are refused with who to ask, and nothing is created", async () => {
    const viewer = await h.grant("UVIEWER", "viewer");
    for (const actor of [viewer, { workspaceId: TEAM, userId: "USTRANGER" }]) {
      const result = await h.agencyUsers.create(actor, form({ username: "v.one" }), {
        formId: nextForm(),
        selfEmail: noEmail,
      });
      expect(result.ok).toBe(false);
      expect(fieldsOf(result)["(general)"]).toContain(mention(ADMIN.userId));
    }
    expect(usersNamed("v.one")).toHaveLength(0);
    expect(await h.db.prisma.auditEvent.count({ where: { action: "staff.create", outcome: "refused" } })).toBe(2);
  });

  it("an agency user without the create-staff permission is refused", async () => {
    const actor = await h.grant("UPLAIN", "agency-user", "of-sac");
    const result = await h.agencyUsers.create(actor, form({ officeId: "of-sac" }), {
      formId: nextForm(),
      selfEmail: noEmail,
    });
    expect(fieldsOf(result)).toEqual({ "(general)": expect.stringContaining('"create-staff" permission') });
  });

  it("an agency user cannot create in another office, whatever the submitted office says", async () => {
    const actor = await h.grant("UTANYA", "agency-user", "of-sac", ["create-staff"]);
    const result = await h.agencyUsers.create(actor, form({ officeId: "of-fre", username: "x.other" }), {
      formId: nextForm(),
      selfEmail: emailOf("tanya.ruiz@sunrisecare.example"),
    });
    expect(fieldsOf(result)).toEqual({
      officeId: expect.stringContaining("only create agency users in your own office"),
    });
    expect(usersNamed("x.other")).toHaveLength(0);
    const audit = await h.db.prisma.auditEvent.findFirstOrThrow({ where: { actorId: "UTANYA" } });
    expect(audit).toMatchObject({ action: "staff.create", outcome: "refused", targetId: "x.other" });
  });

  it("an agency user gives roles at or below their own, found by their Slack email", async () => {
    const actor = await h.grant("UTANYA", "agency-user", "of-sac", ["create-staff"]);
    const tanya = emailOf("Tanya.Ruiz@sunrisecare.example");
    const above = await h.agencyUsers.create(
      actor,
      form({ officeId: "of-sac", roleId: "ro-om", username: "r.above" }),
      {
        formId: nextForm(),
        selfEmail: tanya,
      },
    );
    expect(fieldsOf(above)).toEqual({
      roleId: "You can't give the Office Manager role. You can give roles at or below your own (Scheduler).",
    });
    expect(await h.db.prisma.auditEvent.count({ where: { actorId: "UTANYA", outcome: "refused" } })).toBe(1);
    const same = await h.agencyUsers.create(actor, form({ officeId: "of-sac", roleId: "ro-sch", username: "r.same" }), {
      formId: nextForm(),
      selfEmail: tanya,
    });
    expect(same).toMatchObject({ ok: true, created: { username: "r.same", officeName: "Sacramento (Main Office)" } });
  });

  it("an agency user whose own account can't be found may give no role, on opening or on submit", async () => {
    const actor = await h.grant("UNEW", "agency-user", "of-sac", ["create-staff"]);
    const refusal = {
      ok: false,
      problems: [
        {
          message:
            "carebridge could not find your active Caresmartz360 account in Sacramento (Main Office) by your Slack email, so it can't tell which roles are at or below yours; ask an admin to create this user, or to make the emails match.",
        },
      ],
    };
    expect(await h.agencyUsers.prepareForm(actor, emailOf("nobody@sunrisecare.example"))).toEqual(refusal);
    const lowest = await h.agencyUsers.create(actor, form({ officeId: "of-sac", roleId: "ro-hr", username: "l.one" }), {
      formId: nextForm(),
      selfEmail: noEmail,
    });
    expect(lowest).toEqual(refusal);
    expect(usersNamed("l.one")).toHaveLength(0);
  });
});
