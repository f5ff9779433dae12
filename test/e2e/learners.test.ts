import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import { testDatabaseKind } from "../support/db";
import { addValues, buttonOf, openedView, pressOn, textOf, uploadedText } from "./learners-support";

describe(`/learner: one CACWT learner at a time (${testDatabaseKind})`, () => {
  let t: TestApp;
  const learner = (email: string) => t.runtime.sandbox!.state.cacwt.learners.get(email);
  beforeAll(async () => {
    t = await startTestApp();
    await t.runtime.services.workspaces.ensure(TEAM);
    await t.runtime.services.access.grant({ workspaceId: TEAM, userId: ADMIN }, { userId: "U0VIEWER", role: "viewer" });
  });
  afterAll(async () => {
    await t.close();
  });

  it("adds a learner through the modal: field errors first, then CACWT creates them with a password Slack never sees", async () => {
    const opened = t.slack.callsTo("views.open").length;
    await t.command("/learner", "add", ADMIN, { channel: "C0L1" });
    const view = await openedView(t, opened);
    expect(view.callback_id).toBe("learner.add");
    const county = (view.blocks as Array<{ block_id?: string; element?: { options?: unknown[] } }>).find(
      (b) => b.block_id === "county",
    );
    expect(county?.element?.options).toHaveLength(58);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles" }).format(new Date());
    expect(JSON.stringify(view.blocks)).toContain(`"initial_date":"${today}"`);
    expect(JSON.stringify(view.blocks)).toContain('"initial_value":"California Community Partners"');

    const bad = (
      await t.submit(
        view,
        addValues({ firstName: "Ivy", lastName: "", email: "carmen.flores@hopefoundation.example.org", county: null }),
        ADMIN,
      )
    ).json();
    expect(bad).toEqual({
      response_action: "errors",
      errors: { county: "Choose the county the learner works in.", lastName: "LastName is required" },
    });
    const taken = (
      await t.submit(
        view,
        addValues({
          firstName: "Ivy",
          lastName: "Park",
          email: "carmen.flores@hopefoundation.example.org",
          county: "Kern",
        }),
        ADMIN,
      )
    ).json();
    expect(taken).toEqual({
      response_action: "errors",
      errors: {
        email: "Carmen Flores already has an active CACWT account with this email; each learner needs their own email.",
      },
    });

    const done = await t.submit(
      view,
      addValues({
        firstName: "Ivy",
        lastName: "Park",
        email: "Ivy.Park@p.example",
        county: "Kern",
        roles: ["supervisor"],
      }),
      ADMIN,
    );
    expect(done.json()).toEqual({});
    const added = await t.waitFor(() =>
      t.slack.visible("C0L1", ADMIN).find((m) => m.text.startsWith("Added Ivy Park")),
    );
    expect(added.ephemeralTo).toBe(ADMIN);
    expect(added.text).toBe(
      "Added Ivy Park to CACWT (sandbox demo data) as Active; CACWT (sandbox demo data) emailed them a temporary password.",
    );
    expect(learner("ivy.park@p.example")).toMatchObject({
      employeeType: "Kern County Community Partner",
      dateHire: "2026-11-20",
      supervisor: true,
      trainingManager: false,
    });
    const password = t.runtime.sandbox!.state.cacwt.passwords.get("ivy.park@p.example")!;
    expect(password).toHaveLength(20);
    expect(JSON.stringify(t.slack.calls)).not.toContain(password);
    expect(JSON.stringify(await t.runtime.db.prisma.auditEvent.findMany())).not.toContain(password);
  });

  it("offers to reactivate an archived learner instead of adding a duplicate", async () => {
    const opened = t.slack.callsTo("views.open").length;
    await t.command("/learner", "add", ADMIN, { channel: "C0L2" });
    const view = await openedView(t, opened);
    const answer = (
      await t.submit(
        view,
        addValues({
          firstName: "Rachel",
          lastName: "Adams",
          email: "rachel.adams@hopefoundation.example.org",
          county: "Riverside",
        }),
        ADMIN,
      )
    ).json();
    expect(answer.response_action).toBe("update");
    const offer = answer.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(offer.callback_id).toBe("learner.reactivate-offer");
    expect(JSON.stringify(offer.blocks)).toContain(
      "already has an account in CACWT (sandbox demo data), and it is archived",
    );
    expect(learner("rachel.adams@hopefoundation.example.org")?.status).toBe("Archived");

    expect((await t.submit(offer, {}, ADMIN)).json()).toEqual({});
    const done = await t.waitFor(() =>
      t.slack.visible("C0L2", ADMIN).find((m) => m.text.includes("Rachel Adams is now active")),
    );
    expect(done.ephemeralTo).toBe(ADMIN);
    expect(learner("rachel.adams@hopefoundation.example.org")?.status).toBe("Active");
    expect(
      [...t.runtime.sandbox!.state.cacwt.learners.values()].filter((l) => l.email.startsWith("rachel.adams")),
    ).toHaveLength(1);
  });

  it("shows a learner privately with Archive, which archives and reads the status back; /learner reactivate undoes it", async () => {
    await t.command("/learner", "carmen flores", ADMIN, { channel: "C0L3" });
    const card = structuredClone(await t.waitFor(() => t.slack.visible("C0L3", ADMIN).at(-1)));
    expect(card.ephemeralTo).toBe(ADMIN);
    expect(textOf(card)).toContain("carmen.flores@hopefoundation.example.org");
    expect(buttonOf(card, "learner.archive").value).toBe("carmen.flores@hopefoundation.example.org");

    await pressOn(t, card, "learner.archive", ADMIN);
    await t.waitFor(
      () => textOf(t.slack.visible("C0L3", ADMIN).at(-1)!).includes("Carmen Flores is now archived") || undefined,
    );
    expect(learner("carmen.flores@hopefoundation.example.org")?.status).toBe("Archived");
    expect(buttonOf(t.slack.visible("C0L3", ADMIN).at(-1)!, "learner.reactivate")).toBeDefined();

    await t.command("/learner", "reactivate Carmen.Flores@hopefoundation.example.org", ADMIN, { channel: "C0L4" });
    const back = await t.waitFor(() => t.slack.visible("C0L4", ADMIN).at(-1));
    expect(back.text).toBe("Carmen Flores is now active in CACWT (sandbox demo data).");
    await t.command("/learner", "reactivate carmen.flores@hopefoundation.example.org", ADMIN, { channel: "C0L5" });
    expect((await t.waitFor(() => t.slack.visible("C0L5", ADMIN).at(-1))).text).toContain("was already active");
    const audits = await t.runtime.db.prisma.auditEvent.findMany({
      where: { targetId: "carmen.flores@hopefoundation.example.org" },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => `${a.action}:${a.outcome}`)).toEqual(["learner.archive:ok", "learner.reactivate:ok"]);
  });

  it("lets a viewer look up but not add or archive", async () => {
    const opened = t.slack.callsTo("views.open").length;
    await t.command("/learner", "add", "U0VIEWER", { channel: "C0L6" });
    expect((await t.waitFor(() => t.slack.visible("C0L6", "U0VIEWER").at(-1))).text).toContain(
      "Viewers can't add, archive or reactivate learners",
    );
    expect(t.slack.callsTo("views.open")).toHaveLength(opened);
    await t.command("/learner", "archive derek.nguyen@hopefoundation.example.org", "U0VIEWER", { channel: "C0L7" });
    expect((await t.waitFor(() => t.slack.visible("C0L7", "U0VIEWER").at(-1))).text).toContain("Viewers can't");
    expect(learner("derek.nguyen@hopefoundation.example.org")?.status).toBe("Active");
    await t.command("/learner", "derek.nguyen@hopefoundation.example.org", "U0VIEWER", { channel: "C0L8" });
    expect(textOf(await t.waitFor(() => t.slack.visible("C0L8", "U0VIEWER").at(-1)))).toContain("Derek Nguyen");
  });

  it("/learner template uploads the creation and archival templates where it was typed", async () => {
    await t.command("/learner", "template", ADMIN, { channel: "C0L9" });
    const creation = await t.waitFor(() => uploadedText(t, "cacwt-learners-creation-template.csv"));
    const archival = await t.waitFor(() => uploadedText(t, "cacwt-learners-archival-template.csv"));
    expect(creation.replace(/^\uFEFF/, "").trim()).toBe(
      '"UserID","LastName","FirstName","Email","Password","Status","Affiliation","OrganizationName","EmployeeType","RTADepartment","RTAJobTitle","RTAJobCode","AreaOfAssignment","DateHire","DateTransfer","UserLevel","AssocLMSID"',
    );
    expect(archival.replace(/^\uFEFF/, "").trim()).toBe(
      '"UserID","LastName","FirstName","Email","Affiliation","EmploymentType"',
    );
    const complete = await t.waitFor(() =>
      t.slack.callsTo("files.completeUploadExternal").find((c) => c.args.channel_id === "C0L9"),
    );
    expect((complete.args.files as Array<{ title: string }>).map((f) => f.title)).toEqual([
      "cacwt-learners-creation-template.csv",
      "cacwt-learners-archival-template.csv",
    ]);
  });

  it("/learner template archive uploads the archival layout only, with how it is read", async () => {
    await t.command("/learner", "template archive", ADMIN, { channel: "C0LA" });
    const complete = await t.waitFor(() =>
      t.slack.callsTo("files.completeUploadExternal").find((c) => c.args.channel_id === "C0LA"),
    );
    expect((complete.args.files as Array<{ title: string }>).map((f) => f.title)).toEqual([
      "cacwt-learners-archival-template.csv",
    ]);
    expect(String(complete.args.initial_comment)).toContain("archives every learner it lists");
  });

  it("shows the learners CACWT has under the same name before adding; a second Add adds them anyway", async () => {
    const opened = t.slack.callsTo("views.open").length;
    await t.command("/learner", "add", ADMIN, { channel: "C0L4" });
    const view = await openedView(t, opened);
    const values = addValues({
      firstName: "derek",
      lastName: "NGUYÊN",
      email: "derek.n@newpartner.example",
      county: "Kern",
      roles: ["trainingManager"],
    });
    const answer = (await t.submit(view, values, ADMIN)).json();
    expect(answer.response_action).toBe("update");
    const warned = answer.view as {
      callback_id: string;
      private_metadata: string;
      blocks: unknown[];
      submit: { text: string };
    };
    expect(warned.callback_id).toBe("learner.add");
    expect(warned.submit.text).toBe("Add anyway");
    const shown = JSON.stringify(warned.blocks);
    expect(shown).toContain(
      "1 learner named derek NGUYÊN already exists in CACWT (sandbox demo data)* under other emails:\\n• Derek Nguyen — derek.nguyen@hopefoundation.example.org (Active)",
    );
    // What was typed is kept.
    expect(shown).toContain('"initial_value":"derek.n@newpartner.example"');
    expect(shown).toContain('"initial_option":{"text":{"type":"plain_text","text":"Kern"');
    expect(shown).toContain('"initial_date":"2026-11-20"');
    expect(learner("derek.n@newpartner.example")).toBeUndefined();

    expect((await t.submit(warned, values, ADMIN)).json()).toEqual({});
    await t.waitFor(() => t.slack.visible("C0L4", ADMIN).find((m) => m.text.startsWith("Added derek NGUYÊN")));
    expect(learner("derek.n@newpartner.example")).toMatchObject({ trainingManager: true, status: "Active" });
  });
});
