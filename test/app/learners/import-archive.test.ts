import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, ADMIN2, fieldsOf, startHarness, type Harness } from "./harness";
import { mention } from "../../../src/app/mention";

const HOPE = "hopefoundation.example.org";
const HEADER = "Email,FirstName,LastName,Status,Affiliation,EmployeeType";
const row = (email: string, first: string, last: string, status: string, county = "Riverside") =>
  `${email},${first},${last},${status},California Community Partners,${county} County Community Partner`;

describe(`a CSV import that archives learners (${testDatabaseKind})`, () => {
  let h: Harness;
  const status = (key: string) => h.sandbox.state.cacwt.learners.get(key)?.status;
  beforeAll(async () => {
    // Above 2 archives needs a second admin; the share of the 9 active learners never decides here.
    h = await startHarness({ ARCHIVE_MAX_COUNT: "2", ARCHIVE_MAX_SHARE: "1" });
  });
  afterAll(async () => {
    await h.close();
  });

  it("waits above the threshold for another admin, then runs; Reactivate all undoes exactly its archives", async () => {
    const csv = [
      HEADER,
      row(`carmen.flores@${HOPE}`, "Carmen", "Flores", "Archived"),
      row(`derek.nguyen@${HOPE}`, "Derek", "Nguyen", "Archived"),
      // County staff: CACWT's user ID is not the email, so the undo has to find her by email as the import did.
      row("jmorales@dpss.example.gov", "Janet", "Morales", "Archived"),
      // Archived already: unchanged, and the undo must leave her archived.
      row(`rachel.adams@${HOPE}`, "Rachel", "Adams", "Archived"),
      row("new.partner@p.example", "Noa", "Partner", "Active", "Kern"),
    ].join("\n");
    const file = h.file("leavers.csv", csv);
    const result = await h.learners.imports.preview(ADMIN, file);
    if (!result.ok) throw new Error(result.problems[0]?.message);
    const { preview } = result;
    expect(preview.counts).toMatchObject({ archive: 3, unchanged: 1, create: 1, rejected: 0 });
    expect(preview.archive).toEqual({
      description: "rows with Status Archived in leavers.csv",
      count: 3,
      sample: ["Carmen Flores", "Derek Nguyen", "Janet Morales"],
      activeTotal: 9,
      threshold: { maxCount: 2, maxShare: 1 },
      needsSecondApproval: true,
    });

    // Only the uploader asks; the one who asks cannot approve.
    const other = await h.learners.imports.start(ADMIN2, preview.jobId);
    expect(fieldsOf(other)).toEqual({
      "(general)": `Importing this file archives 3 learners, so another admin has to approve it; only ${mention(ADMIN.userId)}, who shared it, can ask for that.`,
    });
    const asked = await h.learners.imports.start(ADMIN, preview.jobId);
    expect(asked.ok && asked.state).toBe("awaiting-second-approval");
    const again = await h.learners.imports.start(ADMIN, preview.jobId);
    expect(again.ok && again.state).toBe("stale");
    await h.runner.enqueue(preview.jobId); // a queue message now would find nothing to run
    expect(await h.deps.jobStore.get(preview.jobId)).toMatchObject({
      status: "awaiting-second-approval",
      processed: 0,
    });
    expect(status(`carmen.flores@${HOPE}`)).toBe("Active");
    expect(h.sandbox.state.cacwt.learners.has("new.partner@p.example")).toBe(false);
    const self = await h.learners.archiveRuns.approve(ADMIN, preview.jobId);
    expect(fieldsOf(self)).toEqual({ "(general)": "You asked for this import, so another admin has to approve it." });
    const agencyUser = await h.grant("UAGENT", "agency-user", "of-fre");
    const notAdmin = await h.learners.archiveRuns.approve(agencyUser, preview.jobId);
    expect(fieldsOf(notAdmin)["(general)"]).toContain("Only admins can archive learners in bulk");
    expect(await h.db.prisma.upload.findUniqueOrThrow({ where: { id: preview.uploadId } })).toMatchObject({
      status: "previewed",
    });

    const approved = await h.learners.archiveRuns.approve(ADMIN2, preview.jobId);
    expect(approved.ok && [approved.approved, approved.job.status, approved.job.approvedBy]).toEqual([
      true,
      "queued",
      ADMIN2.userId,
    ]);
    expect(await h.db.prisma.upload.findUniqueOrThrow({ where: { id: preview.uploadId } })).toMatchObject({
      status: "imported",
    });
    await h.deps.jobStore.setMessage(preview.jobId, "C1", "200.9");
    await h.runner.enqueue(preview.jobId);
    expect(await h.deps.jobStore.outcomes(preview.jobId)).toEqual({ archived: 3, unchanged: 1, created: 1 });
    expect([status(`carmen.flores@${HOPE}`), status(`derek.nguyen@${HOPE}`), status("RV-48213")]).toEqual([
      "Archived",
      "Archived",
      "Archived",
    ]);
    expect(
      (
        await h.db.prisma.auditEvent.findMany({ where: { targetId: preview.jobId }, orderBy: { createdAt: "asc" } })
      ).map((a) => `${a.actorId} ${a.action} ${a.outcome}`),
    ).toEqual([
      "UADMIN learner.import.request ok",
      "UADMIN learner.import.approve refused",
      "UAGENT learner.archive-bulk refused",
      "UADMIN2 learner.import.approve ok",
    ]);
    const log = await h.learners.imports.log(preview.jobId);
    expect(log?.counts).toEqual({ archived: 3, unchanged: 1, created: 1 });

    // An agency user may import, so they may undo an import's archives too.
    const undo = await h.learners.archiveRuns.reactivateAll(agencyUser, preview.jobId);
    if (!undo.ok) throw new Error(undo.problems[0]?.message);
    const twice = await h.learners.archiveRuns.reactivateAll(ADMIN, preview.jobId);
    expect(twice.ok && [twice.created, twice.job.id]).toEqual([false, undo.job.id]);
    expect(undo.job).toMatchObject({ kind: "learner-reactivate", total: 3, threadTs: file.threadTs });
    await h.runner.enqueue(undo.job.id);
    expect(await h.deps.jobStore.outcomes(undo.job.id)).toEqual({ reactivated: 3 });
    expect([status(`carmen.flores@${HOPE}`), status(`derek.nguyen@${HOPE}`), status("RV-48213")]).toEqual([
      "Active",
      "Active",
      "Active",
    ]);
    expect(status(`rachel.adams@${HOPE}`)).toBe("Archived");
    expect(status("new.partner@p.example")).toBe("Active");
  });

  it("a rejected import never runs, and its upload is cancelled", async () => {
    const csv = [
      HEADER,
      row(`imani.jackson@${HOPE}`, "Imani", "Jackson", "Archived"),
      row(`paul.schneider@${HOPE}`, "Paul", "Schneider", "Archived", "San Bernardino"),
      row(`nadia.petrova@valleypartners.example.org`, "Nadia", "Petrova", "Archived", "Imperial"),
    ].join("\n");
    const result = await h.learners.imports.preview(ADMIN, h.file("more-leavers.csv", csv));
    if (!result.ok) throw new Error(result.problems[0]?.message);
    const { jobId, uploadId } = result.preview;
    const asked = await h.learners.imports.start(ADMIN, jobId);
    expect(asked.ok && asked.state).toBe("awaiting-second-approval");
    const rejected = await h.learners.archiveRuns.reject(ADMIN2, jobId);
    expect(rejected.ok && rejected.rejected).toBe(true);
    const late = await h.learners.archiveRuns.approve(ADMIN2, jobId);
    expect(late.ok && late.approved).toBe(false);
    await h.runner.enqueue(jobId);
    expect(await h.deps.jobStore.get(jobId)).toMatchObject({ status: "cancelled", processed: 0 });
    expect(await h.db.prisma.upload.findUniqueOrThrow({ where: { id: uploadId } })).toMatchObject({
      status: "cancelled",
    });
    expect(status(`imani.jackson@${HOPE}`)).toBe("Active");
    const undo = await h.learners.archiveRuns.reactivateAll(ADMIN, jobId);
    expect(fieldsOf(undo)).toEqual({ "(general)": "That run archived nobody, so there is nothing to reactivate." });
  });

  it("an import at or under the threshold starts at once", async () => {
    const csv = [HEADER, row(`imani.jackson@${HOPE}`, "Imani", "Jackson", "Archived")].join("\n");
    const result = await h.learners.imports.preview(ADMIN, h.file("one-leaver.csv", csv));
    if (!result.ok) throw new Error(result.problems[0]?.message);
    expect(result.preview.archive).toMatchObject({ count: 1, needsSecondApproval: false });
    const started = await h.learners.imports.start(ADMIN2, result.preview.jobId);
    expect(started.ok && started.state).toBe("queued");
  });

  it("a preview stored before imports weighed their archives asks for a new upload, and nothing runs", async () => {
    const csv = [HEADER, row(`olivia.chen@${HOPE}`, "Olivia", "Chen", "Archived")].join("\n");
    const result = await h.learners.imports.preview(ADMIN, h.file("older.csv", csv));
    if (!result.ok) throw new Error(result.problems[0]?.message);
    const { jobId } = result.preview;
    const job = await h.deps.jobStore.get(jobId);
    const { archive: _dropped, ...older } = job!.params as Record<string, unknown>;
    await h.db.prisma.job.update({ where: { id: jobId }, data: { params: older as object } });

    const started = await h.learners.imports.start(ADMIN, jobId);
    expect(fieldsOf(started)).toEqual({
      "(general)": "That preview was made by an earlier version of carebridge; share the file again for a new one.",
    });
    expect(await h.deps.jobStore.get(jobId)).toMatchObject({ status: "preview", processed: 0 });
  });

  it("names a rename in the preview with the name CACWT has now, and counts it apart", async () => {
    const csv = [HEADER, row(`paul.schneider@${HOPE}`, "Pablo", "Schneider", "Active", "San Bernardino")].join("\n");
    const result = await h.learners.imports.preview(ADMIN, h.file("rename.csv", csv));
    if (!result.ok) throw new Error(result.problems[0]?.message);
    const { preview } = result;
    expect(preview.renamed).toBe(1);
    expect(preview.firstRows?.update).toEqual([
      { line: 2, email: `paul.schneider@${HOPE}`, firstName: "Pablo", lastName: "Schneider", renamedFrom: "Paul Schneider" },
    ]);
  });

  it("a file in the vendor's archival layout archives the learners CACWT has, reports the others and creates nobody", async () => {
    const csv = [
      "Community Partner Archival Template;;;;;",
      "UserID;LastName;FirstName;Email;Affiliation;EmploymentType",
      `paul.schneider@${HOPE};Schneider;Paul;paul.schneider@${HOPE};California Community Partners;San Bernardino County Community Partner`,
      `victor.chavez@${HOPE};Chavez;Victor;victor.chavez@${HOPE};California Community Partners;Riverside County Community Partner`,
      "ghost@p.example;Ghost;Gus;ghost@p.example;California Community Partners;Kern County Community Partner",
    ].join("\r\n");
    const result = await h.learners.imports.preview(ADMIN, h.file("archival.csv", csv));
    if (!result.ok) throw new Error(result.problems[0]?.message);
    const { preview } = result;
    expect(preview.intent).toBe("archive");
    expect(preview.counts).toEqual({ create: 0, update: 0, reactivate: 0, archive: 1, unchanged: 1, rejected: 1 });
    expect(preview.rejected).toEqual([
      {
        line: 5,
        email: "ghost@p.example",
        firstName: "Gus",
        lastName: "Ghost",
        problems: ["CACWT has no learner with this email; an archival file only archives learners CACWT has"],
      },
    ]);
    expect(preview.fileNotes).toEqual([
      "Its columns are separated by semicolons.",
      "The header is on line 2; the line above it was skipped.",
    ]);
    expect(preview.archive).toMatchObject({
      description: "the learners listed in the archival file archival.csv",
      count: 1,
      sample: ["Paul Schneider"],
      needsSecondApproval: false,
    });
    const started = await h.learners.imports.start(ADMIN, preview.jobId);
    expect(started.ok && started.state).toBe("queued");
    await h.runner.enqueue(preview.jobId);
    expect(await h.deps.jobStore.outcomes(preview.jobId)).toEqual({ archived: 1, unchanged: 1 });
    expect([status(`paul.schneider@${HOPE}`), status(`victor.chavez@${HOPE}`)]).toEqual(["Archived", "Archived"]);
    expect(h.sandbox.state.cacwt.learners.has("ghost@p.example")).toBe(false);
  });
});
