import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, fixture, runImport, startHarness, TEAM, type Harness } from "./harness";

const MESSY_NEW = [
  "ana.garcia100@partner2.org",
  "luis.chen101@partner3.org",
  "fatima.clark105@partner1.org",
  "olga.nguyen106@partner2.org",
  "tom.martinez107@partner3.org",
  "jose.jones110@partner3.org",
  "mia.young111@partner3.org",
];

describe(`CSV import of CACWT learners (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ CSV_MAX_ROWS: "30" });
  });
  afterAll(async () => {
    await h.close();
  });

  it("previews the messy fixture as its README says: 7 create (1 as Archived), 5 rejected with line and reason", async () => {
    const file = h.file("cacwt_learners_messy.csv", fixture("cacwt_learners_messy.csv"));
    const result = await h.learners.imports.preview(ADMIN, file);
    if (!result.ok) throw new Error(result.problems[0]?.message);
    const { preview } = result;
    expect(preview.counts).toEqual({ create: 7, update: 0, reactivate: 0, archive: 0, unchanged: 0, rejected: 5 });
    expect(preview.createdArchived).toBe(1);
    expect(preview.renamed).toBe(0);
    expect(preview.firstRows?.create).toHaveLength(5);
    expect(preview.firstRows?.create[0]).toEqual({ line: 2, email: "ana.garcia100@partner2.org", firstName: "Ana", lastName: "Garcia" });
    expect(preview.firstRows?.create[1]).toMatchObject({ line: 3, firstName: "Luis", lastName: "O'Neil, Jr." });
    expect(preview.firstRows?.update).toEqual([]);
    expect(preview.rejected.map((r) => [r.line, r.problems.join("; ")])).toEqual([
      [4, 'Email "not-an-email" is not a valid email address'],
      [5, "FirstName is required"],
      [6, "This email is a duplicate of line 2"],
      [
        10,
        'EmployeeType "Riverside Community Partner" must be "<County> County Community Partner", e.g. "Riverside County Community Partner"',
      ],
      [11, 'Affiliation "Calif. Community Partners" must be California Community Partners'],
    ]);
    expect(preview.previousImport).toBeNull();
    const upload = await h.db.prisma.upload.findUniqueOrThrow({ where: { id: preview.uploadId } });
    expect(upload).toMatchObject({
      slackFileId: file.id,
      status: "previewed",
      jobId: preview.jobId,
      threadTs: file.threadTs,
    });
    expect(upload.sha256).toMatch(/^[0-9a-f]{64}$/);
    const job = await h.deps.jobStore.get(preview.jobId);
    expect(job).toMatchObject({ status: "preview", kind: "learner-import", total: 7 });
    // Nothing reached CACWT yet.
    expect(MESSY_NEW.some((email) => h.sandbox.state.cacwt.learners.has(email))).toBe(false);

    const errors = await h.learners.imports.errors(ADMIN, preview.jobId);
    if (!errors.ok) throw new Error("no errors file");
    const rows = parse(errors.file.content, { bom: true }) as string[][];
    expect(rows.map((r) => r[0])).toEqual(["Line", "4", "5", "6", "10", "11"]);
  });

  it("imports the 7 rows with per-row calls, each learner with a strong password of their own, and logs every line", async () => {
    const file = h.file("messy-again.csv", fixture("cacwt_learners_messy.csv"));
    // The first test's preview is still waiting; this is a second upload of the same bytes, not yet imported.
    const result = await h.learners.imports.preview(ADMIN, file);
    if (!result.ok) throw new Error(result.problems[0]?.message);
    const emailsBefore = h.sandbox.state.outbox.length;
    const job = await runImport(h, ADMIN, result.preview.jobId);
    expect(job).toMatchObject({ status: "done", processed: 7, failed: 0, approvedBy: ADMIN.userId });
    expect(await h.deps.jobStore.outcomes(job.id)).toEqual({ created: 7 });

    const learners = h.sandbox.state.cacwt.learners;
    for (const email of MESSY_NEW) expect(learners.get(email)).toBeDefined();
    expect(learners.get("olga.nguyen106@partner2.org")?.status).toBe("Archived");
    expect(learners.get("luis.chen101@partner3.org")?.lastName).toBe("O'Neil, Jr.");
    expect(learners.get("jose.jones110@partner3.org")?.lastName).toBe("Nguyễn");
    expect(learners.get("fatima.clark105@partner1.org")?.dateHire).toBe("2026-11-22");
    expect(learners.get("tom.martinez107@partner3.org")?.firstName).toBe('=HYPERLINK("http://evil.example","click")');
    const passwords = MESSY_NEW.map((email) => h.sandbox.state.cacwt.passwords.get(email) ?? "");
    expect(new Set(passwords).size).toBe(7);
    for (const password of passwords)
      expect(password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z\d]).{20}$/);
    expect(h.sandbox.state.outbox.length - emailsBefore).toBe(7);

    const log = await h.learners.imports.log(job.id);
    expect(log?.counts).toEqual({ created: 7, rejected: 5 });
    const rows = parse(log!.file.content, { bom: true }) as string[][];
    expect(rows[0]).toEqual(["Line", "Email", "FirstName", "LastName", "Outcome", "Message"]);
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
    expect(rows.find((r) => r[0] === "8")?.[5]).toBe("created as Archived");
    // The formula from line 9 is text in the log, not a formula.
    expect(rows.find((r) => r[0] === "9")?.[2]).toBe(`'=HYPERLINK("http://evil.example","click")`);

    const audits = await h.db.prisma.auditEvent.findMany({ where: { action: "learner.create" } });
    expect(audits).toHaveLength(7);
    expect(JSON.stringify(audits)).not.toMatch(/password|Changeme/i);
  });

  it("recognizes the same file uploaded again; every row is unchanged and importing it changes nothing", async () => {
    const result = await h.learners.imports.preview(ADMIN, h.file("copy.csv", fixture("cacwt_learners_messy.csv")));
    if (!result.ok) throw new Error(result.problems[0]?.message);
    expect(result.preview.previousImport).toMatchObject({ by: ADMIN.userId });
    expect(result.preview.counts).toEqual({
      create: 0,
      update: 0,
      reactivate: 0,
      archive: 0,
      unchanged: 7,
      rejected: 5,
    });
    const before = structuredClone([...h.sandbox.state.cacwt.learners.values()]);
    const job = await runImport(h, ADMIN, result.preview.jobId);
    expect(await h.deps.jobStore.outcomes(job.id)).toEqual({ unchanged: 7 });
    expect([...h.sandbox.state.cacwt.learners.values()]).toEqual(before);
  });

  it("archives the five learners of the archival fixture once the valid fixture is in", async () => {
    const valid = await h.learners.imports.preview(ADMIN, h.file("valid.csv", fixture("cacwt_learners_valid.csv")));
    if (!valid.ok) throw new Error(valid.problems[0]?.message);
    expect(valid.preview.counts).toMatchObject({ create: 25, rejected: 0 });
    await runImport(h, ADMIN, valid.preview.jobId);

    const archival = await h.learners.imports.preview(
      ADMIN,
      h.file("archive.csv", fixture("cacwt_learners_archive.csv")),
    );
    if (!archival.ok) throw new Error(archival.problems[0]?.message);
    expect(archival.preview.counts).toEqual({
      create: 0,
      update: 0,
      reactivate: 0,
      archive: 5,
      unchanged: 0,
      rejected: 0,
    });
    const job = await runImport(h, ADMIN, archival.preview.jobId);
    expect(await h.deps.jobStore.outcomes(job.id)).toEqual({ archived: 5 });
    const archived = [...h.sandbox.state.cacwt.learners.values()].filter(
      (l) => l.email.endsWith(".org") && l.status === "Archived",
    );
    expect(archived.map((l) => l.email)).toEqual(
      expect.arrayContaining(["ana.garcia0@partner1.org", "ana.garcia20@partner3.org"]),
    );
  });

  it("starts one import when Import is pressed twice at once", async () => {
    const file = h.file(
      "twice.csv",
      "Email,FirstName,LastName,Affiliation,EmployeeType\nkai.twice@p.example,Kai,Twice,California Community Partners,Kern County Community Partner\n",
    );
    const result = await h.learners.imports.preview(ADMIN, file);
    if (!result.ok) throw new Error(result.problems[0]?.message);
    const presses = await Promise.all([
      h.learners.imports.start(ADMIN, result.preview.jobId),
      h.learners.imports.start(ADMIN, result.preview.jobId),
    ]);
    expect(presses.map((p) => p.ok && p.state).sort()).toEqual(["queued", "stale"]);
    // A Cancel pressed after Import finds the import started and leaves it alone.
    const cancelled = await h.learners.imports.cancel(ADMIN, result.preview.jobId);
    expect(cancelled.ok && cancelled.cancelled).toBe(false);
    expect(await h.deps.jobStore.get(result.preview.jobId)).toMatchObject({ status: "queued" });
    expect(
      await h.db.prisma.auditEvent.count({ where: { action: "learner.import", targetId: result.preview.uploadId } }),
    ).toBe(1);
  });

  it("refuses a file without downloading it: unauthorized uploader, not a CSV, too large; and says why", async () => {
    const viewer = await h.grant("UVIEWER", "viewer");
    const refused = h.file("learners.csv", fixture("cacwt_learners_valid.csv"));
    const asViewer = await h.learners.imports.preview(viewer, refused);
    expect(asViewer.ok).toBe(false);
    expect(!asViewer.ok && asViewer.problems[0]?.message).toContain("Viewers can't import learners from a CSV");
    const stranger = await h.learners.imports.preview({ workspaceId: TEAM, userId: "USTRANGER" }, refused);
    expect(!stranger.ok && stranger.problems[0]?.message).toContain("You don't have access to carebridge yet");
    expect(refused.opened).toBe(0);
    expect(
      await h.db.prisma.auditEvent.count({
        where: { actorId: "USTRANGER", action: "learner.import", outcome: "refused" },
      }),
    ).toBe(1);

    const photo = h.file("photo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const notCsv = await h.learners.imports.preview(ADMIN, photo);
    expect(!notCsv.ok && notCsv.problems[0]?.message).toBe(
      'photo.png is not a CSV file; carebridge imports learners from the CACWT import template (/learner template) saved as "CSV UTF-8".',
    );
    const big = h.file("big.csv", "x", { size: 21 * 1024 * 1024 });
    const tooBig = await h.learners.imports.preview(ADMIN, big);
    expect(!tooBig.ok && tooBig.problems[0]?.message).toBe(
      "The file is larger than 20 MB; split it into smaller files.",
    );
    expect(photo.opened + big.opened).toBe(0);
  });

  it("says what is wrong with a file that is read but cannot be used: a workbook named .csv, too many rows", async () => {
    const workbook = await h.learners.imports.preview(
      ADMIN,
      h.file("book.csv", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2])),
    );
    expect(!workbook.ok && workbook.problems[0]?.message).toMatch(/^The file is an Excel workbook, not a CSV/);
    const header = "Email,FirstName,LastName,Affiliation,EmployeeType\n";
    const rows = Array.from(
      { length: 31 },
      (_, i) => `p${i}@p.example,P,Q,California Community Partners,Kern County Community Partner\n`,
    );
    const many = await h.learners.imports.preview(ADMIN, h.file("many.csv", header + rows.join("")));
    expect(!many.ok && many.problems[0]?.message).toBe("The file has more than 30 rows; split it into smaller files.");
    expect(await h.db.prisma.upload.count({ where: { filename: { in: ["book.csv", "many.csv"] } } })).toBe(0);
  });
});
