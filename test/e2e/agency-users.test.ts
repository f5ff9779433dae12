import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import {
  blockOf,
  JOSE,
  openForm,
  optionValues,
  stateOf,
  textOf,
  type OpenedView,
} from "../app/agency-users/slack-form";

const RANKING = "Administrator,Office Manager,Scheduler,Care Coordinator,HR Specialist";
let t: TestApp;
let views = 0;
/** Each form gets its own view id, as Slack gives each opened modal one. */
const asOpened = (view: OpenedView) => ({ ...view, id: `V0FORM${++views}` });
const usersNamed = (username: string) =>
  [...t.runtime.sandbox!.state.caresmartz.agencyUsers.values()].filter((u) => u.username === username);
const grant = async (userId: string, role: "agency-user" | "viewer", office?: string, grants: string[] = []) => {
  const result = await t.runtime.services.access.grant(
    { workspaceId: TEAM, userId: ADMIN },
    { userId, role, ...(office ? { office } : {}), grants },
  );
  expect(result.ok).toBe(true);
};

beforeAll(async () => {
  t = await startTestApp({ ROLE_RANKING: RANKING });
  await t.runtime.services.workspaces.ensure(TEAM);
  t.slack.addUser({ id: "U0TANYA", name: "tanya", realName: "Tanya Ruiz", email: "tanya.ruiz@sunrisecare.example" });
  await grant("U0TANYA", "agency-user", "of-sac", ["create-staff"]);
  await grant("U0VIEWER", "viewer");
});
afterAll(async () => {
  await t.close();
});

describe("/agency-user, an admin", () => {
  it("opens the form with every office and role, creates the user, and confirms privately with nothing personal", async () => {
    const view = await openForm(t, ADMIN, "C0AU1");
    expect(view.callback_id).toBe("agency-user.create");
    expect(optionValues(view, "officeId")).toEqual(["of-sac", "of-fre", "of-stk"]);
    expect(optionValues(view, "roleId")).toHaveLength(5);
    expect(blockOf(view, "officeId").element?.initial_option).toBeUndefined();
    expect(textOf(view.blocks)).toContain("Caresmartz360 (sandbox demo data)");

    const answer = (await t.submit(asOpened(view), stateOf(view, JOSE), ADMIN)).json();
    expect(answer.response_action).toBe("update");
    expect(textOf(answer.view)).toContain("Created *jose.nunez* in Fresno Branch as Scheduler");
    const confirmation = await t.waitFor(() => t.slack.visible("C0AU1", ADMIN).at(-1));
    expect(confirmation.ephemeralTo).toBe(ADMIN);
    expect(confirmation.text).toContain("jose.nunez in Fresno Branch as Scheduler");
    // What the admin reads, not the message's ts: a timestamp such as 1796429555.000003 holds "555".
    expect(textOf([confirmation.text, confirmation.blocks])).not.toMatch(/sunrisecare|555|José/);

    expect(usersNamed("jose.nunez")).toEqual([
      expect.objectContaining({
        officeId: "of-fre",
        mobilePhone: "+15595550101",
        showOnSupervisorList: true,
        lmsManager: true,
        showOnCareCoordinatorList: false,
      }),
    ]);
    expect(t.runtime.sandbox!.state.outbox.at(-1)).toMatchObject({
      to: "jose.nunez@sunrisecare.example",
      kind: "registration",
    });
    expect(await t.runtime.db.prisma.auditEvent.count({ where: { action: "agency-user.create", outcome: "ok" } })).toBe(
      1,
    );
  });

  it("puts each validation error on its field", async () => {
    const view = await openForm(t, ADMIN, "C0AU2");
    const empty = (await t.submit(asOpened(view), stateOf(view, { flags: [] }), ADMIN)).json();
    expect(empty.response_action).toBe("errors");
    expect(Object.keys(empty.errors as object).sort()).toEqual(
      ["businessEmail", "firstName", "lastName", "officeId", "roleId", "username"].sort(),
    );
    const bad = (
      await t.submit(
        asOpened(view),
        stateOf(view, { ...JOSE, username: "ana.b", businessEmail: "ana@", mobilePhone: "555" }),
        ADMIN,
      )
    ).json();
    expect(bad).toEqual({
      response_action: "errors",
      errors: {
        businessEmail: "Enter a valid email address, like name@agency.com.",
        mobilePhone: expect.stringMatching(/^Enter a valid mobile phone number/),
      },
    });
    const taken = (
      await t.submit(asOpened(view), stateOf(view, { ...JOSE, username: "maria.gonzalez" }), ADMIN)
    ).json();
    expect(taken).toEqual({
      response_action: "errors",
      errors: { username: "maria.gonzalez is taken in Caresmartz360; maria.gonzalez2 is free." },
    });
    expect(usersNamed("ana.b")).toHaveLength(0);
  });

  it("a double submit creates one user and confirms once", async () => {
    const view = asOpened(await openForm(t, ADMIN, "C0AU3"));
    const input = { ...JOSE, username: "pat.lee", firstName: "Pat", lastName: "Lee" };
    const answers = await Promise.all([
      t.submit(view, stateOf(view, input), ADMIN),
      t.submit(view, stateOf(view, input), ADMIN),
    ]);
    const texts = answers.map((a) => textOf(a.json()));
    expect(texts.filter((x) => x.includes("Created *pat.lee*"))).toHaveLength(1);
    expect(texts.filter((x) => x.includes("already submitted"))).toHaveLength(1);
    await t.waitFor(() => t.slack.visible("C0AU3", ADMIN).at(-1));
    await new Promise((r) => setTimeout(r, 200));
    expect(t.slack.visible("C0AU3", ADMIN)).toHaveLength(1);
    expect(usersNamed("pat.lee")).toHaveLength(1);
  });
});

