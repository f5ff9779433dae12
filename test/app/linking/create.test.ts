import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, linkingHarness, outcomeOf, overviewOf, VIEWER, type LinkingHarness } from "./harness";

let h: LinkingHarness;
afterEach(async () => {
  await h.close();
});

describe("+ Create in Motivity, on the sandbox", () => {
  beforeEach(async () => {
    h = await linkingHarness();
  });

  const membersCount = () => h.sandbox.state.motivity.members.size;

  it("the member form is prefilled with the Calmanac email and offers Motivity's roles", async () => {
    const result = await h.linking.prepareCreate(ADMIN, { kind: "members", calmanacId: "cm-s-10" });
    expect(result).toMatchObject({ ok: true, ready: true });
    if (!result.ok || !result.ready) return;
    expect(result.form).toMatchObject({ name: "Rosa Delgado", email: "rosa.delgado@brightpath.example", alias: null });
    expect(result.form.roles.map((r) => r.name)).toEqual(["Org Admin", "Clinical Director", "BCBA", "RBT", "Billing"]);
  });

  it("the learner form proposes an alias in Motivity's format, after the highest number in use", async () => {
    const result = await h.linking.prepareCreate(ADMIN, { kind: "learners", calmanacId: "cm-c-08" });
    expect(result).toMatchObject({ ok: true, ready: true, form: { name: "Olivia Brown", alias: "OB-009", roles: [] } });
  });

  it("a record linked meanwhile gets no form, but what happened", async () => {
    h.sandbox.state.motivity.members.get("mv-m-10")!.calmanacId = "cm-s-10";
    const result = await h.linking.prepareCreate(ADMIN, { kind: "members", calmanacId: "cm-s-10" });
    expect(result).toEqual({
      ok: true,
      ready: false,
      outcome: {
        status: "stale",
        message: "Rosa Delgado is already linked to Omar Haddad in Motivity; nothing was created.",
      },
    });
  });

  it("refuses a member without a role, or without a valid email, before calling Motivity", async () => {
    const before = membersCount();
    const noRole = await h.linking.createMember(ADMIN, {
      calmanacId: "cm-s-10",
      email: "rosa.delgado@brightpath.example",
      roleId: "",
    });
    expect(noRole).toEqual({
      ok: false,
      problems: [{ field: "roleId", message: "Choose a role: without one, the member cannot use Motivity." }],
    });
    const badEmail = await h.linking.createMember(ADMIN, {
      calmanacId: "cm-s-10",
      email: "rosa at home",
      roleId: "r-rbt",
    });
    expect(badEmail).toMatchObject({ ok: false, problems: [{ field: "email" }] });
    expect(membersCount()).toBe(before);
    expect(h.sandbox.state.outbox).toEqual([]);
  });

  it("creates the member linked at once; Motivity sends the invitation; audited", async () => {
    const result = await h.linking.createMember(ADMIN, {
      calmanacId: "cm-s-10",
      email: "rosa.delgado@brightpath.example",
      roleId: "r-rbt",
    });
    expect(outcomeOf(result)).toEqual({
      status: "done",
      message: "Created Rosa Delgado in Motivity as RBT, linked to Calmanac; Motivity emailed them an invitation.",
    });
    const created = [...h.sandbox.state.motivity.members.values()].find((m) => m.calmanacId === "cm-s-10");
    expect(created).toMatchObject({ firstName: "Rosa", lastName: "Delgado", roleId: "r-rbt" });
    expect(h.sandbox.state.outbox).toEqual([
      { vendor: "motivity", to: "rosa.delgado@brightpath.example", kind: "invitation" },
    ]);
    expect(await h.audits()).toContain(`link.create:${created!.id}:ok`);
    const audit = await h.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "link.create" } });
    expect(JSON.stringify(audit.details)).not.toContain("rosa.delgado");
    const o = overviewOf(result);
    expect(o.notLinkedInCalmanac.map((r) => r.person.id)).not.toContain("cm-s-10");
    expect(o.linked.some((p) => p.calmanacId === "cm-s-10")).toBe(true);
  });

  it("an email already in Motivity is 'already in Motivity — link instead?' with the member to link", async () => {
    const before = membersCount();
    const outcome = outcomeOf(
      await h.linking.createMember(ADMIN, {
        calmanacId: "cm-s-11",
        email: "Bob.Smith@brightpath.example",
        roleId: "r-rbt",
      }),
    );
    expect(outcome).toEqual({
      status: "unchanged",
      message: "Ethan Park is already in Motivity as Bob Smith — link instead?",
      linkInstead: { motivityId: "mv-m-06", calmanacId: "cm-s-11", name: "Bob Smith" },
    });
    expect(membersCount()).toBe(before);
  });

  it("a double submit of one form creates one member", async () => {
    const request = {
      calmanacId: "cm-s-12",
      email: "aisha.bello@brightpath.example",
      roleId: "r-bcba",
      idempotencyKey: "view:V1",
    };
    const results = await Promise.all([h.linking.createMember(ADMIN, request), h.linking.createMember(ADMIN, request)]);
    const statuses = results.map((r) => outcomeOf(r).status);
    expect(statuses.filter((s) => s === "done")).toHaveLength(1);
    expect([...h.sandbox.state.motivity.members.values()].filter((m) => m.calmanacId === "cm-s-12")).toHaveLength(1);
    expect(h.sandbox.state.outbox).toHaveLength(1);
  });

  it("a create Motivity applied before dropping the connection is not resent: the linked member is found", async () => {
    h.sandbox.failNext("motivity", 1, "applied-then-reset");
    const result = await h.linking.createMember(ADMIN, {
      calmanacId: "cm-s-10",
      email: "rosa.delgado@brightpath.example",
      roleId: "r-rbt",
    });
    expect(outcomeOf(result)).toMatchObject({ status: "done" });
    expect([...h.sandbox.state.motivity.members.values()].filter((m) => m.calmanacId === "cm-s-10")).toHaveLength(1);
    expect(h.sandbox.state.outbox).toHaveLength(1);
  });

  it("a learner create whose answer was lost is found by its Calmanac link, and made once", async () => {
    h.sandbox.failNext("motivity", 1, "applied-then-reset");
    const result = await h.linking.createLearner(ADMIN, { calmanacId: "cm-c-08", alias: "OB-009" });
    expect(outcomeOf(result)).toMatchObject({ status: "done" });
    expect([...h.sandbox.state.motivity.learners.values()].filter((l) => l.calmanacId === "cm-c-08")).toHaveLength(1);
  });

  it("a viewer cannot create", async () => {
    const result = await h.linking.createMember(VIEWER, {
      calmanacId: "cm-s-10",
      email: "rosa@x.example",
      roleId: "r-rbt",
    });
    expect(result.ok).toBe(false);
    expect(await h.audits()).toContain("link.manage:cm-s-10:refused");
  });

  it("creates a learner with the alias given, linked at once", async () => {
    const result = await h.linking.createLearner(ADMIN, { calmanacId: "cm-c-08", alias: " OB-009 " });
    expect(outcomeOf(result)).toEqual({
      status: "done",
      message: "Created Olivia Brown in Motivity with the alias OB-009, linked to Calmanac.",
    });
    const created = [...h.sandbox.state.motivity.learners.values()].find((l) => l.calmanacId === "cm-c-08");
    expect(created).toMatchObject({ firstName: "Olivia", lastName: "Brown", birthDate: "2016-10-10", alias: "OB-009" });
    expect(await h.audits()).toContain(`link.create:${created!.id}:ok`);
  });

  it("a blank alias lets Motivity make one; a long one is refused", async () => {
    const made = outcomeOf(await h.linking.createLearner(ADMIN, { calmanacId: "cm-c-09", alias: "  " }));
    expect(made.message).toMatch(/with the alias LD-\d{3}, linked/);
    const long = await h.linking.createLearner(ADMIN, { calmanacId: "cm-c-08", alias: "x".repeat(41) });
    expect(long).toMatchObject({ ok: false, problems: [{ field: "alias" }] });
  });
});

