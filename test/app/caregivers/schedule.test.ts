import { afterEach, describe, expect, it } from "vitest";
import { createAccessService } from "../../../src/app/access/service";
import { createCaregivers, type ScheduledRun } from "../../../src/app/caregivers";
import { describeError } from "../../../src/app/errors";
import { createSettingsReader } from "../../../src/app/settings/read";
import { createSettingsService, type SettingsForm } from "../../../src/app/settings/service";
import { missingEmail, missingBirthDate } from "../../../src/domain/caregivers/readiness";
import { nextRunAfter } from "../../../src/domain/caregivers/schedule";
import { JobRunner } from "../../../src/jobs/runner";
import { silentLogger } from "../../../src/logger";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, caregiverHarness, STAFF, VIEWER, WORKSPACE, type Harness } from "./harness";

const CHANNEL = "C0DIGEST";
const ADMIN2 = { workspaceId: WORKSPACE, userId: "U0ADMIN2" };
const reach = {
  typedIn: "C0TYPED",
  channelReachable: async (channel: string) => channel !== "C0OUT",
  fallbackTimeZone: async () => "America/Chicago",
};
const hourly = { cadence: "hourly", time: null, channelId: CHANNEL, timeZone: "UTC", quiet: false } as const;

describe(`scheduled caregiver sync (${testDatabaseKind})`, () => {
  let h: Harness;
  /** The fake clock the workflow reads. */
  let clock: Date;
  const start = async (env: Record<string, string> = {}) => {
    clock = new Date();
    h = await caregiverHarness({ now: () => clock, env: { CAREBRIDGE_ADMINS: "U0ADMIN,U0ADMIN2", ...env } });
    return h;
  };
  afterEach(async () => {
    await h.close();
  });

  /** Sets an hourly schedule, moves the clock just past its slot and runs what is due. */
  async function fireSlot(): Promise<ScheduledRun[]> {
    const set = await h.caregivers.schedule.set(ADMIN, hourly, reach);
    if (!set.ok) throw new Error("expected the schedule to be set");
    clock = new Date(set.schedule.nextRunAt.getTime() + 1_000);
    return h.caregivers.schedule.runDue(clock);
  }

  it("set, show and off: admins set it, a channel carebridge is not in is refused, the zone falls back", async () => {
    await start();
    const refused = await h.caregivers.schedule.set(STAFF, { ...hourly, timeZone: null }, reach);
    expect(refused.ok).toBe(false);
    const outside = await h.caregivers.schedule.set(ADMIN, { ...hourly, channelId: "C0OUT" }, reach);
    expect(outside).toMatchObject({ ok: false });
    expect(!outside.ok && outside.problems[0]!.message).toContain("`/invite @carebridge`");

    const daily = await h.caregivers.schedule.set(
      ADMIN,
      { cadence: "daily", time: "06:00", channelId: CHANNEL, timeZone: null, quiet: true },
      reach,
    );
    if (!daily.ok) throw new Error("expected a schedule");
    expect(daily.schedule).toMatchObject({
      timeZone: "America/Chicago",
      time: "06:00",
      allQuiet: true,
      setBy: "U0ADMIN",
    });
    expect(daily.schedule.nextRunAt).toEqual(
      nextRunAfter({ cadence: "daily", time: "06:00", timeZone: "America/Chicago" }, clock),
    );
    // A later change without a zone keeps the schedule's own.
    const again = await h.caregivers.schedule.set(ADMIN2, { ...hourly, timeZone: null }, reach);
    expect(again.ok && again.schedule).toMatchObject({
      cadence: "hourly",
      timeZone: "America/Chicago",
      setBy: "U0ADMIN2",
    });

    const shown = await h.caregivers.schedule.show(VIEWER);
    expect(shown.ok && shown.schedule?.cadence).toBe("hourly");
    expect((await h.caregivers.schedule.off(STAFF)).ok).toBe(false);
    expect(await h.caregivers.schedule.off(ADMIN)).toEqual({ ok: true, removed: true });
    expect(await h.caregivers.schedule.off(ADMIN)).toEqual({ ok: true, removed: false });
    const audit = await h.db.prisma.auditEvent.findMany({ where: { action: "caregiver.schedule", outcome: "ok" } });
    expect(audit).toHaveLength(3);
  });

  it("without a zone or #channel it takes the workspace's settings, and follows the workspace's zone when it changes", async () => {
    await start();
    const settings = createSettingsService({
      prisma: h.db.prisma,
      access: createAccessService({
        prisma: h.db.prisma,
        configAdmins: h.config.admins,
        audit: h.deps.audit,
        offices: h.providers.staffDirectory,
      }),
      audit: h.deps.audit,
      roles: h.providers.staffDirectory,
      learners: h.providers.learnerLms,
      learnerVendor: "cacwt",
      defaults: h.config,
      read: createSettingsReader(h.db.prisma, h.config),
      now: () => clock,
    });
    const form: SettingsForm = {
      roleRanking: "",
      archiveMaxCount: "",
      archiveMaxShare: "",
      matchSuggestScore: "",
      digestChannel: undefined,
      timeZone: "",
    };
    const daily = { cadence: "daily", time: "06:00", channelId: null, timeZone: null, quiet: false } as const;

    // No settings: the invoker's Slack zone and the channel the command was typed in.
    const bare = await h.caregivers.schedule.set(ADMIN, daily, reach);
    expect(bare.ok && bare.schedule).toMatchObject({
      channelId: "C0TYPED",
      timeZone: "America/Chicago",
      followsWorkspaceZone: false,
    });

    expect((await settings.save(ADMIN, { ...form, digestChannel: CHANNEL, timeZone: "America/New_York" })).ok).toBe(
      true,
    );
    // The schedule above took the invoker's zone, not the workspace's: the change leaves it be.
    expect(await h.caregivers.schedule.current(WORKSPACE)).toMatchObject({ timeZone: "America/Chicago" });

    await h.caregivers.schedule.off(ADMIN);
    const set = await h.caregivers.schedule.set(ADMIN, daily, reach);
    expect(set.ok && set.schedule).toMatchObject({
      channelId: CHANNEL,
      timeZone: "America/New_York",
      followsWorkspaceZone: true,
    });
    // A #channel typed in the command wins over the settings' digest channel.
    const typed = await h.caregivers.schedule.set(ADMIN, { ...daily, channelId: "C0OTHER" }, reach);
    expect(typed.ok && typed.schedule.channelId).toBe("C0OTHER");

    clock = new Date(clock.getTime() + 60_000);
    expect((await settings.save(ADMIN, { ...form, timeZone: "Asia/Manila" })).ok).toBe(true);
    const moved = await h.caregivers.schedule.current(WORKSPACE);
    expect(moved).toMatchObject({ timeZone: "Asia/Manila", time: "06:00", followsWorkspaceZone: true });
    expect(moved!.nextRunAt).toEqual(nextRunAfter({ cadence: "daily", time: "06:00", timeZone: "Asia/Manila" }, clock));
    // Cleared: the workspace's zone is the default, UTC, and the schedule goes with it.
    expect((await settings.save(ADMIN, form)).ok).toBe(true);
    expect(await h.caregivers.schedule.current(WORKSPACE)).toMatchObject({ timeZone: "UTC" });

    // A zone named in the command is the schedule's own: it stays when the workspace's changes.
    const own = await h.caregivers.schedule.set(ADMIN, { ...daily, timeZone: "Europe/Paris" }, reach);
    expect(own.ok && own.schedule.followsWorkspaceZone).toBe(false);
    expect((await settings.save(ADMIN, { ...form, timeZone: "America/Denver" })).ok).toBe(true);
    expect(await h.caregivers.schedule.current(WORKSPACE)).toMatchObject({ timeZone: "Europe/Paris" });
    // And a later change without a zone keeps it.
    const later = await h.caregivers.schedule.set(ADMIN, daily, reach);
    expect(later.ok && later.schedule).toMatchObject({ timeZone: "Europe/Paris", followsWorkspaceZone: false });
  });

  it("fires on the fake clock once per slot, without a preview, and the digest names what changed and who can't sync", async () => {
    await start();
    const set = await h.caregivers.schedule.set(ADMIN, hourly, reach);
    if (!set.ok) throw new Error("expected a schedule");
    expect(await h.caregivers.schedule.runDue(new Date(set.schedule.nextRunAt.getTime() - 1_000))).toEqual([]);

    clock = new Date(set.schedule.nextRunAt.getTime() + 1_000);
    const [run, ...others] = await h.caregivers.schedule.runDue(clock);
    expect(others).toEqual([]);
    if (run?.kind !== "started") throw new Error(`expected a started run, got ${run?.kind}`);
    expect(run.job.status).toBe("queued");
    expect(run.job.channelId).toBe(CHANNEL);
    expect(await h.caregivers.schedule.runDue(clock)).toEqual([]); // the slot is taken

    await h.jobs.launch(run.job.id, undefined);
    const job = (await h.store.get(run.job.id))!;
    expect(job.status).toBe("done");
    const digest = await h.caregivers.schedule.digestOf(job);
    expect(digest.scheduled).toBe(true);
    expect(digest.changed.created).toHaveLength(6);
    expect(digest.changed.created).toContain("Priya Raman");
    expect(digest.changed.reactivated).toHaveLength(1);
    expect(digest.changed.linked).toHaveLength(1);
    expect(digest.problems).toEqual([
      { caregiverId: "tt-1003", name: "Marisol Ortega", reason: missingEmail("CareAcademy"), fixable: true },
      expect.objectContaining({ reason: missingBirthDate("CA", "CareAcademy"), fixable: true }),
    ]);

    const after = (await h.caregivers.schedule.current(WORKSPACE))!;
    expect(after.lastRunAt).toEqual(clock);
    expect(after.lastJobId).toBe(run.job.id);
    expect(after.nextRunAt.getTime()).toBe(set.schedule.nextRunAt.getTime() + 60 * 60_000);

    // The next slot: TeleTrack changed nobody since, so there is nothing to do (and nothing to post).
    clock = new Date(after.nextRunAt.getTime() + 1_000);
    const [quiet] = await h.caregivers.schedule.runDue(clock);
    expect(quiet?.kind).toBe("nothing");

    const last = await h.caregivers.schedule.lastDigest(VIEWER);
    expect(last.ok && last.digest?.jobId).toBe(run.job.id);
  });

  it("two instances (two runners on one database) take each slot exactly once", async () => {
    await start();
    const runner = new JobRunner({ store: h.store, logger: silentLogger, describeError });
    const other = createCaregivers({ ...h.deps, jobRunner: runner });
    const set = await h.caregivers.schedule.set(ADMIN, hourly, reach);
    if (!set.ok) throw new Error("expected a schedule");
    clock = new Date(set.schedule.nextRunAt.getTime() + 1_000);
    const [a, b] = await Promise.all([h.caregivers.schedule.runDue(clock), other.schedule.runDue(clock)]);
    const runs = [...a, ...b];
    expect(runs.map((r) => r.kind)).toEqual(["started"]);
    const jobs = await h.db.prisma.job.findMany({ where: { kind: "caregiver-sync" } });
    expect(jobs).toHaveLength(1);
    // Both instances' runners try the job; one does it.
    const jobId = jobs[0]!.id;
    await Promise.all([h.runner.run(jobId), runner.run(jobId)]);
    expect((await h.store.get(jobId))!.status).toBe("done");
    expect(h.accountsOf("tt-1006")).toHaveLength(1);
  });

  it("a run that throws (a vendor outage) says so in words, and the slot has moved on", async () => {
    await start();
    const broken = createCaregivers({
      ...h.deps,
      jobRunner: new JobRunner({ store: h.store, logger: silentLogger, describeError }),
      source: {
        ...h.deps.source,
        listCaregivers: () => {
          throw new Error("TeleTrack is down");
        },
      },
    });
    const set = await h.caregivers.schedule.set(ADMIN, hourly, reach);
    if (!set.ok) throw new Error("expected a schedule");
    clock = new Date(set.schedule.nextRunAt.getTime() + 1_000);
    const [run] = await broken.schedule.runDue(clock);
    expect(run).toMatchObject({ kind: "refused", problems: [{ message: expect.stringContaining("went wrong") }] });
    expect((await h.caregivers.schedule.current(WORKSPACE))!.nextRunAt.getTime()).toBeGreaterThan(clock.getTime());
  });

  it("above the bulk threshold it stops at the preview, and any admin's Confirm runs it", async () => {
    await start({ ARCHIVE_MAX_COUNT: "3" });
    const [run] = await fireSlot();
    if (run?.kind !== "held") throw new Error(`expected a held run, got ${run?.kind}`);
    expect(run.changes).toBe(8);
    const job = (await h.store.get(run.preview.jobId!))!;
    expect(job.status).toBe("preview");
    expect(h.sandbox.state.careacademy.users.size).toBe(3); // nothing changed yet
    // Set by ADMIN; ADMIN2 confirms in the channel; an agency user may not.
    expect((await h.caregivers.confirmAll(STAFF, job.id)).ok).toBe(false);
    const confirmed = await h.caregivers.confirmAll(ADMIN2, job.id);
    expect(confirmed).toMatchObject({ ok: true, started: true });
  });
});