describe("a blank username", () => {
  it("is optional in the form and takes the agency's format, numbered past taken ones; the confirmation names it", async () => {
    const view = asOpened(await openForm(t, ADMIN, "C0AU10"));
    expect(blockOf(view, "username")).toMatchObject({
      optional: true,
      hint: { text: expect.stringContaining("blank") },
    });
    const { username: _typed, ...rest } = JOSE;
    const input = { ...rest, firstName: "Dévon", lastName: "Price", businessEmail: "dp2@sunrisecare.example" };
    const answer = (await t.submit(view, stateOf(view, input), ADMIN)).json();
    expect(textOf(answer.view)).toContain("Created *devon.price2* in Fresno Branch as Scheduler");
    const confirmation = await t.waitFor(() => t.slack.visible("C0AU10", ADMIN).at(-1));
    expect(confirmation.text).toContain("devon.price2 in Fresno Branch");
    expect(usersNamed("devon.price2")).toHaveLength(1);
  });
});

describe("the username suggestion as the name is typed", () => {
  const pressEnter = async (
    view: OpenedView,
    input: Parameters<typeof stateOf>[1],
    block: "firstName" | "lastName",
  ) => {
    const before = t.slack.callsTo("views.update").length;
    const opened = { ...view, id: "V0SUGGEST", hash: "h1", state: { values: stateOf(view, input) } };
    await t.press("agency-user.name", "", ADMIN, {
      actions: [{ type: "plain_text_input", action_id: "agency-user.name", block_id: block, value: input[block] }],
      container: { type: "view", view_id: "V0SUGGEST" },
      view: opened,
    });
    return before;
  };

  it("fills the username in the agency's format, accents folded, numbered past taken ones", async () => {
    const view = await openForm(t, ADMIN, "C0AU4");
    const before = await pressEnter(view, { firstName: "María", lastName: "González" }, "lastName");
    const update = await t.waitFor(() => t.slack.callsTo("views.update")[before]);
    expect(update.args).toMatchObject({ view_id: "V0SUGGEST", hash: "h1" });
    const updated = update.args.view as OpenedView;
    expect(blockOf(updated, "username")).toMatchObject({
      block_id: "username.2",
      element: { initial_value: "maria.gonzalez2" },
    });
    expect(JSON.parse(updated.private_metadata)).toMatchObject({ c: "C0AU4", s: "maria.gonzalez2" });

    // The next name change replaces the suggestion it made…
    const again = await pressEnter(
      updated,
      { firstName: "José", lastName: "Núñez Ortiz", username: "maria.gonzalez2" },
      "lastName",
    );
    const second = await t.waitFor(() => t.slack.callsTo("views.update")[again]);
    expect(blockOf(second.args.view as OpenedView, "username")).toMatchObject({
      block_id: "username.3",
      element: { initial_value: "jose.nunezortiz" },
    });
  });

  it("leaves a username the person typed themselves alone", async () => {
    const view = await openForm(t, ADMIN, "C0AU5");
    const before = await pressEnter(view, { firstName: "José", lastName: "Núñez", username: "jn.custom" }, "lastName");
    await new Promise((r) => setTimeout(r, 400));
    expect(t.slack.callsTo("views.update")).toHaveLength(before);
  });
});

