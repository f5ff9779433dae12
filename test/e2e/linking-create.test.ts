import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import { postSigned } from "../support/signed";
import { buttonNamed, nextMessage, press, rowButton, textOf, type Button } from "../app/linking/slack";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.runtime.services.workspaces.ensure(TEAM);
});
afterAll(async () => {
  await t.close();
});

interface ModalBlock {
  type: string;
  block_id?: string;
  element?: { initial_value?: string; options?: Array<{ value: string; text: { text: string } }> };
}
interface Modal {
  id: string;
  callback_id?: string;
  private_metadata?: string;
  blocks: ModalBlock[];
}

const state = () => t.runtime.sandbox!.state;
const link = (channel: string, text: string) =>
  nextMessage(t, channel, () => t.command("/link", text, ADMIN, { channel }));

/** Presses "+ Create in Motivity" and returns the form that replaced the loading modal. */
async function openForm(channel: string, button: Button): Promise<Modal> {
  const updates = t.slack.callsTo("views.update").length;
  await t.press(button.action_id, button.value, ADMIN, { channel: { id: channel } });
  const opened = await t.waitFor(() => t.slack.callsTo("views.open").at(-1));
  expect(JSON.stringify(opened.args.view)).toContain("Reading Calmanac and Motivity");
  const update = await t.waitFor(() => t.slack.callsTo("views.update")[updates]);
  return t.slack.views.get(String(update.args.view_id)) as unknown as Modal;
}

const memberValues = (email: string, roleId?: string) => ({
  email: { email: { type: "plain_text_input", value: email } },
  role: {
    role: {
      type: "static_select",
      selected_option: roleId ? { value: roleId, text: { type: "plain_text", text: roleId } } : null,
    },
  },
});

describe("+ Create in Motivity for a member", () => {
  it("opens a form with the Calmanac email and Motivity's roles; refuses it without a role; creates, invites and links", async () => {
    const list = await link("C0C1", "members");
    const form = await openForm("C0C1", rowButton(list, "Rosa Delgado", "+ Create in Motivity"));
    expect(form.callback_id).toBe("link.create-member");
    const email = form.blocks.find((b) => b.block_id === "email");
    expect(email?.element?.initial_value).toBe("rosa.delgado@brightpath.example");
    const roles = form.blocks.find((b) => b.block_id === "role")?.element?.options?.map((o) => o.text.text);
    expect(roles).toEqual(["Org Admin", "Clinical Director", "BCBA", "RBT", "Billing"]);

    const refused = (await t.submit(form as never, memberValues("rosa.delgado@brightpath.example"))).json();
    expect(refused).toEqual({
      response_action: "errors",
      errors: { role: "Choose a role: without one, the member cannot use Motivity." },
    });
    expect([...state().motivity.members.values()].some((m) => m.calmanacId === "cm-s-10")).toBe(false);

    const result = await nextMessage(t, "C0C1", () =>
      t.submit(form as never, memberValues("rosa.delgado@brightpath.example", "r-rbt")),
    );
    expect(result.text).toContain(
      "Created Rosa Delgado in Motivity as RBT, linked to Calmanac; Motivity emailed them an invitation.",
    );
    expect(textOf(result)).not.toContain("*Rosa Delgado* · rosa");
    expect([...state().motivity.members.values()].find((m) => m.calmanacId === "cm-s-10")).toMatchObject({
      roleId: "r-rbt",
    });
    expect(state().outbox).toContainEqual({
      vendor: "motivity",
      to: "rosa.delgado@brightpath.example",
      kind: "invitation",
    });
  });

  it("an email already in Motivity answers 'already in Motivity — link instead?' with a Link button that links", async () => {
    const list = await link("C0C2", "members");
    const form = await openForm("C0C2", rowButton(list, "Ethan Park", "+ Create in Motivity"));
    const before = state().motivity.members.size;
    const answer = await nextMessage(t, "C0C2", () =>
      t.submit(form as never, memberValues("omar.haddad@brightpath.example", "r-rbt")),
    );
    expect(answer.text).toContain("Ethan Park is already in Motivity as Omar Haddad — link instead?");
    expect(state().motivity.members.size).toBe(before);
    const linked = await press(t, "C0C2", buttonNamed(answer, "Link to Omar Haddad"));
    expect(linked.text).toContain("Linked Omar Haddad in Motivity to Ethan Park in Calmanac.");
    expect(state().motivity.members.get("mv-m-10")?.calmanacId).toBe("cm-s-11");
  });

  it("a form for someone linked meanwhile says so instead of a form", async () => {
    const list = await link("C0C3", "members");
    const button = rowButton(list, "Aisha Bello", "+ Create in Motivity");
    state().motivity.members.get("mv-m-09")!.calmanacId = "cm-s-12";
    const modal = await openForm("C0C3", button);
    expect(modal.callback_id).toBeUndefined();
    expect(JSON.stringify(modal.blocks)).toContain(
      "Aisha Bello is already linked to Kathryn Mitchel in Motivity; nothing was created.",
    );
  });
});