describe("+ Create in Motivity, with Motivity answering 409 email_taken at the contract", () => {
  const MOTIVITY = "https://motivity.test";
  const CALMANAC = "https://calmanac.test";

  beforeEach(async () => {
    h = await linkingHarness({
      MOTIVITY_BASE_URL: MOTIVITY,
      MOTIVITY_API_KEY: "k",
      CALMANAC_BASE_URL: CALMANAC,
      CALMANAC_API_KEY: "k",
    });
  });

  it("offers to link the member Motivity names as having the email", async () => {
    nock(MOTIVITY).get("/v1/members").query(true).reply(200, { data: [], nextCursor: null });
    nock(MOTIVITY)
      .get("/v1/roles")
      .reply(200, { data: [{ id: "r-1", name: "RBT" }] });
    nock(CALMANAC)
      .get("/v1/staff")
      .query(true)
      .reply(200, {
        data: [{ id: "s-1", firstName: "Rosa", lastName: "Delgado", email: null, phone: null }],
        nextCursor: null,
      });
    const post = nock(MOTIVITY)
      .post("/v1/members", {
        firstName: "Rosa",
        lastName: "Delgado",
        email: "rosa@practice.example",
        roleId: "r-1",
        calmanacId: "s-1",
      })
      .reply(409, { error: { code: "email_taken", message: "taken", existingId: "m-77" } });

    const outcome = outcomeOf(
      await h.linking.createMember(ADMIN, { calmanacId: "s-1", email: "rosa@practice.example", roleId: "r-1" }),
    );
    expect(post.isDone()).toBe(true);
    expect(outcome).toEqual({
      status: "unchanged",
      message: "Rosa Delgado is already in Motivity as the member with that email — link instead?",
      linkInstead: { motivityId: "m-77", calmanacId: "s-1", name: "the member with that email" },
    });
    expect((await h.audits()).filter((a) => a.startsWith("link.create"))).toEqual([]);
  });

  it("a retried submit of the same form does not create twice, even where Motivity would accept it", async () => {
    nock(MOTIVITY).get("/v1/learners").query(true).times(2).reply(200, { data: [], nextCursor: null });
    nock(CALMANAC)
      .get("/v1/clients")
      .query(true)
      .times(2)
      .reply(200, { data: [{ id: "c-1", firstName: "Olivia", lastName: "Brown", birthDate: null }], nextCursor: null });
    const post = nock(MOTIVITY).post("/v1/learners").once().reply(201, {
      id: "l-9",
      firstName: "Olivia",
      lastName: "Brown",
      birthDate: null,
      alias: "OB-001",
      calmanacId: "c-1",
    });
    const request = { calmanacId: "c-1", alias: "OB-001", idempotencyKey: "view:V9" };
    expect(outcomeOf(await h.linking.createLearner(ADMIN, request)).status).toBe("done");
    expect(outcomeOf(await h.linking.createLearner(ADMIN, request))).toEqual({
      status: "unchanged",
      message: "That form was already submitted.",
    });
    expect(post.isDone()).toBe(true);
  });
});
