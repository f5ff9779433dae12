import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BulkPreview } from "../../../src/app/caregivers";
import { TELETRACK_CLOCK_MARGIN_MS } from "../../../src/app/caregivers/bulk-preview";
import { missingEmail, missingBirthDate } from "../../../src/domain/caregivers/readiness";
import { previewMessage } from "../../../src/slack/presenters/caregivers/preview";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, caregiverHarness, STAFF, type Harness } from "./harness";

async function preview(h: Harness, full = false): Promise<BulkPreview> {
  const result = await h.caregivers.previewAll(ADMIN, { full, channelId: "C0SYNC" });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(" "));
  return result.preview;
}

async function confirmAndRun(h: Harness, jobId: string) {
  const confirmed = await h.caregivers.confirmAll(ADMIN, jobId);
  if (!confirmed.ok || !confirmed.started) throw new Error("expected the job to start");
  await h.jobs.launch(jobId, { channel: "C0SYNC", ts: "1.000001" });
  return (await h.jobs.report(jobId))!;
}

describe(`syncing every caregiver (${testDatabaseKind})`, () => {
  let h: Harness;
  let offsetMs = 0;
  beforeEach(async () => {
    offsetMs = 0;
    h = await caregiverHarness({ now: () => new Date(Date.now() + offsetMs) });
  });
  afterEach(async () => {
    await h.close();
  });

  it("previews create / update / unchanged / cannot sync by reason, then the job does it and reports", async () => {
    const p = await preview(h);
    expect(p.mode).toBe("full");
    expect(p.summary.counts).toEqual({
      create: 6,
      link: 1, // Hannah: CareAcademy has an account with her email, not linked to anyone
      update: 0,
      reactivate: 1,
      unchanged: 1,
      "cannot-sync": 2,
      inactive: 1,
    });
    expect(p.summary.reasons).toEqual([
      { reason: missingEmail("CareAcademy"), count: 1 },
      { reason: missingBirthDate("CA", "CareAcademy"), count: 1 },
    ]);
    expect(p.items).toBe(11); // all but the inactive one; Maria (unchanged) goes in to be linked
    expect(h.sandbox.state.careacademy.users.size).toBe(3); // a preview changes nothing

    const report = await confirmAndRun(h, p.jobId!);
    expect(report.job.status).toBe("done");
    expect(report.outcomes).toEqual({ created: 6, linked: 1, reactivated: 1, unchanged: 1, "cannot-sync": 2 });
    expect(report.failureGroups.map((g) => [g.reason, g.count])).toEqual([
      [missingEmail("CareAcademy"), 1],
      [missingBirthDate("CA", "CareAcademy"), 1],
    ]);
    expect(report.failureRows).toContainEqual({
      "TeleTrack id": "tt-1003",
      Name: "Marisol Ortega",
      Reason: missingEmail("CareAcademy"),
    });
    for (const id of ["tt-1001", "tt-1002", "tt-1005", "tt-1006", "tt-1010", "tt-1012"])
      expect(h.accountsOf(id)).toHaveLength(1);
    expect(h.accountsOf("tt-1009")).toHaveLength(0);

    const audit = await h.db.prisma.auditEvent.findMany({ where: { action: "caregiver.sync-all" } });
    expect(audit).toEqual([expect.objectContaining({ actorId: ADMIN.userId, outcome: "ok", targetId: p.jobId })]);
  });

  it("nothing to sync after a run counts every caregiver up to date, not only those listed", async () => {
    await confirmAndRun(h, (await preview(h)).jobId!);
    const next = await preview(h);
    expect(next).toMatchObject({ mode: "incremental", jobId: null, upToDate: 9 });
    const labels = { lms: "CareAcademy", teletrack: "Spectrum TeleTrack", sandbox: undefined };
    expect(previewMessage(next, labels).text).toBe("Nothing to sync: 9 caregivers up to date in CareAcademy.");
  });

  it("a double Confirm starts one job", async () => {
    const p = await preview(h);
    const [a, b] = await Promise.all([
      h.caregivers.confirmAll(ADMIN, p.jobId!),
      h.caregivers.confirmAll(ADMIN, p.jobId!),
    ]);
    expect([a, b].map((r) => r.ok && r.started).sort()).toEqual([false, true]);
    const late = await h.caregivers.confirmAll(ADMIN, p.jobId!);
    expect(late).toMatchObject({ ok: true, started: false });
    expect(await h.db.prisma.job.count({ where: { kind: "caregiver-sync", status: "queued" } })).toBe(1);
  });

  it("a second sync is not started while one runs", async () => {
    const first = await preview(h);
    const second = await preview(h);
    expect((await h.caregivers.confirmAll(ADMIN, first.jobId!)).ok).toBe(true);
    const refused = await h.caregivers.confirmAll(ADMIN, second.jobId!);
    expect(refused).toEqual({
      ok: false,
      problems: [{ message: expect.stringContaining("Another caregiver sync is still running") }],
    });
    expect((await h.store.get(second.jobId!))?.status).toBe("preview");
  });

  it("two previews confirmed at once start one sync; the other is told one is running", async () => {
    const previews = [await preview(h), await preview(h)];
    const results = await Promise.all(previews.map((p) => h.caregivers.confirmAll(ADMIN, p.jobId!)));
    expect(results.filter((r) => r.ok && r.started)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, problems: [{ message: expect.stringContaining("Another caregiver sync is still running") }] },
    ]);
    expect(await h.db.prisma.job.count({ where: { kind: "caregiver-sync", status: "queued" } })).toBe(1);
  });

  it("Cancel ends the preview; Confirm after it says so", async () => {
    const p = await preview(h);
    expect(await h.caregivers.cancelAll(ADMIN, p.jobId!)).toEqual({ ok: true, cancelled: true });
    const confirmed = await h.caregivers.confirmAll(ADMIN, p.jobId!);
    expect(confirmed).toEqual({ ok: false, problems: [{ message: expect.stringContaining("was cancelled") }] });
  });

  it("only admins sync everyone, and only the admin who previewed confirms", async () => {
    const refused = await h.caregivers.previewAll(STAFF, { full: true });
    expect(refused).toEqual({
      ok: false,
      problems: [{ message: expect.stringContaining("Only admins can sync every caregiver") }],
    });
    const p = await preview(h);
    const other = await h.caregivers.confirmAll({ ...ADMIN, userId: "U0OTHERADMIN" }, p.jobId!);
    expect(other.ok).toBe(false);
    expect((await h.store.get(p.jobId!))?.status).toBe("preview");
  });

  it("a preview over an hour old is not started", async () => {
    const p = await preview(h);
    offsetMs = 61 * 60_000;
    const result = await h.caregivers.confirmAll(ADMIN, p.jobId!);
    expect(result).toEqual({ ok: false, problems: [{ message: expect.stringContaining("over an hour old") }] });
    expect((await h.store.get(p.jobId!))?.status).toBe("cancelled");
  });

  it("says while checking whether it looks at everyone (a first run) or only at changes", async () => {
    const told: boolean[] = [];
    const onChecking = async (everyone: boolean) => void told.push(everyone);
    const first = await h.caregivers.previewAll(ADMIN, { full: false, onChecking });
    if (!first.ok) throw new Error("expected a preview");
    await confirmAndRun(h, first.preview.jobId!);
    await h.caregivers.previewAll(ADMIN, { full: false, onChecking });
    await h.caregivers.previewAll(ADMIN, { full: true, onChecking });
    expect(told).toEqual([true, false, true]);
  });

  it("after a finished run, the next is incremental (updatedSince) unless full is asked", async () => {
    await confirmAndRun(h, (await preview(h)).jobId!);
    const teletrack = h.sandbox.state.teletrack.caregivers;
    const grace = teletrack.get("tt-1012")!;
    teletrack.set("tt-1012", { ...grace, lastName: "Liu-Park", updatedAt: new Date(Date.now() + 1000).toISOString() });

    const next = await preview(h);
    expect(next.mode).toBe("incremental");
    expect(next.since).not.toBeNull();
    expect(next.summary.counts).toMatchObject({ update: 1, create: 0, unchanged: 0, "cannot-sync": 0 });
    const lookups = h.sandbox.stats.requests.careacademy;
    const full = await preview(h, true);
    expect(full.mode).toBe("full");
    expect(full.summary.counts).toMatchObject({ update: 1, unchanged: 8, "cannot-sync": 2, inactive: 1 });
    // Linked caregivers are compared by fingerprint: the full preview asked the LMS only about the
    // one TeleTrack changed since its last sync.
    expect(h.sandbox.stats.requests.careacademy).toBe(lookups + 1);
  });

  it("an incremental run sees changes TeleTrack stamped just before the last run listed it (its clock behind ours)", async () => {
    const first = await preview(h);
    await confirmAndRun(h, first.jobId!);
    const { listedAt } = (await h.store.get(first.jobId!))!.params as { listedAt: string };
    const justBefore = new Date(Date.parse(listedAt) - 3_000).toISOString();
    const teletrack = h.sandbox.state.teletrack.caregivers;
    teletrack.set("tt-1006", { ...teletrack.get("tt-1006")!, lastName: "Renamed", updatedAt: justBefore });
    // Grace left and came back with the same details; CareAcademy deactivated her account meanwhile.
    const [account] = h.accountsOf("tt-1012");
    const users = h.sandbox.state.careacademy.users;
    users.set(account!.id, { ...users.get(account!.id)!, status: "deactivated" });
    teletrack.set("tt-1012", { ...teletrack.get("tt-1012")!, updatedAt: justBefore });

    const next = await preview(h);
    expect(next.mode).toBe("incremental");
    expect(next.since).toBe(new Date(Date.parse(listedAt) - TELETRACK_CLOCK_MARGIN_MS).toISOString());
    expect(next.summary.counts).toMatchObject({ update: 1, reactivate: 1, create: 0 });
    const report = await confirmAndRun(h, next.jobId!);
    expect(report.outcomes).toEqual({ updated: 1, reactivated: 1 });
  });

  it("a linked caregiver who comes back with the same details is reactivated, not left unchanged", async () => {
    await confirmAndRun(h, (await preview(h)).jobId!);
    const teletrack = h.sandbox.state.teletrack.caregivers;
    const grace = teletrack.get("tt-1012")!;
    const [account] = h.accountsOf("tt-1012");
    // They left: the account was deactivated in CareAcademy. Now TeleTrack has them active again.
    const users = h.sandbox.state.careacademy.users;
    users.set(account!.id, { ...users.get(account!.id)!, status: "deactivated" });
    teletrack.set("tt-1012", { ...grace, updatedAt: new Date(Date.now() + 1000).toISOString() });

    const next = await preview(h);
    expect(next.summary.counts).toMatchObject({ reactivate: 1, update: 0, unchanged: 0 });
    const report = await confirmAndRun(h, next.jobId!);
    expect(report.outcomes).toEqual({ reactivated: 1 });
    expect(h.accountsOf("tt-1012")).toEqual([expect.objectContaining({ id: account!.id, status: "active" })]);
  });

  it("an account deactivated from carebridge stays so, until the caregiver leaves TeleTrack and comes back", async () => {
    await confirmAndRun(h, (await preview(h)).jobId!);
    expect(await h.caregivers.changeStatus(ADMIN, "tt-1012", "deactivate")).toMatchObject({ ok: true });
    const teletrack = h.sandbox.state.teletrack.caregivers;
    const grace = teletrack.get("tt-1012")!;
    const [account] = h.accountsOf("tt-1012");
    const later = (ms: number) => new Date(Date.now() + ms).toISOString();

    teletrack.set("tt-1012", { ...grace, updatedAt: later(1000) }); // edited, still active
    const edited = await preview(h);
    expect(edited.summary.counts).toMatchObject({ unchanged: 1, reactivate: 0 });
    expect(edited.jobId).toBeNull();

    teletrack.set("tt-1012", { ...grace, status: "inactive", updatedAt: later(2000) });
    const away = await preview(h);
    expect(away.summary.counts).toMatchObject({ inactive: 1 });

    teletrack.set("tt-1012", { ...grace, status: "active", updatedAt: later(3000) });
    const back = await preview(h);
    expect(back.summary.counts).toMatchObject({ reactivate: 1 });
    const report = await confirmAndRun(h, back.jobId!);
    expect(report.outcomes).toEqual({ reactivated: 1 });
    expect(h.sandbox.state.careacademy.users.get(account!.id)?.status).toBe("active");
  });
});
