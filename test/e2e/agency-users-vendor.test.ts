import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import { blockOf, JOSE, openForm, stateOf, textOf, type OpenedView } from "../app/agency-users/slack-form";

/** Caresmartz360 played by nock at the providers.md contract, to make it slow or answer 409/422. */
const CS = "https://caresmartz.test";
const OFFICES = { data: [{ id: "of-fre", name: "Fresno Branch" }] };
const ROLES = { data: [{ id: "ro-sch", name: "Scheduler" }] };
const page = (data: unknown[]) => ({ data, nextCursor: null });
const error = (code: string, extra: Record<string, unknown> = {}) => ({ error: { code, message: "no", ...extra } });
const agencyUser = (username: string) => ({
  id: `cs-${username}`,
  username,
  roleId: "ro-sch",
  officeId: "of-fre",
  firstName: "José",
  lastName: "Núñez",
  businessEmail: "jose.nunez@sunrisecare.example",
  mobilePhone: "+15595550101",
  showOnCareCoordinatorList: false,
  showOnSupervisorList: true,
  lmsManager: true,
  sendToActivatedInsights: false,
  status: "active",
});
const free = (...usernames: string[]) => {
  const scope = nock(CS);
  for (const username of usernames) scope.get("/v1/agency-users").query({ username }).reply(200, page([]));
  return scope;
};

let t: TestApp;
let views = 0;
const asOpened = (view: OpenedView) => ({ ...view, id: `V0VENDOR${++views}` });

beforeAll(async () => {
  t = await startTestApp({ CARESMARTZ_BASE_URL: CS, CARESMARTZ_API_KEY: "key" });
  await t.runtime.services.workspaces.ensure(TEAM);
});
afterAll(async () => {
  await t.close();
});

