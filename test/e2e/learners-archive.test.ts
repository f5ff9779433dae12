import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import { testDatabaseKind } from "../support/db";
import { archiveValues, buttonOf, buttons, inThread, openedView, pressOn, shareFile, textOf } from "./learners-support";

const ADMIN2 = "U0ADMIN2";
const HOPE = "hopefoundation.example.org";
const VALLEY = "valleypartners.example.org";

describe(`/learner archive-bulk (${testDatabaseKind})`, () => {
  let t: TestApp;
  const status = (email: string) => t.runtime.sandbox!.state.cacwt.learners.get(email)?.status;
  beforeAll(async () => {
    // Above 2 learners needs a second admin; the share of the 9 active ones never decides here.
    t = await startTestApp({ ARCHIVE_MAX_COUNT: "2", ARCHIVE_MAX_SHARE: "1" });
    await t.runtime.services.workspaces.ensure(TEAM);
    await t.runtime.services.access.grant({ workspaceId: TEAM, userId: ADMIN }, { userId: ADMIN2, role: "admin" });
  });
  afterAll(async () => {
    await t.close();
  });

  async function preview(channel: string, filter: Parameters<typeof archiveValues>[0]) {
    const opened = t.slack.callsTo("views.open").length;
    await t.command("/learner", "archive-bulk", ADMIN, { channel });
    const view = await openedView(t, opened);
    expect(view.callback_id).toBe("learner.archive-bulk");
    expect((await t.submit(view, archiveValues(filter), ADMIN)).json()).toEqual({});
    return structuredClone(
      await t.waitFor(() =>
        t.slack.visible(channel, ADMIN).find((m) => m.ephemeralTo === ADMIN && buttons(m).length > 0),
      ),
    );
  }

  it("previews privately, archives on Confirm with progress and a report, and Reactivate all undoes exactly that run", async () => {
    const opened = t.slack.callsTo("views.open").length;
    await t.command("/learner", "archive-bulk", ADMIN, { channel: "C0B1" });
    const view = await openedView(t, opened);
    expect((await t.submit(view, archiveValues({ emailDomain: "not a domain" }), ADMIN)).json()).toEqual({
      response_action: "errors",
      errors: { emailDomain: "Enter an email domain such as sdsu.edu." },
    });

    const shown = await preview("C0B1", { emailDomain: VALLEY, county: "San Diego" });
    expect(textOf(shown)).toContain("*Archive 2 learners* in CACWT (sandbox demo data)");
    expect(textOf(shown)).toContain(
      `Active learners with affiliation California Community Partners, with an email address at @${VALLEY}, in San Diego County`,
    );
    // Every candidate is listed, by name and email, in the order of the sample before.
    expect(textOf(shown)).toContain(`Marco Bianchi · marco.bianchi@${VALLEY}`);
    expect(textOf(shown).indexOf("Marco Bianchi ·")).toBeLessThan(textOf(shown).indexOf("Leilani Kahale ·"));
    expect(status(`marco.bianchi@${VALLEY}`)).toBe("Active");

    await pressOn(t, shown, "learner.archive-bulk-confirm", ADMIN);
    const progress = await t.waitFor(() =>
      t.slack.visible("C0B1").find((m) => !m.threadTs && m.text.startsWith("Learner archive")),
    );
    const undo = structuredClone(
      await t.waitFor(() => t.slack.messages.find((m) => m.threadTs === progress.ts && m.text.startsWith("Undo"))),
    );
    const report = await t.waitFor(() =>
      t.slack.messages.find((m) => m.threadTs === progress.ts && m.text.startsWith("Learner archive finished")),
    );
    expect(report.text).toBe("Learner archive finished: 2 of 2, 0 failed");
    expect([
      status(`marco.bianchi@${VALLEY}`),
      status(`leilani.kahale@${VALLEY}`),
      status(`nadia.petrova@${VALLEY}`),
    ]).toEqual(["Archived", "Archived", "Active"]);
    expect(buttonOf(undo, "learner.reactivate-all").text.text).toBe("Reactivate all 2");

    await Promise.all([
      pressOn(t, undo, "learner.reactivate-all", ADMIN),
      pressOn(t, undo, "learner.reactivate-all", ADMIN),
    ]);
    await t.waitFor(() =>
      t.slack.visible("C0B1").find((m) => !m.threadTs && m.text.startsWith("Learner reactivation")),
    );
    await t.waitFor(
      () =>
        (status(`marco.bianchi@${VALLEY}`) === "Active" && status(`leilani.kahale@${VALLEY}`) === "Active") ||
        undefined,
    );
    expect(status(`trevor.hughes@${VALLEY}`)).toBe("Archived");
    expect(await t.runtime.db.prisma.job.count({ where: { kind: "learner-reactivate" } })).toBe(1);
  });

  it("Leave out and Put back on the preview change who is archived; the threshold counts who is left", async () => {
    const channel = "C0B4";
    let shown = await preview(channel, { emailDomain: HOPE });
    expect(textOf(shown)).toContain("*Archive 4 learners*");
    expect(textOf(shown)).toContain("another admin has to approve");
    const rowButton = (message: typeof shown, name: string) => {
      const block = (
        message.blocks as Array<{ text?: { text: string }; accessory?: { action_id: string; value: string } }>
      ).find((b) => b.text?.text.includes(name) && b.accessory);
      if (!block?.accessory) throw new Error(`no row for ${name} in ${textOf(message)}`);
      return block.accessory;
    };
    const pressRow = async (name: string) => {
      const button = rowButton(shown, name);
      await t.press(button.action_id, button.value, ADMIN, {
        channel: { id: channel },
        container: { type: "message", message_ts: shown.ts, channel_id: channel },
        message: { ts: shown.ts, text: shown.text, blocks: shown.blocks },
        ...(shown.responseUrl ? { response_url: shown.responseUrl } : {}),
      });
      // The preview replaced in place (the stand-in posts the first replacement of a chat.postEphemeral anew).
      const before = JSON.stringify(shown.blocks);
      shown = structuredClone(
        await t.waitFor(() => {
          const latest = t.slack
            .visible(channel, ADMIN)
            .filter((m) => m.ephemeralTo === ADMIN && m.text.startsWith("Archive "))
            .at(-1);
          return latest && JSON.stringify(latest.blocks) !== before ? latest : undefined;
        }),
      );
    };
    expect(rowButton(shown, "Carmen Flores").action_id).toBe("learner.archive-bulk-leave-out");
    await pressRow("Carmen Flores");
    await pressRow("Imani Jackson");
    expect(rowButton(shown, "Carmen Flores").action_id).toBe("learner.archive-bulk-put-back");
    await pressRow("Paul Schneider");
    await pressRow("Paul Schneider");
    expect(textOf(shown)).toContain("*Archive 2 learners*");
    expect(textOf(shown)).toContain("you left out 2");
    expect(textOf(shown)).not.toContain("another admin has to approve");
    expect(buttonOf(shown, "learner.archive-bulk-confirm").text.text).toBe("Archive 2 learners");

    await pressOn(t, shown, "learner.archive-bulk-confirm", ADMIN);
    await t.waitFor(() =>
      t.slack.messages.find((m) => m.channel === channel && m.text === "Learner archive finished: 2 of 2, 0 failed"),
    );
    expect([
      status(`carmen.flores@${HOPE}`),
      status(`imani.jackson@${HOPE}`),
      status(`derek.nguyen@${HOPE}`),
      status(`paul.schneider@${HOPE}`),
    ]).toEqual(["Active", "Active", "Archived", "Archived"]);
    // Back as they were for the next test.
    for (const email of [`derek.nguyen@${HOPE}`, `paul.schneider@${HOPE}`])
      t.runtime.sandbox!.state.cacwt.learners.get(email)!.status = "Active";
  });

  it("stops above the threshold before any change; the asker cannot approve, another admin can", async () => {
    const shown = await preview("C0B2", { emailDomain: HOPE });
    expect(textOf(shown)).toContain("*Archive 4 learners*");
    expect(textOf(shown)).toContain("another admin has to approve before anyone is archived");
    await pressOn(t, shown, "learner.archive-bulk-confirm", ADMIN);

    const request = structuredClone(
      await t.waitFor(() =>
        t.slack.visible("C0B2").find((m) => !m.ephemeralTo && m.text.startsWith("Approval needed")),
      ),
    );
    expect(textOf(request)).toContain(`<@${ADMIN}> asks to archive *4 learners*`);
    const job = await t.runtime.db.prisma.job.findFirstOrThrow({
      where: { kind: "learner-archive", status: "awaiting-second-approval" },
    });
    expect(job.processed).toBe(0);
    expect(status(`carmen.flores@${HOPE}`)).toBe("Active");

    await pressOn(t, request, "learner.archive-bulk-approve", ADMIN);
    const refused = await t.waitFor(() =>
      t.slack
        .visible("C0B2", ADMIN)
        .find((m) => m.ephemeralTo === ADMIN && m.text.includes("another admin has to approve it")),
    );
    expect(refused.text).toBe("You asked for this archive, so another admin has to approve it.");
    expect(status(`carmen.flores@${HOPE}`)).toBe("Active");

    await pressOn(t, request, "learner.archive-bulk-approve", ADMIN2);
    await t.waitFor(() =>
      [`carmen.flores@${HOPE}`, `derek.nguyen@${HOPE}`, `imani.jackson@${HOPE}`, `paul.schneider@${HOPE}`].every(
        (e) => status(e) === "Archived",
      )
        ? true
        : undefined,
    );
    const decided = t.slack.messages.find((m) => m.ts === request.ts)!;
    expect(textOf(decided)).toContain(`Approved by <@${ADMIN2}>`);
    expect(buttons(decided)).toEqual([]);
    const audits = await t.runtime.db.prisma.auditEvent.findMany({
      where: { targetId: job.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => `${a.actorId} ${a.action} ${a.outcome}`)).toEqual([
      `${ADMIN} learner.archive-bulk.request ok`,
      `${ADMIN} learner.archive-bulk.approve refused`,
      `${ADMIN2} learner.archive-bulk.approve ok`,
    ]);
  });

  it("a CSV that archives above the threshold waits for another admin; its import log offers Reactivate all", async () => {
    const channel = "C0B3";
    const leavers = [
      [`leilani.kahale@${VALLEY}`, "Leilani", "Kahale", "San Diego"],
      [`marco.bianchi@${VALLEY}`, "Marco", "Bianchi", "San Diego"],
      [`nadia.petrova@${VALLEY}`, "Nadia", "Petrova", "Imperial"],
    ];
    const csv = [
      "Email,FirstName,LastName,Status,Affiliation,EmployeeType",
      ...leavers.map(
        ([email, first, last, county]) =>
          `${email},${first},${last},Archived,California Community Partners,${county} County Community Partner`,
      ),
    ].join("\n");
    const { ts } = await shareFile(t, { name: "leavers.csv", content: csv, user: ADMIN, channel });
    const preview = structuredClone(await t.waitFor(() => inThread(t, channel, ts)[0]));
    expect(textOf(preview)).toContain("Archive *3*");
    expect(textOf(preview)).toContain(
      "Importing it archives 3 learners: that is more than 2 learners or more than 100% of the",
    );
    expect(buttonOf(preview, "learner.import").text.text).toBe("Ask for approval");

    await pressOn(t, preview, "learner.import", ADMIN);
    const request = structuredClone(
      await t.waitFor(() => inThread(t, channel, ts).find((m) => m.text.startsWith("Approval needed"))),
    );
    expect(textOf(request)).toContain(
      `<@${ADMIN}> asks to archive *3 learners* in CACWT (sandbox demo data): rows with Status Archived in leavers.csv.`,
    );
    const told = await t.waitFor(() =>
      t.slack.visible(channel, ADMIN).find((m) => m.ephemeralTo === ADMIN && m.text.startsWith("Nothing is imported")),
    );
    expect(told.text).toBe(
      "Nothing is imported until another admin approves. I asked the other admins in this thread.",
    );
    const settled = t.slack.messages.find((m) => m.ts === preview.ts)!;
    expect(textOf(settled)).toContain(`<@${ADMIN}> asked for another admin's approval`);
    expect(buttons(settled).map((b) => b.action_id)).toEqual(["learner.import-changes"]);
    expect(leavers.map(([email]) => status(email!))).toEqual(["Active", "Active", "Active"]);

    await pressOn(t, request, "learner.archive-bulk-approve", ADMIN2);
    const log = structuredClone(
      await t.waitFor(
        () => inThread(t, channel, ts).find((m) => m.text.startsWith("Import log of leavers.csv")),
        20_000,
      ),
    );
    expect(textOf(log)).toContain("archived: *3*");
    expect(leavers.map(([email]) => status(email!))).toEqual(["Archived", "Archived", "Archived"]);
    expect(textOf(t.slack.messages.find((m) => m.ts === request.ts)!)).toContain(`Approved by <@${ADMIN2}>`);
    expect(buttonOf(log, "learner.reactivate-all").text.text).toBe("Reactivate all 3");

    await pressOn(t, log, "learner.reactivate-all", ADMIN);
    await t.waitFor(() => inThread(t, channel, ts).find((m) => m.text.startsWith("Learner reactivation")));
    await t.waitFor(() => leavers.every(([email]) => status(email!) === "Active") || undefined);
    expect(status(`trevor.hughes@${VALLEY}`)).toBe("Archived");
  });
});
