import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";

/**
 * Fix and sync against a Spectrum TeleTrack slower than Slack waits (nock at the providers.md
 * contract; CareAcademy is the sandbox): the form opens as "Reading…" and is filled in when
 * TeleTrack answers; a save slower than the submission's budget shows "Saving…", then the card.
 */
const TT = "https://teletrack.test";
const ana = {
  id: "tt-77",
  firstName: "Ana",
  lastName: "Lima",
  email: null,
  mobilePhone: "+1 503 555 0111",
  birthDate: null,
  state: "OR",
  status: "active",
  updatedAt: "2026-10-01T16:00:00.000Z",
};

type Block = { type: string; block_id?: string; text?: { text: string }; element?: Record<string, unknown> };
type View = { id?: string; blocks: Block[]; callback_id: string; private_metadata: string };
const textOf = (view: unknown) => JSON.stringify(view);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ TELETRACK_BASE_URL: TT, TELETRACK_API_KEY: "key" });
  await t.runtime.services.workspaces.ensure(TEAM);
});
afterAll(async () => {
  nock.cleanAll();
  await t.close();
});

describe("Fix and sync with a slow Spectrum TeleTrack", () => {
  it("opens Reading…, fills the form in, then Saving… and the synced card", async () => {
    nock(TT).get("/v1/caregivers/tt-77").delay(1600).reply(200, ana);
    const opens = t.slack.callsTo("views.open").length;
    const updates = t.slack.callsTo("views.update").length;
    const value = JSON.stringify({ c: "tt-77", u: ADMIN, f: ["email"], n: "Ana Lima" });
    await t.press("caregiver.fix", value, ADMIN, { channel: { id: "C0SLOW" } });
    const opened = await t.waitFor(() => t.slack.callsTo("views.open")[opens]);
    expect(textOf(opened.args.view)).toContain("Reading *Ana Lima*'s profile from Spectrum TeleTrack");
    const filled = await t.waitFor(() => t.slack.callsTo("views.update")[updates]);
    const view = { ...(filled.args.view as View), id: String(filled.args.view_id) };
    const inputs = view.blocks.filter((b) => b.type === "input");
    expect(inputs.map((b) => b.block_id)).toEqual(["email", "mobilePhone", "birthDate"]);
    expect(inputs.map((b) => b.element?.initial_value ?? null)).toEqual([null, "+1 503 555 0111", null]);

    nock(TT)
      .get("/v1/caregivers/tt-77")
      .reply(200, ana)
      // Only what changed is written.
      .patch("/v1/caregivers/tt-77", { email: "ana.lima@example.com" })
      .delay(2600)
      .reply(200, { ...ana, email: "ana.lima@example.com" })
      .get("/v1/caregivers/tt-77")
      .reply(200, { ...ana, email: "ana.lima@example.com" })
      .put("/v1/caregivers/tt-77/careacademy-link")
      .reply(204);
    const state = {
      email: { email: { type: "plain_text_input", value: "ana.lima@example.com" } },
      mobilePhone: { mobilePhone: { type: "plain_text_input", value: "+1 503 555 0111" } },
      birthDate: { birthDate: { type: "datepicker", selected_date: null } },
    };
    const before = t.slack.callsTo("views.update").length;
    const answer = (await t.submit(view, state, ADMIN)).json() as { response_action: string; view: unknown };
    expect(answer.response_action).toBe("update");
    expect(textOf(answer.view)).toContain("saving to Spectrum TeleTrack and syncing *Ana Lima*");
    const done = await t.waitFor(() => t.slack.callsTo("views.update")[before], 10_000);
    expect(done.args.view_id).toBe(view.id);
    expect(textOf(done.args.view)).toContain("Saved to Spectrum TeleTrack");
    const card = await t.waitFor(() => t.slack.visible("C0SLOW", ADMIN).at(-1));
    expect(card.text).toContain("Ana Lima");
    const users = [...t.runtime.sandbox!.state.careacademy.users.values()].filter((u) => u.externalId === "tt-77");
    expect(users.map((u) => u.email)).toEqual(["ana.lima@example.com"]);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