describe("/agency-user, an agency user with create-staff", () => {
  it("sees only their own office, preselected, and roles up to their own", async () => {
    const view = await openForm(t, "U0TANYA", "C0AU6");
    expect(optionValues(view, "officeId")).toEqual(["of-sac"]);
    expect(blockOf(view, "officeId").element?.initial_option?.value).toBe("of-sac");
    expect(optionValues(view, "roleId")).toEqual(["ro-sch", "ro-cc", "ro-hr"]);
    expect(textOf(view.blocks)).toContain("at or below your own (Scheduler)");
  });

  it("cannot pick another office or a higher role even by editing the payload", async () => {
    const view = asOpened(await openForm(t, "U0TANYA", "C0AU7"));
    const tampered = { ...view, private_metadata: JSON.stringify({ c: "C0AU7", office: "of-fre", admin: true }) };
    const otherOffice = (
      await t.submit(tampered, stateOf(view, { ...JOSE, username: "t.one", officeId: "of-fre" }), "U0TANYA")
    ).json();
    expect(otherOffice).toEqual({
      response_action: "errors",
      errors: { officeId: expect.stringContaining("only create agency users in your own office") },
    });
    const higherRole = (
      await t.submit(
        tampered,
        stateOf(view, { ...JOSE, username: "t.two", officeId: "of-sac", roleId: "ro-admin" }),
        "U0TANYA",
      )
    ).json();
    expect(higherRole).toEqual({
      response_action: "errors",
      errors: { roleId: "You can't give the Administrator role. You can give roles at or below your own (Scheduler)." },
    });
    expect(usersNamed("t.one")).toHaveLength(0);
    expect(usersNamed("t.two")).toHaveLength(0);
    expect(await t.runtime.db.prisma.auditEvent.count({ where: { actorId: "U0TANYA", outcome: "refused" } })).toBe(2);
  });
});

describe("/agency-user, a viewer", () => {
  it("is refused with who to ask, and no modal opens", async () => {
    const opened = t.slack.callsTo("views.open").length;
    await t.command("/agency-user", "", "U0VIEWER", { channel: "C0AU8" });
    const refusal = await t.waitFor(() => t.slack.visible("C0AU8", "U0VIEWER").at(-1));
    expect(refusal.ephemeralTo).toBe("U0VIEWER");
    expect(refusal.text).toContain("Viewers can't create agency users");
    expect(refusal.text).toContain(`<@${ADMIN}>`);
    expect(t.slack.callsTo("views.open")).toHaveLength(opened);
  });

  it("a forged submission is refused too, and creates nothing", async () => {
    const view = await openForm(t, ADMIN, "C0AU9");
    const answer = (
      await t.submit(asOpened(view), stateOf(view, { ...JOSE, username: "v.forged" }), "U0VIEWER")
    ).json();
    expect(answer.response_action).toBe("update");
    expect(textOf(answer.view)).toContain("Viewers can't create agency users");
    expect(usersNamed("v.forged")).toHaveLength(0);
  });
});
