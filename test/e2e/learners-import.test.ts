import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import { testDatabaseKind } from "../support/db";
import {
  buttonOf,
  buttons,
  fixture,
  inThread,
  pressOn,
  settle,
  shareFile,
  textOf,
  uploadedText,
} from "./learners-support";

const MESSY_NEW = [
  "ana.garcia100@partner2.org",
  "luis.chen101@partner3.org",
  "fatima.clark105@partner1.org",
  "olga.nguyen106@partner2.org",
  "tom.martinez107@partner3.org",
  "jose.jones110@partner3.org",
  "mia.young111@partner3.org",
];

describe(`CACWT learner import from a CSV shared in Slack (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CSV_MAX_BYTES: "65536", CSV_MAX_ROWS: "50" });
    await t.runtime.services.workspaces.ensure(TEAM);
  });
  afterAll(async () => {
    await t.close();
  });

  it("previews the messy fixture in the file's thread, imports it once however often Import is pressed, and logs every line", async () => {
    const channel = "C0IMP1";
    const { ts } = await shareFile(t, {
      name: "cacwt_learners_messy.csv",
      content: fixture("cacwt_learners_messy.csv"),
      user: ADMIN,
      channel,
    });
    // A copy: chat.update changes the stand-in's message in place, and the presses below are on the original.
    const preview = structuredClone(await t.waitFor(() => inThread(t, channel, ts)[0]));
    const text = textOf(preview);
    expect(preview.ephemeralTo).toBeUndefined();
    expect(text).toContain(
      "Create *7* (1 of them created as Archived) · Update *0* · Archive *0* · Reactivate *0* · Unchanged *0* · Rejected *5*",
    );
    expect(text).toContain("*To create* (the first 5 of 7)\\n• Ana Garcia — ana.garcia100@partner2.org");
    expect(text).toContain('Line 4: Email \\"not-an-email\\" is not a valid email address');
    expect(text).toContain("Line 5: FirstName is required");
    expect(text).toContain("Line 6: This email is a duplicate of line 2");
    expect(text).toContain("Line 10: EmployeeType");
    expect(text).toContain("Line 11: Affiliation");
    expect(text).not.toContain("Line 14");
    expect(text).toContain("CACWT (sandbox demo data)");
    expect(buttons(preview).map((b) => b.text.text)).toEqual([
      "Import 7 rows",
      "Cancel",
      "Download errors",
      "Download changes",
    ]);
    expect(MESSY_NEW.some((email) => t.runtime.sandbox!.state.cacwt.learners.has(email))).toBe(false);

    await pressOn(t, preview, "learner.import-changes", ADMIN);
    const changesCsv = await t.waitFor(() => uploadedText(t, "changes-cacwt_learners_messy.csv"));
    expect((parse(changesCsv, { bom: true }) as string[][]).map((r) => `${r[0]} ${r[1]}`)).toEqual([
      "Kind Line",
      "create 2",
      "create 3",
      "rejected 4",
      "rejected 5",
      "rejected 6",
      "create 7",
      "create 8",
      "create 9",
      "rejected 10",
      "rejected 11",
      "create 12",
      "create 13",
    ]);

    await pressOn(t, preview, "learner.import-errors", ADMIN);
    const errorsPost = await t.waitFor(() =>
      inThread(t, channel, ts).find((m) => m.text.includes("errors-cacwt_learners_messy.csv")),
    );
    expect(errorsPost).toBeDefined();
    const errorsCsv = await t.waitFor(() => uploadedText(t, "errors-cacwt_learners_messy.csv"));
    expect((parse(errorsCsv, { bom: true }) as string[][]).map((r) => r[0])).toEqual([
      "Line",
      "4",
      "5",
      "6",
      "10",
      "11",
    ]);

    const [first, second] = await Promise.all([
      pressOn(t, preview, "learner.import", ADMIN),
      pressOn(t, preview, "learner.import", ADMIN),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const log = await t.waitFor(
      () => inThread(t, channel, ts).find((m) => m.text.startsWith("Import log of cacwt_learners_messy.csv")),
      20_000,
    );
    expect(textOf(log)).toContain("created: *7* · rejected: *5*");
    const logCsv = await t.waitFor(() => uploadedText(t, "import-log-cacwt_learners_messy.csv"));
    const rows = parse(logCsv, { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => `${r[0]} ${r[4]}`)).toEqual([
      "2 created",
      "3 created",
      "4 rejected",
      "5 rejected",
      "6 rejected",
      "7 created",
      "8 created",
      "9 created",
      "10 rejected",
      "11 rejected",
      "12 created",
      "13 created",
    ]);
    expect(rows.find((r) => r[0] === "9")?.[2]).toBe(`'=HYPERLINK("http://evil.example","click")`);

    const jobs = await t.runtime.db.prisma.job.findMany({
      where: { kind: "learner-import", status: { not: "preview" } },
    });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: "done", failed: 0, approvedBy: ADMIN, threadTs: ts });
    expect(await t.runtime.jobStore.outcomes(jobs[0]!.id)).toEqual({ created: 7 });
    const learners = t.runtime.sandbox!.state.cacwt.learners;
    expect(MESSY_NEW.map((email) => learners.get(email)?.status)).toEqual([
      "Active",
      "Active",
      "Active",
      "Archived",
      "Active",
      "Active",
      "Active",
    ]);
    expect(learners.get("luis.chen101@partner3.org")?.lastName).toBe("O'Neil, Jr.");
    expect(learners.get("jose.jones110@partner3.org")?.lastName).toBe("Nguyễn");

    // The preview's buttons gave way to who started it; the second press was told so, privately.
    const updated = t.slack.messages.find((m) => m.ts === preview.ts)!;
    expect(textOf(updated)).toContain(`Import started by <@${ADMIN}>`);
    expect(buttons(updated).map((b) => b.action_id)).toEqual(["learner.import-errors", "learner.import-changes"]);
    const told = await t.waitFor(() =>
      t.slack.visible(channel, ADMIN).find((m) => m.ephemeralTo === ADMIN && m.text.includes("already started")),
    );
    expect(told).toBeDefined();
    // The progress message and the generic report are in the file's thread too.
    const progress = inThread(t, channel, ts).find((m) => m.text.startsWith("Learner import"));
    expect(progress?.text).toContain("7 of 7");
  });

  it("recognizes the same file uploaded again and offers nothing to import", async () => {
    const channel = "C0IMP2";
    const { ts } = await shareFile(t, {
      name: "again.csv",
      content: fixture("cacwt_learners_messy.csv"),
      user: ADMIN,
      channel,
    });
    const preview = await t.waitFor(() => inThread(t, channel, ts)[0]);
    expect(textOf(preview)).toContain(`This same file was already imported on`);
    expect(textOf(preview)).toContain(`by <@${ADMIN}>; importing it again changes nothing.`);
    expect(textOf(preview)).toContain("Unchanged *7*");
    expect(buttons(preview).map((b) => b.action_id)).toEqual(["learner.import-errors"]);
  });

  it("refuses an upload by someone without access, in the thread, without downloading the file", async () => {
    const channel = "C0IMP3";
    await t.runtime.services.access.grant({ workspaceId: TEAM, userId: ADMIN }, { userId: "U0VIEWER", role: "viewer" });
    for (const user of ["U0STRANGER", "U0VIEWER"]) {
      const { ts, fileId } = await shareFile(t, {
        name: "learners.csv",
        content: fixture("cacwt_learners_valid.csv"),
        user,
        channel,
      });
      const reply = await t.waitFor(() => inThread(t, channel, ts)[0]);
      expect(reply.text).toMatch(
        /^carebridge can't import learners\.csv: (You don't have access to carebridge yet|Viewers can't import learners from a CSV)\. Ask an admin/,
      );
      expect(t.slack.downloads).not.toContain(fileId);
    }
    expect(await t.runtime.db.prisma.upload.count({ where: { channelId: channel } })).toBe(0);
  });

  it("answers a non-CSV file in carebridge's DM, and stays silent about one in a channel", async () => {
    const dm = await shareFile(t, {
      name: "photo.png",
      content: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      user: ADMIN,
      channel: "D0IMP4",
      mimetype: "image/png",
    });
    const reply = await t.waitFor(() => inThread(t, "D0IMP4", dm.ts)[0]);
    expect(reply.text).toBe(
      'carebridge can\'t import photo.png: photo.png is not a CSV file; carebridge imports learners from the CACWT import template (/learner template) saved as "CSV UTF-8".',
    );
    const inChannel = await shareFile(t, {
      name: "photo.png",
      content: Buffer.from([0x89, 0x50]),
      user: ADMIN,
      channel: "C0IMP4",
      mimetype: "image/png",
    });
    await settle(500);
    expect(inThread(t, "C0IMP4", inChannel.ts)).toEqual([]);
    expect(t.slack.downloads).not.toContain(dm.fileId);
    expect(t.slack.downloads).not.toContain(inChannel.fileId);
  });

  it("says clearly when a file is over a limit, a workbook, or a Slack sign-in page", async () => {
    const channel = "C0IMP5";
    const big = await shareFile(t, { name: "big.csv", content: "x".repeat(70_000), user: ADMIN, channel });
    expect((await t.waitFor(() => inThread(t, channel, big.ts)[0])).text).toBe(
      "carebridge can't import big.csv: The file is larger than 64 KB; split it into smaller files.",
    );
    expect(t.slack.downloads).not.toContain(big.fileId);

    const header = "Email,FirstName,LastName,Affiliation,EmployeeType\n";
    const many =
      header +
      Array.from(
        { length: 51 },
        (_, i) => `p${i}@p.example,P,Q,California Community Partners,Kern County Community Partner\n`,
      ).join("");
    const rows = await shareFile(t, { name: "many.csv", content: many, user: ADMIN, channel });
    expect((await t.waitFor(() => inThread(t, channel, rows.ts)[0])).text).toBe(
      "carebridge can't import many.csv: The file has more than 50 rows; split it into smaller files.",
    );

    const book = await shareFile(t, {
      name: "book.csv",
      content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]),
      user: ADMIN,
      channel,
    });
    expect((await t.waitFor(() => inThread(t, channel, book.ts)[0])).text).toMatch(
      /^carebridge can't import book\.csv: The file is an Excel workbook, not a CSV/,
    );

    const file = t.slack.addFile({
      name: "login.csv",
      content: fixture("cacwt_learners_valid.csv"),
      user: ADMIN,
      channel,
    });
    t.slack.downloadOverrides.set(file.id, {
      contentType: "text/html; charset=utf-8",
      body: "<!DOCTYPE html><html>Sign in</html>",
    });
    const { content: _bytes, ...meta } = file;
    await t.event({
      type: "message",
      subtype: "file_share",
      channel,
      channel_type: "channel",
      user: ADMIN,
      ts: "1800000001.000001",
      text: "",
      files: [meta],
    });
    const login = await t.waitFor(() => inThread(t, channel, "1800000001.000001")[0]);
    expect(login.text).toContain("Slack sent a sign-in page instead of the file");
  });

  it("Cancel drops the preview, and a later Import says it was cancelled", async () => {
    const channel = "C0IMP6";
    const csv =
      "Email,FirstName,LastName,Affiliation,EmployeeType\nzoe.cancel@p.example,Zoe,Cancel,California Community Partners,Kern County Community Partner\n";
    const { ts } = await shareFile(t, { name: "cancel.csv", content: csv, user: ADMIN, channel });
    const preview = structuredClone(await t.waitFor(() => inThread(t, channel, ts)[0]));
    expect(buttonOf(preview, "learner.import").text.text).toBe("Import 1 row");
    await pressOn(t, preview, "learner.import-cancel", ADMIN);
    await t.waitFor(
      () => textOf(t.slack.messages.find((m) => m.ts === preview.ts)!).includes("Cancelled by") || undefined,
    );
    await pressOn(t, preview, "learner.import", ADMIN);
    const told = await t.waitFor(() => t.slack.visible(channel, ADMIN).find((m) => m.text.includes("was cancelled")));
    expect(told.ephemeralTo).toBe(ADMIN);
    expect(t.runtime.sandbox!.state.cacwt.learners.has("zoe.cancel@p.example")).toBe(false);
  });
});
