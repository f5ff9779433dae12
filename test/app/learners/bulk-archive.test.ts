import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArchiveFilter } from "../../../src/app/learners/archive-filter-form";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, ADMIN2, fieldsOf, startHarness, type Harness } from "./harness";

const HOPE = "hopefoundation.example.org";
const VALLEY = "valleypartners.example.org";

describe("the bulk archive form", () => {
  it("reads blanks as any, and names the field of each problem", () => {
    expect(
      parseArchiveFilter({
        affiliation: " ",
        status: "Active",
        emailDomain: "@SDSU.edu",
        county: null,
        hiredBefore: "",
      }),
    ).toEqual({
      ok: true,
      filter: { status: "Active", emailDomain: "sdsu.edu" },
    });
    expect(
      fieldsOf(
        parseArchiveFilter({
          affiliation: "",
          status: "Archived",
          emailDomain: "not a domain",
          county: "Atlantis",
          hiredBefore: "2026-02-30",
        }),
      ),
    ).toEqual({
      status: "Archived learners are archived already; choose Active.",
      emailDomain: "Enter an email domain such as sdsu.edu.",
      county: "Choose a California county from the list.",
      hiredBefore: "Pick a date.",
    });
  });
});

describe(`bulk archive of CACWT learners (${testDatabaseKind})`, () => {
  let h: Harness;
  const status = (email: string) => h.sandbox.state.cacwt.learners.get(email)?.status;
  beforeAll(async () => {
    h = await startHarness({ ARCHIVE_MAX_COUNT: "2", ARCHIVE_MAX_SHARE: "1" });
  });
  afterAll(async () => {
    await h.close();
  });

  it("previews, archives on Confirm, and Reactivate all undoes exactly that run", async () => {
    const preview = await h.learners.bulk.preview(
      ADMIN,
      { status: "Active", emailDomain: VALLEY, county: "San Diego" },
      "C1",
    );
    if (!preview.ok) throw new Error(preview.problems[0]?.message);
    expect(preview.plan).toMatchObject({
      count: 2,
      sample: ["Marco Bianchi", "Leilani Kahale"],
      description: `Active learners with an email address at @${VALLEY}, in San Diego County`,
      activeTotal: 9,
      needsSecondApproval: false,
    });
    expect(status(`leilani.kahale@${VALLEY}`)).toBe("Active");

    const confirmed = await h.learners.bulk.confirm(ADMIN, preview.job.id);
    expect(confirmed.ok && confirmed.state).toBe("queued");
    const twice = await h.learners.bulk.confirm(ADMIN, preview.job.id);
    expect(twice.ok && twice.state).toBe("stale");
    await h.runner.enqueue(preview.job.id);
    expect(await h.deps.jobStore.outcomes(preview.job.id)).toEqual({ archived: 2 });
    expect([
      status(`leilani.kahale@${VALLEY}`),
      status(`marco.bianchi@${VALLEY}`),
      status(`nadia.petrova@${VALLEY}`),
    ]).toEqual(["Archived", "Archived", "Active"]);

    const undo = await h.learners.archiveRuns.reactivateAll(ADMIN, preview.job.id);
    if (!undo.ok) throw new Error(undo.problems[0]?.message);
    const again = await h.learners.archiveRuns.reactivateAll(ADMIN, preview.job.id);
    expect(again.ok && [again.created, again.job.id]).toEqual([false, undo.job.id]);
    await h.runner.enqueue(undo.job.id);
    expect(await h.deps.jobStore.outcomes(undo.job.id)).toEqual({ reactivated: 2 });
    expect([status(`leilani.kahale@${VALLEY}`), status(`marco.bianchi@${VALLEY}`)]).toEqual(["Active", "Active"]);
    // Archived before that run, so the undo leaves them archived.
    expect(status(`trevor.hughes@${VALLEY}`)).toBe("Archived");
  });

  it("stops above the threshold before any change, until another admin approves", async () => {
    const preview = await h.learners.bulk.preview(ADMIN, { status: "Active", emailDomain: HOPE }, "C1");
    if (!preview.ok) throw new Error(preview.problems[0]?.message);
    expect(preview.plan).toMatchObject({
      count: 4,
      needsSecondApproval: true,
      threshold: { maxCount: 2, maxShare: 1 },
    });
    const confirmed = await h.learners.bulk.confirm(ADMIN, preview.job.id);
    expect(confirmed.ok && confirmed.state).toBe("awaiting-second-approval");
    await h.runner.enqueue(preview.job.id); // a queue message now would find nothing to run
    expect(status(`carmen.flores@${HOPE}`)).toBe("Active");
    expect(await h.deps.jobStore.get(preview.job.id)).toMatchObject({
      status: "awaiting-second-approval",
      processed: 0,
    });

    const self = await h.learners.archiveRuns.approve(ADMIN, preview.job.id);
    expect(fieldsOf(self)).toEqual({ "(general)": "You asked for this archive, so another admin has to approve it." });
    const agencyUser = await h.grant("UAGENT", "agency-user", "of-fre");
    const notAdmin = await h.learners.archiveRuns.approve(agencyUser, preview.job.id);
    expect(fieldsOf(notAdmin)["(general)"]).toContain("Only admins can archive CACWT learners in bulk");

    const approved = await h.learners.archiveRuns.approve(ADMIN2, preview.job.id);
    expect(approved.ok && [approved.approved, approved.job.status, approved.job.approvedBy]).toEqual([
      true,
      "queued",
      ADMIN2.userId,
    ]);
    await h.runner.enqueue(preview.job.id);
    expect(await h.deps.jobStore.outcomes(preview.job.id)).toEqual({ archived: 4 });
    expect(status(`carmen.flores@${HOPE}`)).toBe("Archived");

    const audits = await h.db.prisma.auditEvent.findMany({
      where: { targetId: preview.job.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => `${a.actorId} ${a.action} ${a.outcome}`)).toEqual([
      "UADMIN learner.archive-bulk.request ok",
      "UADMIN learner.archive-bulk.approve refused",
      "UAGENT learner.archive-bulk refused",
      "UADMIN2 learner.archive-bulk.approve ok",
    ]);
    const perLearner = await h.db.prisma.auditEvent.findMany({
      where: { action: "learner.archive", targetId: { endsWith: HOPE } },
    });
    expect(perLearner.every((a) => a.actorId === ADMIN2.userId && a.outcome === "ok")).toBe(true);
    expect(perLearner).toHaveLength(4);
  });

  it("a run waiting for approval can be turned down, and then never runs", async () => {
    const preview = await h.learners.bulk.preview(ADMIN, { status: "Active", emailDomain: VALLEY }, "C1");
    if (!preview.ok) throw new Error(preview.problems[0]?.message);
    expect(preview.plan).toMatchObject({ count: 3, needsSecondApproval: true });
    await h.learners.bulk.confirm(ADMIN, preview.job.id);
    const rejected = await h.learners.archiveRuns.reject(ADMIN2, preview.job.id);
    expect(rejected.ok && rejected.rejected).toBe(true);
    const late = await h.learners.archiveRuns.approve(ADMIN2, preview.job.id);
    expect(late.ok && late.approved).toBe(false);
    await h.runner.enqueue(preview.job.id);
    expect(await h.deps.jobStore.get(preview.job.id)).toMatchObject({
      status: "cancelled",
      approvedBy: ADMIN2.userId,
      processed: 0,
    });
    expect(status(`nadia.petrova@${VALLEY}`)).toBe("Active");
  });
});
