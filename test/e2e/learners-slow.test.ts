import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import { addValues, openedView } from "./learners-support";

/** CACWT played by nock at the providers.md contract, to make its answers slower than Slack waits (3 s). */
const CACWT = "https://cacwt.test";
const SLOW_MS = 3500;
const page = (data: unknown[]) => ({ data, nextCursor: null });
const learner = (email: string, first: string, last: string) => ({
  userId: email,
  firstName: first,
  lastName: last,
  email,
  status: "Active",
  affiliation: "California Community Partners",
  organizationName: null,
  employeeType: "Kern County Community Partner",
  dateHire: "2026-11-20",
  trainingManager: false,
  supervisor: false,
});

describe("/learner add when CACWT is slower than Slack waits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CACWT_BASE_URL: CACWT, CACWT_API_KEY: "key" });
    await t.runtime.services.workspaces.ensure(TEAM);
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(async () => {
    await t.close();
  });

  async function submitAdd(channel: string, email: string) {
    const opened = t.slack.callsTo("views.open").length;
    await t.command("/learner", "add", ADMIN, { channel });
    const view = await openedView(t, opened);
    const started = Date.now();
    const answer = await t.submit(
      view,
      addValues({ firstName: "Ivy", lastName: "Park", email, county: "Kern" }),
      ADMIN,
    );
    return { answer: answer.json(), ms: Date.now() - started };
  }

  it("closes the modal in time, then still refuses an email an active learner has, privately", async () => {
    const taken = learner("carmen.flores@p.example", "Carmen", "Flores");
    const scope = nock(CACWT)
      .get("/v1/learners")
      .query({ email: taken.email })
      .delay(SLOW_MS)
      .reply(200, page([taken]))
      .get("/v1/learners")
      .query({ email: taken.email })
      .reply(200, page([taken]));
    const { answer, ms } = await submitAdd("C0S1", taken.email);
    expect(answer).toEqual({});
    expect(ms).toBeLessThan(2900);
    const checking = await t.waitFor(() => t.slack.visible("C0S1", ADMIN).find((m) => m.text.startsWith("Checking")));
    expect(checking).toMatchObject({
      ephemeralTo: ADMIN,
      text: `Checking ${taken.email} in CACWT, which is slow to answer; I'll tell you here how it went.`,
    });
    const refused = await t.waitFor(() =>
      t.slack.visible("C0S1", ADMIN).find((m) => m.text.includes("already has an active CACWT account")),
    );
    expect(refused).toMatchObject({
      ephemeralTo: ADMIN,
      text: "Carmen Flores already has an active CACWT account with this email; each learner needs their own email.",
    });
    // Both look-ups answered, and no create was sent (nock would have refused it, and said so in Slack).
    await t.waitFor(() => scope.isDone() || undefined, SLOW_MS + 2000);
    expect(t.slack.visible("C0S1", ADMIN)).toHaveLength(2);
  });

  it("closes the modal in time, then adds a learner with a new email and says so", async () => {
    const email = "ivy.park@p.example";
    const created = learner(email, "Ivy", "Park");
    let sent: Record<string, unknown> | undefined;
    const scope = nock(CACWT)
      .get("/v1/learners")
      .query({ email })
      .delay(SLOW_MS)
      .reply(200, page([]))
      .get("/v1/learners")
      .query({ email })
      .reply(200, page([]))
      .post("/v1/learners", (body: Record<string, unknown>) => {
        sent = body;
        return true;
      })
      .reply(201, created)
      .get("/v1/learners")
      .query({ email })
      .reply(200, page([created]))
      // Seed 003: whether CACWT has an Ivy Park under another email, read from the list (no name
      // search); by the add, and by the check that Slack stopped waiting for.
      .get("/v1/learners")
      .query((q) => q.email === undefined)
      .times(2)
      .reply(200, page([]));
    const { answer, ms } = await submitAdd("C0S2", email);
    expect(answer).toEqual({});
    expect(ms).toBeLessThan(2900);
    const added = await t.waitFor(() =>
      t.slack.visible("C0S2", ADMIN).find((m) => m.text.startsWith("Added Ivy Park")),
    );
    expect(added.ephemeralTo).toBe(ADMIN);
    expect(sent).toMatchObject({ email, firstName: "Ivy", lastName: "Park" });
    expect(String(sent?.temporaryPassword)).toHaveLength(20);
    await t.waitFor(() => scope.isDone() || undefined, SLOW_MS + 2000);
  });
});
