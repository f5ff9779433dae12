import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, fieldsOf, form, type Harness, NOCK_URL, noEmail, startHarness } from "./harness";

const OFFICES = { data: [{ id: "of-fre", name: "Fresno Branch" }] };
const ROLES = { data: [{ id: "ro-sch", name: "Scheduler" }] };
const page = (data: unknown[]) => ({ data, nextCursor: null });
const created = (overrides: Record<string, unknown> = {}) => ({
  id: "cs-new",
  username: "jose.nunez",
  roleId: "ro-sch",
  officeId: "of-fre",
  firstName: "José",
  lastName: "Núñez",
  businessEmail: "jose.nunez@sunrisecare.example",
  mobilePhone: "+15595550101",
  showOnCareCoordinatorList: true,
  showOnSupervisorList: false,
  lmsManager: true,
  sendToActivatedInsights: false,
  status: "active",
  ...overrides,
});
const error = (code: string, extra: Record<string, unknown> = {}) => ({ error: { code, message: "no", ...extra } });

let h: Harness;
let formCount = 0;
const nextForm = () => `N${++formCount}`;

beforeAll(async () => {
  h = await startHarness({ nock: true });
  // Offices and roles are cached after the first form; one answer serves the whole file.
  nock(NOCK_URL).get("/v1/offices").reply(200, OFFICES).get("/v1/roles").reply(200, ROLES);
});
afterAll(async () => {
  await h.close();
});

/** Nobody has the username yet when the form is checked. */
const free = (...usernames: string[]) => {
  const scope = nock(NOCK_URL);
  for (const username of usernames) scope.get("/v1/agency-users").query({ username }).reply(200, page([]));
  return scope;
};

describe("Caresmartz360's answers to the create", () => {
  it("a 409 username_taken after the check lands on the username with the next free one, and the form can be sent again", async () => {
    const formId = nextForm();
    const scope = free("jose.nunez")
      .post("/v1/agency-users")
      .reply(409, error("username_taken", { existingId: "cs-9" }))
      .get("/v1/agency-users")
      .query({ username: "jose.nunez" })
      .reply(200, page([created({ id: "cs-9" })]))
      .get("/v1/agency-users")
      .query({ username: "jose.nunez2" })
      .reply(200, page([]));
    const first = await h.agencyUsers.create(ADMIN, form(), { formId, selfEmail: noEmail });
    expect(fieldsOf(first)).toEqual({ username: "jose.nunez is taken in Caresmartz360; jose.nunez2 is free." });
    expect(scope.isDone()).toBe(true);

    const retry = free("jose.nunez2")
      .post("/v1/agency-users", (body: Record<string, unknown>) => body.username === "jose.nunez2")
      .reply(201, created({ username: "jose.nunez2" }));
    const second = await h.agencyUsers.create(ADMIN, form({ username: "jose.nunez2" }), { formId, selfEmail: noEmail });
    expect(second).toMatchObject({ ok: true, created: { username: "jose.nunez2" } });
    expect(retry.isDone()).toBe(true);
    const outcomes = await h.db.prisma.auditEvent.findMany({
      where: { action: "agency-user.create" },
      orderBy: { createdAt: "asc" },
    });
    expect(outcomes.map((a) => [a.outcome, (a.details as { reason?: string }).reason])).toEqual([
      ["failed", "username_taken"],
      ["ok", undefined],
    ]);
  });

  it("a 422 puts each named field on the form's field; flags share one; unknown fields become a sentence", async () => {
    free("ana.ruiz")
      .post("/v1/agency-users")
      .reply(
        422,
        error("invalid", {
          fields: {
            businessEmail: "is not a deliverable address",
            mobilePhone: "is not a mobile number.",
            showOnSupervisorList: "needs a supervisor role",
            badgeNumber: "is required",
          },
        }),
      );
    const result = await h.agencyUsers.create(ADMIN, form({ username: "ana.ruiz" }), {
      formId: nextForm(),
      selfEmail: noEmail,
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      { field: "businessEmail", message: "Caresmartz360 says the business email is not a deliverable address." },
      { field: "mobilePhone", message: "Caresmartz360 says the mobile phone is not a mobile number." },
      { field: "flags", message: 'Caresmartz360 says the "show on supervisor list" needs a supervisor role.' },
      { message: "Caresmartz360 says the badgeNumber is required." },
    ]);
  });

  it("a create whose outcome is unknown is looked up: found → created once; not found → the outage, and the form can be sent again", async () => {
    free("kim.lo")
      .post("/v1/agency-users")
      .reply(500, error("internal_error"))
      .get("/v1/agency-users")
      .query({ username: "kim.lo" })
      .reply(200, page([created({ id: "cs-kim", username: "kim.lo" })]));
    const found = await h.agencyUsers.create(ADMIN, form({ username: "kim.lo" }), {
      formId: nextForm(),
      selfEmail: noEmail,
    });
    expect(found).toMatchObject({ ok: true, created: { id: "cs-kim", username: "kim.lo" } });

    const formId = nextForm();
    free("lee.wu")
      .post("/v1/agency-users")
      .reply(502, error("bad_gateway"))
      .get("/v1/agency-users")
      .query({ username: "lee.wu" })
      .reply(200, page([]));
    await expect(
      h.agencyUsers.create(ADMIN, form({ username: "lee.wu" }), { formId, selfEmail: noEmail }),
    ).rejects.toThrow("Caresmartz360 is not answering right now");
    expect(await h.db.prisma.processedEvent.count({ where: { eventId: `agency-user:${formId}` } })).toBe(0);
  });
});