describe("/agency-user against a slow or refusing Caresmartz360", () => {
  it("opens a Loading view at once when offices and roles are slow, then fills the form in", async () => {
    nock(CS).get("/v1/offices").delay(1600).reply(200, OFFICES).get("/v1/roles").reply(200, ROLES);
    await t.command("/agency-user", "", ADMIN, { channel: "C0V1" });
    const opened = await t.waitFor(() => t.slack.callsTo("views.open")[0]);
    expect(textOf(opened.args.view)).toContain("Loading offices and roles");
    const update = await t.waitFor(() => t.slack.callsTo("views.update")[0]);
    const form = update.args.view as OpenedView;
    expect(form.callback_id).toBe("agency-user.create");
    expect(blockOf(form, "officeId").element?.options?.map((o) => o.value)).toEqual(["of-fre"]);
    // The one modal this app has opened is the one the form replaced.
    expect([...t.slack.views.keys()]).toEqual([update.args.view_id]);
  });

  it("opens the form directly once offices and roles are cached", async () => {
    const updates = t.slack.callsTo("views.update").length;
    const view = await openForm(t, ADMIN, "C0V2");
    expect(blockOf(view, "officeId").element?.options?.map((o) => o.value)).toEqual(["of-fre"]);
    expect(t.slack.callsTo("views.update")).toHaveLength(updates);
  });

  it("a 409 username_taken from the create lands on the username field", async () => {
    const view = asOpened(await openForm(t, ADMIN, "C0V3"));
    free("jose.nunez")
      .post("/v1/agency-users")
      .reply(409, error("username_taken", { existingId: "cs-1" }))
      .get("/v1/agency-users")
      .query({ username: "jose.nunez" })
      .reply(200, page([agencyUser("jose.nunez")]))
      .get("/v1/agency-users")
      .query({ username: "jose.nunez2" })
      .reply(200, page([]));
    const answer = (await t.submit(view, stateOf(view, JOSE), ADMIN)).json();
    expect(answer).toEqual({
      response_action: "errors",
      errors: { username: "jose.nunez is taken in Caresmartz360; jose.nunez2 is free." },
    });
  });

  it("a 422 lands each named field on its block", async () => {
    const view = asOpened(await openForm(t, ADMIN, "C0V4"));
    free("jose.nunez")
      .post("/v1/agency-users")
      .reply(
        422,
        error("invalid", { fields: { businessEmail: "is not deliverable", lmsManager: "needs an LMS seat" } }),
      );
    const answer = (await t.submit(view, stateOf(view, JOSE), ADMIN)).json();
    expect(answer).toEqual({
      response_action: "errors",
      errors: {
        businessEmail: "Caresmartz360 says the business email is not deliverable.",
        flags: 'Caresmartz360 says the "LMS manager" needs an LMS seat.',
      },
    });
  });

  it("a create slower than Slack allows shows Creating…, then the result, and confirms", async () => {
    const view = asOpened(await openForm(t, ADMIN, "C0V5"));
    free("jose.nunez").post("/v1/agency-users").delay(2600).reply(201, agencyUser("jose.nunez"));
    const updates = t.slack.callsTo("views.update").length;
    const answer = (await t.submit(view, stateOf(view, JOSE), ADMIN)).json();
    expect(answer.response_action).toBe("update");
    expect(textOf(answer.view)).toContain("Creating the agency user");
    const update = await t.waitFor(() => t.slack.callsTo("views.update")[updates]);
    expect(update.args.view_id).toBe(view.id);
    expect(textOf(update.args.view)).toContain("Created *jose.nunez* in Fresno Branch as Scheduler");
    const confirmation = await t.waitFor(() => t.slack.visible("C0V5", ADMIN).at(-1));
    expect(confirmation.text).toContain("jose.nunez in Fresno Branch as Scheduler");
  });

  it("a creator who closed the Creating… view still gets the confirmation", async () => {
    const view = asOpened(await openForm(t, ADMIN, "C0V8"));
    free("ana.ortiz").post("/v1/agency-users").delay(2600).reply(201, agencyUser("ana.ortiz"));
    const updates = t.slack.callsTo("views.update").length;
    t.slack.failures.set("views.update", "not_found");
    try {
      const answer = (await t.submit(view, stateOf(view, { ...JOSE, username: "ana.ortiz" }), ADMIN)).json();
      expect(textOf(answer.view)).toContain("Creating the agency user");
      const confirmation = await t.waitFor(() => t.slack.visible("C0V8", ADMIN).at(-1));
      expect(confirmation).toMatchObject({ ephemeralTo: ADMIN, text: expect.stringContaining("ana.ortiz") });
      expect(t.slack.callsTo("views.update")[updates]?.args.view_id).toBe(view.id);
    } finally {
      t.slack.failures.delete("views.update");
    }
  });

  it("when Slack won't open the form, the person is told to run the command again", async () => {
    t.slack.failures.set("views.open", "expired_trigger_id");
    try {
      await t.command("/agency-user", "", ADMIN, { channel: "C0V9" });
      const told = await t.waitFor(() => t.slack.visible("C0V9", ADMIN).at(-1));
      expect(told.text).toContain("run /agency-user again");
    } finally {
      t.slack.failures.delete("views.open");
    }
  });

  it("a slow refusal comes back as the form again, filled in, with the problem under its field", async () => {
    const view = asOpened(await openForm(t, ADMIN, "C0V6"));
    free("jose.nunez")
      .post("/v1/agency-users")
      .delay(2600)
      .reply(422, error("invalid", { fields: { mobilePhone: "is not a mobile number" } }));
    const updates = t.slack.callsTo("views.update").length;
    const answer = (await t.submit(view, stateOf(view, JOSE), ADMIN)).json();
    expect(textOf(answer.view)).toContain("Creating the agency user");
    const update = await t.waitFor(() => t.slack.callsTo("views.update")[updates]);
    const form = update.args.view as OpenedView;
    expect(form.callback_id).toBe("agency-user.create");
    expect(blockOf(form, "mobilePhone").hint?.text).toBe(
      "⚠️ Caresmartz360 says the mobile phone is not a mobile number.",
    );
    expect(blockOf(form, "firstName").element?.initial_value).toBe("José");
    expect(blockOf(form, "officeId").element?.initial_option?.value).toBe("of-fre");
    expect(blockOf(form, "businessEmail").hint?.text).toBe("Caresmartz360 emails the registration instructions here.");
  });

  it("an outage is a sentence in the form, and the form can be sent again", async () => {
    const view = asOpened(await openForm(t, ADMIN, "C0V7"));
    free("kim.lo")
      .post("/v1/agency-users")
      .reply(503, error("unavailable"))
      .get("/v1/agency-users")
      .query({ username: "kim.lo" })
      .reply(200, page([]));
    const failed = (await t.submit(view, stateOf(view, { ...JOSE, username: "kim.lo" }), ADMIN)).json();
    expect(failed.response_action).toBe("update");
    expect(textOf(failed.view)).toContain("Caresmartz360 is not answering right now");
    free("kim.lo").post("/v1/agency-users").reply(201, agencyUser("kim.lo"));
    const retried = (await t.submit(view, stateOf(view, { ...JOSE, username: "kim.lo" }), ADMIN)).json();
    expect(textOf(retried.view)).toContain("Created *kim.lo*");
  });
});