describe("+ Create in Motivity for a learner", () => {
  it("proposes an alias in Motivity's format, keeps the one given, and links the new learner", async () => {
    const list = await link("C0C4", "learners");
    const form = await openForm("C0C4", rowButton(list, "Olivia Brown", "+ Create in Motivity"));
    expect(form.callback_id).toBe("link.create-learner");
    expect(form.blocks.find((b) => b.block_id === "alias")?.element?.initial_value).toBe("OB-009");
    const result = await nextMessage(t, "C0C4", () =>
      t.submit(form as never, { alias: { alias: { type: "plain_text_input", value: "OB-042" } } }),
    );
    expect(result.text).toContain("Created Olivia Brown in Motivity with the alias OB-042, linked to Calmanac.");
    expect([...state().motivity.learners.values()].find((l) => l.calmanacId === "cm-c-08")).toMatchObject({
      alias: "OB-042",
    });
    const audit = await t.runtime.db.prisma.auditEvent.findFirst({
      where: { action: "link.create", outcome: "ok" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.details).toMatchObject({ kind: "learners", calmanacId: "cm-c-08" });
  });
});

describe("Change alias of a linked learner", () => {
  const aliasValues = (alias: string) => ({ alias: { alias: { type: "plain_text_input", value: alias } } });

  it("opens a form with the alias, refuses a blank one and one another learner has, and changes it in Motivity", async () => {
    const list = await link("C0A1", "learners");
    const linked = await press(t, "C0A1", buttonNamed(list, /^Linked \(\d+\)$/));
    const opens = t.slack.callsTo("views.open").length;
    await t.press(
      rowButton(linked, "Noah Williams", "Change alias").action_id,
      rowButton(linked, "Noah Williams", "Change alias").value,
      ADMIN,
      { channel: { id: "C0A1" } },
    );
    const opened = await t.waitFor(() => t.slack.callsTo("views.open")[opens]);
    const form = opened.args.view as unknown as Modal;
    expect(form.callback_id).toBe("link.change-alias");
    expect(form.blocks.find((b) => b.block_id === "alias")?.element?.initial_value).toBe("NW-001");

    expect((await t.submit(form as never, aliasValues("  "))).json()).toEqual({
      response_action: "errors",
      errors: { alias: "Enter the new alias." },
    });
    const taken = await nextMessage(t, "C0A1", () => t.submit(form as never, aliasValues("AM-002")));
    expect(taken.text).toContain("Another Motivity learner has the alias AM-002; choose another.");
    expect(state().motivity.learners.get("mv-l-01")?.alias).toBe("NW-001");

    // Each answer replaces the list the button was on.
    await t.submit(form as never, aliasValues("Noah W."));
    const changed = await t.waitFor(() => t.slack.visible("C0A1", ADMIN).find((m) => m.text.startsWith("Changed")));
    expect(changed.text).toContain(`Changed Noah Williams's alias in Motivity from "NW-001" to "Noah W.".`);
    expect(state().motivity.learners.get("mv-l-01")?.alias).toBe("Noah W.");
    expect(textOf(changed)).toContain("*Noah Williams* · Noah W.");
    const audits = await t.runtime.db.prisma.auditEvent.count({ where: { action: "link.alias", targetId: "mv-l-01" } });
    expect(audits).toBe(1);
  });
});

describe("Find in …: link to anyone on the other side", () => {
  /** Types `value` in the search form's select, as Slack asks for its options. */
  async function suggest(view: Modal, value: string): Promise<Array<{ text: { text: string }; value: string }>> {
    const payload = {
      type: "block_suggestion",
      team: { id: TEAM },
      user: { id: ADMIN, team_id: TEAM },
      action_id: "link.other",
      block_id: "link.other",
      value,
      view,
    };
    const answer = await postSigned(
      t.url,
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      "application/x-www-form-urlencoded",
    );
    expect(answer.status).toBe(200);
    return (answer.json().options ?? []) as Array<{ text: { text: string }; value: string }>;
  }

  async function openSearch(channel: string, button: Button): Promise<Modal> {
    const opens = t.slack.callsTo("views.open").length;
    await t.press(button.action_id, button.value, ADMIN, { channel: { id: channel } });
    await t.waitFor(() => t.slack.callsTo("views.open")[opens]);
    return [...t.slack.views.values()].filter((v) => v.callback_id === "link.search-other").at(-1) as unknown as Modal;
  }

  it("after Not a match, searches Calmanac by name or email, offers only people not linked, and links the one picked", async () => {
    const list = await link("C0F1", "members");
    expect(rowButton(list, "Liz Chen", "Find in Calmanac…")).toBeDefined();
    const rejected = await press(t, "C0F1", rowButton(list, "Bob Smith", "Not a match"));
    const form = await openSearch("C0F1", buttonNamed(rejected, "Find in Calmanac…"));
    expect(JSON.stringify(form.blocks)).toContain("Link *Bob Smith* (Motivity) to someone in Calmanac.");

    expect((await suggest(form, "eliz")).map((o) => [o.text.text, o.value])).toEqual([
      ["Elizabeth Chen · elizabeth.chen@example.net", "cm-s-07"],
    ]);
    expect((await suggest(form, "EXAMPLE.NET")).map((o) => o.value)).toEqual(["cm-s-07"]);
    expect((await suggest(form, "robert sm")).map((o) => o.value)).toEqual(["cm-s-06"]);
    // Angela Brooks is linked: not offered.
    expect(await suggest(form, "angela")).toEqual([]);

    const picked = {
      "link.other": {
        "link.other": {
          type: "external_select",
          selected_option: { value: "cm-s-07", text: { type: "plain_text", text: "Elizabeth Chen" } },
        },
      },
    };
    await t.submit(form as never, picked);
    const linked = await t.waitFor(() =>
      t.slack.visible("C0F1", ADMIN).find((m) => m.text.startsWith("Linked Bob Smith in Motivity to Elizabeth Chen")),
    );
    expect(linked.text).toContain("Linked Bob Smith in Motivity to Elizabeth Chen in Calmanac.");
    expect(state().motivity.members.get("mv-m-06")?.calmanacId).toBe("cm-s-07");
  });

  it("a submit without a pick is refused in the form", async () => {
    const list = await link("C0F2", "members");
    const form = await openSearch("C0F2", rowButton(list, "Thanh Nguyen", "Find in Calmanac…"));
    expect(
      (
        await t.submit(form as never, {
          "link.other": { "link.other": { type: "external_select", selected_option: null } },
        })
      ).json(),
    ).toEqual({
      response_action: "errors",
      errors: { "link.other": "Search for someone and pick them." },
    });
  });

  it("counts on the Find button the namesakes just as likely as the suggestions shown, and the search lists them all", async () => {
    state().motivity.members.set("mv-m-70", {
      id: "mv-m-70",
      firstName: "Maya",
      lastName: "Quinn",
      email: "maya.quinn@brightpath.example",
      roleId: "r-rbt",
      serviceAccount: false,
      calmanacId: null,
    });
    const namesakes = ["cm-s-71", "cm-s-72", "cm-s-73", "cm-s-74", "cm-s-75"];
    for (const id of namesakes)
      state().calmanac.staff.set(id, { id, firstName: "Maya", lastName: "Quinn", email: null, phone: null });
    const list = await link("C0F3", "members");
    expect(() => rowButton(list, "Maya Quinn", "Find in Calmanac…")).toThrow();
    const form = await openSearch("C0F3", rowButton(list, "Maya Quinn", "Find 2 more…"));
    expect(JSON.stringify(form.blocks)).toContain("Link *Maya Quinn* (Motivity) to someone in Calmanac.");
    expect((await suggest(form, "maya quinn")).map((o) => o.value).sort()).toEqual(namesakes);
  });
});
