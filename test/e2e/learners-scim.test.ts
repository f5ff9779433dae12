import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import { testDatabaseKind } from "../support/db";
import { openedView, pressOn, textOf } from "./learners-support";

/**
 * LEARNER_LMS=scim through the whole app: the services hand the workspace's learner LMS to the
 * use-cases and presenters, so what Slack is sent names it, never CACWT.
 */
describe(`/learner with LEARNER_LMS=scim names the SCIM LMS (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LEARNER_LMS: "scim" });
    await t.runtime.services.workspaces.ensure(TEAM);
  });
  afterAll(async () => {
    await t.close();
  });

  it("the add form, a refusal, the card and its Edit form never say CACWT", async () => {
    const opened = t.slack.callsTo("views.open").length;
    await t.command("/learner", "add", ADMIN, { channel: "C0S1" });
    const add = await openedView(t, opened);
    expect(add.title).toMatchObject({ text: "Add a learner" });
    expect(JSON.stringify(add)).toContain("SCIM LMS (sandbox demo data) emails their temporary password here.");

    await t.command("/learner", "archive ghost@p.example", ADMIN, { channel: "C0S2" });
    const missing = await t.waitFor(() => t.slack.visible("C0S2", ADMIN).at(-1));
    expect(missing.text).toContain("SCIM LMS has no learner with the email ghost@p.example.");

    await t.command("/learner", "carmen flores", ADMIN, { channel: "C0S3" });
    const card = structuredClone(await t.waitFor(() => t.slack.visible("C0S3", ADMIN).at(-1)));
    expect(JSON.stringify(card.blocks)).toContain(
      "can no longer sign in to SCIM LMS (sandbox demo data) until reactivated.",
    );

    const before = t.slack.callsTo("views.update").length;
    await pressOn(t, card, "learner.edit", ADMIN);
    const edit = (await t.waitFor(() => t.slack.callsTo("views.update")[before])).args.view;
    expect(JSON.stringify(edit)).toContain("to change it, change it in SCIM LMS.");

    const said = [add, missing, card, edit, ...t.slack.callsTo("views.open").map((c) => c.args.view)].map((x) =>
      typeof x === "string" ? x : JSON.stringify(x),
    );
    expect(said.join("\n")).not.toContain("CACWT");
    expect(textOf(card)).toContain("carmen.flores@hopefoundation.example.org");
  });
});
