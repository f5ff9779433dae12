import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArchiveFilter } from "../../../src/app/learners/archive-filter-form";
import { createLearners } from "../../../src/app/learners";
import { JobRunner } from "../../../src/jobs/runner";
import { silentLogger } from "../../../src/logger";
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
        organization: "  ",
        name: "",
      }),
    ).toEqual({
      ok: true,
      filter: { status: "Active", emailDomain: "sdsu.edu" },
    });
    expect(
      parseArchiveFilter({
        affiliation: "",
        status: "Active",
        emailDomain: "",
        county: null,
        hiredBefore: null,
        organization: " Riverside\n County  DPSS ",
        name: " ana   gar ",
      }),
    ).toEqual({
      ok: true,
      filter: { status: "Active", organization: "Riverside County DPSS", name: "ana gar" },
    });
    expect(
      fieldsOf(
        parseArchiveFilter({
          affiliation: "",
          status: "Archived",
          emailDomain: "not a domain",
          county: "Atlantis",
          hiredBefore: "2026-02-30",
          organization: "",
          name: "",
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
    expect(fieldsOf(notAdmin)["(general)"]).toContain("Only admins can archive learners in bulk");

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

describe(`bulk archive: filters by organization and name, and leaving learners out (${testDatabaseKind})`, () => {
  let h: Harness;
  const status = (email: string) => h.sandbox.state.cacwt.learners.get(email)?.status;
  const MANY = "many.example.org";
  beforeAll(async () => {
    h = await startHarness({ ARCHIVE_MAX_COUNT: "2", ARCHIVE_MAX_SHARE: "1" });
    // 25 more community partners at one domain, so the preview has pages.
    for (let i = 0; i < 25; i += 1) {
      const email = `p${String(i).padStart(2, "0")}@${MANY}`;
      h.sandbox.state.cacwt.learners.set(email, {
        userId: email,
        firstName: `Pat${String(i).padStart(2, "0")}`,
        lastName: "Many",
        email,
        status: "Active",
        affiliation: "California Community Partners",
        organizationName: null,
        employeeType: "Fresno County Community Partner",
        dateHire: "2026-01-05",
        trainingManager: false,
        supervisor: false,
      });
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it("finds learners by their organization name and by the start of their names, ignoring case and accents", async () => {
    const byOrganization = await h.learners.bulk.preview(ADMIN, { status: "Active", organization: "dpss" }, "C1");
    expect(byOrganization.ok && byOrganization.rows.map((r) => r.name)).toEqual(["Janet Morales"]);
    expect(byOrganization.ok && byOrganization.plan.description).toBe(
      'Active learners whose organization name contains "dpss"',
    );
    const byName = await h.learners.bulk.preview(ADMIN, { status: "Active", name: "CÁR flo" }, "C1");
    expect(byName.ok && byName.rows.map((r) => `${r.name} ${r.email}`)).toEqual([
      `Carmen Flores carmen.flores@${HOPE}`,
    ]);
    expect(byName.ok && byName.plan.description).toBe('Active learners named "CÁR flo"');
    const both = await h.learners.bulk.preview(
      ADMIN,
      { status: "Active", emailDomain: HOPE, name: "derek", organization: "hope" },
      "C1",
    );
    // Community partners have no organization name: none of them matches one.
    expect(both.ok && both.plan.count).toBe(0);
  });

  it("lists every candidate a page at a time; Leave out and Put back change what Confirm archives and the threshold", async () => {
    const preview = await h.learners.bulk.preview(ADMIN, { status: "Active", emailDomain: HOPE }, "C1");
    if (!preview.ok) throw new Error(preview.problems[0]?.message);
    const jobId = preview.job.id;
    expect(preview).toMatchObject({ page: 0, pages: 1, leftOut: 0, remaining: 4, needsSecondApproval: true });
    expect(preview.rows.map((r) => [r.name, r.leftOut])).toEqual([
      ["Carmen Flores", false],
      ["Imani Jackson", false],
      ["Derek Nguyen", false],
      ["Paul Schneider", false],
    ]);
    const seqOf = (name: string) => preview.rows.find((r) => r.name === name)!.seq;

    // Only the admin who previewed chooses; another admin can't, nor can they confirm.
    expect(fieldsOf(await h.learners.bulk.leaveOut(ADMIN2, jobId, seqOf("Carmen Flores"), true, 0))).toEqual({
      "(general)": "Only the admin who previewed this archive can change it.",
    });

    await h.learners.bulk.leaveOut(ADMIN, jobId, seqOf("Carmen Flores"), true, 0);
    await h.learners.bulk.leaveOut(ADMIN, jobId, seqOf("Imani Jackson"), true, 0);
    await h.learners.bulk.leaveOut(ADMIN, jobId, seqOf("Derek Nguyen"), true, 0);
    const back = await h.learners.bulk.leaveOut(ADMIN, jobId, seqOf("Derek Nguyen"), false, 0);
    // Pressed twice: no harm.
    const twice = await h.learners.bulk.leaveOut(ADMIN, jobId, seqOf("Imani Jackson"), true, 0);
    expect(twice.ok && twice.open && twice.selection.leftOut).toBe(2);
    if (!back.ok || !back.open) throw new Error("the preview should still be open");
    expect(back.selection).toMatchObject({ leftOut: 2, remaining: 2, needsSecondApproval: false });
    expect(back.selection.rows.map((r) => [r.name, r.leftOut])).toEqual([
      ["Carmen Flores", true],
      ["Imani Jackson", true],
      ["Derek Nguyen", false],
      ["Paul Schneider", false],
    ]);

    // 2 left of 4: under the threshold of 2, so no second admin is needed.
    const confirmed = await h.learners.bulk.confirm(ADMIN, jobId);
    expect(confirmed.ok && [confirmed.state, confirmed.job.total]).toEqual(["queued", 2]);
    expect(confirmed.ok && confirmed.job.params).toMatchObject({
      count: 2,
      leftOut: 2,
      sample: ["Derek Nguyen", "Paul Schneider"],
      needsSecondApproval: false,
    });
    // Too late to change the set once confirmed.
    const late = await h.learners.bulk.leaveOut(ADMIN, jobId, seqOf("Paul Schneider"), true, 0);
    expect(late.ok && late.open).toBe(false);
    expect((await h.deps.jobStore.items(jobId)).map((i) => i.key)).toEqual([
      `derek.nguyen@${HOPE}`,
      `paul.schneider@${HOPE}`,
    ]);

    // Another instance (a fresh runner on the same database) runs exactly the confirmed set.
    const other = new JobRunner({
      store: h.deps.jobStore,
      logger: silentLogger,
      describeError: (e) => (e instanceof Error ? e.message : String(e)),
    });
    createLearners({ ...h.deps, jobRunner: other });
    await other.enqueue(jobId);
    expect(await h.deps.jobStore.outcomes(jobId)).toEqual({ archived: 2 });
    expect(await h.deps.jobStore.get(jobId)).toMatchObject({ status: "done", total: 2, processed: 2 });
    expect([
      status(`carmen.flores@${HOPE}`),
      status(`imani.jackson@${HOPE}`),
      status(`derek.nguyen@${HOPE}`),
      status(`paul.schneider@${HOPE}`),
    ]).toEqual(["Active", "Active", "Archived", "Archived"]);
    const audit = await h.db.prisma.auditEvent.findFirstOrThrow({ where: { targetId: jobId } });
    expect(audit).toMatchObject({ action: "learner.archive-bulk", details: { count: 2, leftOut: 2 } });
  });

  it("a Leave out racing Confirm either lands before it or is refused: the job holds exactly what was confirmed", async () => {
    for (let round = 0; round < 4; round += 1) {
      const preview = await h.learners.bulk.preview(ADMIN, { status: "Active", emailDomain: VALLEY }, "C1");
      if (!preview.ok) throw new Error(preview.problems[0]?.message);
      const [left, confirmed] = await Promise.all([
        h.learners.bulk.leaveOut(ADMIN, preview.job.id, preview.rows[0]!.seq, true, 0),
        h.learners.bulk.confirm(ADMIN, preview.job.id),
      ]);
      if (!left.ok || !confirmed.ok) throw new Error("both presses should be answered");
      const job = (await h.deps.jobStore.get(preview.job.id))!;
      const items = await h.deps.jobStore.items(preview.job.id);
      expect(job.total).toBe(left.open ? 2 : 3);
      expect(items).toHaveLength(job.total);
      expect(items.every((i) => i.status === "pending")).toBe(true);
      expect(job.params).toMatchObject({ count: job.total });
      await h.learners.archiveRuns.reject(ADMIN2, preview.job.id);
      await h.deps.jobStore.transition(preview.job.id, ["queued"], "cancelled");
    }
  });

  it("pages through 25 candidates; leaving out everyone leaves nothing to confirm", async () => {
    const preview = await h.learners.bulk.preview(ADMIN, { status: "Active", emailDomain: MANY }, "C1");
    if (!preview.ok) throw new Error(preview.problems[0]?.message);
    expect(preview).toMatchObject({ pages: 3, offset: 0, remaining: 25, needsSecondApproval: true });
    expect(preview.rows).toHaveLength(10);
    const last = await h.learners.bulk.show(ADMIN, preview.job.id, 7);
    if (!last.ok || !last.open) throw new Error("the preview should be open");
    expect(last.selection).toMatchObject({ page: 2, offset: 20 });
    expect(last.selection.rows.map((r) => r.name)).toEqual([
      "Pat20 Many",
      "Pat21 Many",
      "Pat22 Many",
      "Pat23 Many",
      "Pat24 Many",
    ]);
    for (let page = 0; page < 3; page += 1) {
      const shown = await h.learners.bulk.show(ADMIN, preview.job.id, page);
      if (!shown.ok || !shown.open) throw new Error("the preview should be open");
      for (const row of shown.selection.rows)
        await h.learners.bulk.leaveOut(ADMIN, preview.job.id, row.seq, true, page);
    }
    const none = await h.learners.bulk.confirm(ADMIN, preview.job.id);
    expect(fieldsOf(none)).toEqual({
      "(general)": "You left out everyone, so there is nothing to archive; put someone back, or Cancel.",
    });
    expect(await h.deps.jobStore.get(preview.job.id)).toMatchObject({ status: "preview", total: 25 });
    const one = await h.learners.bulk.leaveOut(ADMIN, preview.job.id, last.selection.rows[0]!.seq, false, 2);
    expect(one.ok && one.open && [one.selection.remaining, one.selection.needsSecondApproval]).toEqual([1, false]);
    const confirmed = await h.learners.bulk.confirm(ADMIN, preview.job.id);
    expect(confirmed.ok && [confirmed.state, confirmed.job.total]).toEqual(["queued", 1]);
    await h.runner.enqueue(preview.job.id);
    expect(await h.deps.jobStore.outcomes(preview.job.id)).toEqual({ archived: 1 });
    expect(status(`p20@${MANY}`)).toBe("Archived");
    expect(status(`p19@${MANY}`)).toBe("Active");
  });
});
