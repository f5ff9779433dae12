import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import { testDatabaseKind } from "../support/db";
import { addValues, buttonOf, pressOn, textOf } from "./learners-support";

const IMANI = "imani.jackson@hopefoundation.example.org";

describe(`/learner card → Edit (${testDatabaseKind})`, () => {
  let t: TestApp;
  const learner = (userId: string) => t.runtime.sandbox!.state.cacwt.learners.get(userId)!;
  beforeAll(async () => {
    t = await startTestApp();
    await t.runtime.services.workspaces.ensure(TEAM);
  });
  afterAll(async () => {
    await t.close();
  });

  it("opens the form filled in, shows problems on their fields, and saves a new name as a rename", async () => {
    await t.command("/learner", IMANI, ADMIN, { channel: "C0E1" });
    const card = structuredClone(await t.waitFor(() => t.slack.visible("C0E1", ADMIN).at(-1)));
    expect(buttonOf(card, "learner.edit").value).toBe(IMANI);

    const updates = t.slack.callsTo("views.update").length;
    await pressOn(t, card, "learner.edit", ADMIN);
    const update = await t.waitFor(() => t.slack.callsTo("views.update")[updates]);
    const view = update.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(view.callback_id).toBe("learner.edit");
    const shown = JSON.stringify(view.blocks);
    expect(shown).toContain('"initial_value":"Imani"');
    expect(shown).toContain('"initial_value":"Jackson"');
    expect(shown).toContain(`"initial_value":"${IMANI}"`);
    expect(shown).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Riverside","emoji":true},"value":"Riverside"}',
    );
    expect(shown).toContain('"initial_date":"2026-04-15"');
    expect(shown).toContain(
      `The username (User ID) stays ${IMANI}; to change it, submit a ticket to the Academy Help Center.`,
    );

    const form = { firstName: "Imani", lastName: "Jackson", email: IMANI, county: "Riverside", dateHire: "2026-04-15" };
    const refused = await t.submit(view, addValues({ ...form, email: "imani@", lastName: " " }), ADMIN);
    expect(refused.json()).toEqual({
      response_action: "errors",
      errors: {
        lastName: "LastName is required",
        email: 'Email "imani@" is not a valid email address',
      },
    });
    const taken = await t.submit(view, addValues({ ...form, email: "derek.nguyen@hopefoundation.example.org" }), ADMIN);
    expect(taken.json()).toEqual({
      response_action: "errors",
      errors: { email: "Derek Nguyen already has this email in CACWT; each learner needs their own." },
    });

    expect((await t.submit(view, addValues({ ...form, lastName: "Jackson-Lee" }), ADMIN)).json()).toEqual({});
    const saved = await t.waitFor(() =>
      t.slack.visible("C0E1", ADMIN).find((m) => m.ephemeralTo === ADMIN && m.text.startsWith("Saved in")),
    );
    expect(saved.text).toBe("Saved in CACWT (sandbox demo data): renamed Imani Jackson → Imani Jackson-Lee");
    expect(textOf(saved)).toContain("Renamed *Imani Jackson* → *Imani Jackson-Lee*");
    expect(learner(IMANI)).toMatchObject({ userId: IMANI, lastName: "Jackson-Lee", email: IMANI });
  });

  it("a learner who is not a community partner has no Edit", async () => {
    await t.command("/learner", "jmorales@dpss.example.gov", ADMIN, { channel: "C0E2" });
    const card = await t.waitFor(() => t.slack.visible("C0E2", ADMIN).at(-1));
    expect(() => buttonOf(card, "learner.edit")).toThrow();
    expect(buttonOf(card, "learner.archive")).toBeDefined();
  });
});
