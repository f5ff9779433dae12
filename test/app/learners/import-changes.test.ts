import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mention } from "../../../src/app/mention";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, ADMIN2, fieldsOf, startHarness, type Harness } from "./harness";

const HOPE = "hopefoundation.example.org";
const HEADER = "Email,FirstName,LastName,Status,Affiliation,EmployeeType";
const row = (email: string, first: string, last: string, status: string, county = "Riverside") =>
  `${email},${first},${last},${status},California Community Partners,${county} County Community Partner`;

describe(`what an import preview lets a person act on (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ ARCHIVE_MAX_COUNT: "5", ARCHIVE_MAX_SHARE: "1" });
  });
  afterAll(async () => {
    await h.close();
  });

  async function preview(name: string, lines: string[]) {
    const result = await h.learners.imports.preview(ADMIN, h.file(name, [HEADER, ...lines].join("\n")));
    if (!result.ok) throw new Error(result.problems[0]?.message);
    return result.preview;
  }

  it("a rename needs another admin's approval, as archives over the threshold do, and names who becomes whom", async () => {
    const p = await preview("renames.csv", [
      row(`paul.schneider@${HOPE}`, "Pablo", "Schneider", "Active", "San Bernardino"),
      row(`imani.jackson@${HOPE}`, "Imani", "Jackson", "Active", "Kern"),
    ]);
    expect(p.counts).toMatchObject({ update: 2 });
    expect(p.renamed).toBe(1);
    expect(p.archive).toMatchObject({
      count: 0,
      needsSecondApproval: true,
      renames: { count: 1, sample: ["Paul Schneider → Pablo Schneider"] },
    });
    const other = await h.learners.imports.start(ADMIN2, p.jobId);
    expect(fieldsOf(other)).toEqual({
      "(general)": `Importing this file renames 1 learner, so another admin has to approve it; only ${mention(ADMIN.userId)}, who shared it, can ask for that.`,
    });
    const asked = await h.learners.imports.start(ADMIN, p.jobId);
    expect(asked.ok && asked.state).toBe("awaiting-second-approval");
    const self = await h.learners.archiveRuns.approve(ADMIN, p.jobId);
    expect(fieldsOf(self)).toEqual({ "(general)": "You asked for this import, so another admin has to approve it." });
    const approved = await h.learners.archiveRuns.approve(ADMIN2, p.jobId);
    expect(approved.ok && approved.job.status).toBe("queued");
    await h.runner.enqueue(p.jobId);
    expect(h.sandbox.state.cacwt.learners.get(`paul.schneider@${HOPE}`)?.firstName).toBe("Pablo");
  });

  it("a file without renames or archives over the threshold starts at once", async () => {
    const p = await preview("no-renames.csv", [row(`derek.nguyen@${HOPE}`, "Derek", "Nguyen", "Active", "Kern")]);
    expect(p.archive.needsSecondApproval).toBe(false);
    expect(p.archive).not.toHaveProperty("renames");
    const started = await h.learners.imports.start(ADMIN2, p.jobId);
    expect(started.ok && started.state).toBe("queued");
  });

  it("hands out every change as a CSV: kind, line, name, email and what changes, renames with the name they had", async () => {
    const p = await preview("all-changes.csv", [
      row("new.one@p.example", "Noa", "One", "Active", "Kern"),
      row(`carmen.flores@${HOPE}`, "Carmen", "Flores", "Active"),
      row(`marco.bianchi@valleypartners.example.org`, "Mark", "Bianchi", "Active", "Imperial"),
      row(`rachel.adams@${HOPE}`, "Rachel", "Adams", "Active"),
      row(`nadia.petrova@valleypartners.example.org`, "Nadia", "Petrova", "Archived", "Imperial"),
      row("broken", "Bad", "Row", "Active"),
      row("new.two@p.example", "=cmd()", "Two", "Archived", "Kern"),
    ]);
    const result = await h.learners.imports.changes(ADMIN, p.jobId);
    if (!result.ok) throw new Error(result.problems[0]?.message);
    expect(result.file.filename).toBe("changes-all-changes.csv");
    expect([result.channelId, result.threadTs]).toEqual(["C1", expect.stringMatching(/^100\./)]);
    expect(parse(result.file.content, { bom: true })).toEqual([
      ["Kind", "Line", "FirstName", "LastName", "Email", "What changes"],
      ["create", "2", "Noa", "One", "new.one@p.example", ""],
      [
        "update",
        "4",
        "Mark",
        "Bianchi",
        "marco.bianchi@valleypartners.example.org",
        "rename: Marco Bianchi → Mark Bianchi; FirstName, EmployeeType",
      ],
      ["reactivate", "5", "Rachel", "Adams", "rachel.adams@hopefoundation.example.org", ""],
      ["archive", "6", "Nadia", "Petrova", "nadia.petrova@valleypartners.example.org", ""],
      ["rejected", "7", "Bad", "Row", "broken", 'nothing: Email "broken" is not a valid email address'],
      ["create", "8", "'=cmd()", "Two", "new.two@p.example", "created as Archived"],
    ]);
    const stranger = await h.grant("UVIEW", "viewer");
    expect(fieldsOf(await h.learners.imports.changes(stranger, p.jobId))["(general)"]).toBeDefined();
  });

  it("says when a new learner's name is already in CACWT under other emails, with their emails and status", async () => {
    h.sandbox.state.cacwt.learners.set("cflores@other.example", {
      ...h.sandbox.state.cacwt.learners.get(`carmen.flores@${HOPE}`)!,
      userId: "cflores@other.example",
      email: "cflores@other.example",
      firstName: "Cármen",
      status: "Archived",
    });
    const p = await preview("namesakes.csv", [
      row("carmen.f@newpartner.example", "carmen", "FLORES", "Active", "Kern"),
      row("someone.new@p.example", "Someone", "New", "Active", "Kern"),
      row(`derek@newpartner.example`, "Derek", "Nguyen", "Active", "Kern"),
    ]);
    expect(p.counts).toMatchObject({ create: 3 });
    const audit = await h.db.prisma.auditEvent.findFirstOrThrow({ where: { targetId: p.uploadId } });
    expect(audit).toMatchObject({ action: "learner.import.preview", details: { create: 3, renamed: 0, namesakes: 2 } });
    expect(p.namesakes).toEqual({
      count: 2,
      first: [
        {
          line: 2,
          email: "carmen.f@newpartner.example",
          firstName: "carmen",
          lastName: "FLORES",
          existing: [
            { email: `carmen.flores@${HOPE}`, status: "Active" },
            { email: "cflores@other.example", status: "Archived" },
          ],
        },
        {
          line: 4,
          email: "derek@newpartner.example",
          firstName: "Derek",
          lastName: "Nguyen",
          existing: [{ email: `derek.nguyen@${HOPE}`, status: "Active" }],
        },
      ],
    });
  });
});
